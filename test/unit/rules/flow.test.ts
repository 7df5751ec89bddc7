import { describe, expect, it } from 'vitest';
import { deadEndLoop } from '../../../src/core/plan/rules/dead-end-loop.js';
import { ambiguousExit, noExit } from '../../../src/core/plan/rules/step-exits.js';
import { unreachableStep } from '../../../src/core/plan/rules/unreachable-step.js';
import { check, mutate, nationalPlan, type Loose } from './plan-builder.js';

/** A step with the fields every step needs, plus `extra`. */
function step(id: string, extra: Loose = {}): Loose {
  return { id, title: id, phase: 'response', level: 'technical', owner: 'csirt', basis: 'plan', ...extra };
}

describe('flow/unreachable-step', () => {
  it('passes when every step is reachable from start', () => {
    expect(check(unreachableStep, nationalPlan())).toEqual([]);
  });

  it('reports a step nothing leads to, at its id', () => {
    const plan = mutate(nationalPlan(), (p) => p.steps.push(step('orphan', { end: true })));
    const out = check(unreachableStep, plan);
    expect(out).toEqual([expect.objectContaining({ rule: 'flow/unreachable-step', severity: 'error', path: '/steps/3/id' })]);
    expect(out[0]?.message).toBe(
      'step "orphan" cannot be reached from the start step "triage": no next or decision option on a path from the start leads to it',
    );
  });

  it('starts from the first step when there is no start, and follows option next', () => {
    const plan = mutate(nationalPlan(), (p) => {
      delete p.start;
      p.steps[1].decision.options[0].next = 'eu-circp#close'; // recover is now only reachable from nowhere
    });
    expect(check(unreachableStep, plan).map((f) => f.path)).toEqual(['/steps/2/id']);
  });

  it('reports an unreachable region once, where it begins, naming the steps after it', () => {
    const plan = mutate(nationalPlan(), (p) => p.steps.push(step('b', { end: true }), step('a', { next: 'b' })));
    const found = check(unreachableStep, plan);
    expect(found.map((f) => f.path)).toEqual(['/steps/4/id']);
    expect(found[0]?.message).toContain('step "a" cannot be reached');
    expect(found[0]?.message).toContain('and so is the step it leads to: "b"');
  });

  it('reports an unreachable loop once', () => {
    const plan = mutate(nationalPlan(), (p) => p.steps.push(step('x', { next: 'y' }), step('y', { next: 'x' })));
    expect(check(unreachableStep, plan).map((f) => f.path)).toEqual(['/steps/3/id']);
  });

  it('stays silent when start names no step (ref/unknown-step reports that)', () => {
    const plan = mutate(nationalPlan(), (p) => (p.start = 'nope'));
    expect(check(unreachableStep, plan)).toEqual([]);
  });

  it('stays silent while a next names no step, rather than guess what the broken link cut off', () => {
    const plan = mutate(nationalPlan(), (p) => (p.steps[0].next = 'asess'));
    expect(check(unreachableStep, plan)).toEqual([]);
  });

  it('does not report a repeated id (ids/duplicate does)', () => {
    const plan = mutate(nationalPlan(), (p) => p.steps.push(step('recover', { end: true })));
    expect(check(unreachableStep, plan)).toEqual([]);
  });
});

describe('flow/no-exit and flow/ambiguous-exit', () => {
  it('pass on the baseline plan', () => {
    expect(check(noExit, nationalPlan())).toEqual([]);
    expect(check(ambiguousExit, nationalPlan())).toEqual([]);
  });

  it('reports a step with no next, decision or end at the step', () => {
    const plan = mutate(nationalPlan(), (p) => delete p.steps[2].end);
    const out = check(noExit, plan);
    expect(out).toEqual([expect.objectContaining({ rule: 'flow/no-exit', severity: 'error', path: '/steps/2' })]);
    expect(out[0]?.message).toContain('step "recover" has no way out');
    expect(out[0]?.message).toContain('add next');
  });

  it('explains that end: false does not end the plan', () => {
    const plan = mutate(nationalPlan(), (p) => (p.steps[2].end = false));
    expect(check(noExit, plan)[0]?.message).toContain('end: false does not end the plan');
  });

  it('reports two ways out at the key of the second one', () => {
    const plan = mutate(nationalPlan(), (p) => (p.steps[1].end = true));
    const out = check(ambiguousExit, plan);
    expect(out).toEqual([
      expect.objectContaining({ rule: 'flow/ambiguous-exit', severity: 'error', path: '/steps/1/end', at: 'key' }),
    ]);
    expect(out[0]?.message).toBe('step "assess" has decision and end: true: keep only one way out of the step');
  });

  it('does not count end: false as a way out', () => {
    const plan = mutate(nationalPlan(), (p) => (p.steps[0].end = false));
    expect(check(ambiguousExit, plan)).toEqual([]);
  });
});

describe('flow/dead-end-loop', () => {
  it('passes on the baseline plan and on loops with a way out', () => {
    expect(check(deadEndLoop, nationalPlan())).toEqual([]);
    const retry = mutate(nationalPlan(), (p) => (p.steps[1].decision.options[0].next = 'triage'));
    expect(check(deadEndLoop, retry)).toEqual([]); // the other option hands over to the EU plan
  });

  it('reports a closed loop once, at its first step', () => {
    const plan = mutate(nationalPlan(), (p) => {
      p.steps[1].decision.options[0].next = 'triage';
      p.steps[1].decision.options[1].next = 'triage';
    });
    const out = check(deadEndLoop, plan);
    expect(out).toEqual([expect.objectContaining({ rule: 'flow/dead-end-loop', severity: 'error', path: '/steps/0/id' })]);
    expect(out[0]?.message).toBe(
      'steps "triage", "assess" form a loop with no way out: no step in it ends the plan (end: true), ' +
        'hands over to another plan, or leads outside the loop',
    );
  });

  it('reports a step that only leads to itself', () => {
    const plan = mutate(nationalPlan(), (p) => {
      delete p.steps[2].end;
      p.steps[2].next = 'recover';
    });
    const out = check(deadEndLoop, plan);
    expect(out.map((f) => f.path)).toEqual(['/steps/2/id']);
    expect(out[0]?.message).toContain('step "recover" only leads back to itself');
  });

  it('reports only the trap, not the steps that lead into it, and each trap separately', () => {
    const plan = mutate(nationalPlan(), (p) => {
      p.steps[2].end = undefined;
      p.steps[2].next = 'loop-a';
      p.steps.push(step('loop-a', { next: 'loop-b' }), step('loop-b', { next: 'loop-a' }));
      p.steps.push(step('self', { next: 'self' }));
    });
    expect(check(deadEndLoop, plan).map((f) => f.path)).toEqual(['/steps/3/id', '/steps/5/id']);
  });

  it('does not report a loop whose exit is a broken reference or a dead end (other rules do)', () => {
    const broken = mutate(nationalPlan(), (p) => {
      p.steps.push(step('a', { decision: { question: '?', options: [{ label: 'x', next: 'b' }, { label: 'y', next: 'typo' }] } }));
      p.steps.push(step('b', { next: 'a' }));
    });
    expect(check(deadEndLoop, broken)).toEqual([]);
  });
});
