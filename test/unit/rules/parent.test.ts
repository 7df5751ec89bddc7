import { describe, expect, it } from 'vitest';
import { missingParent, noHandover, unknownParent } from '../../../src/core/plan/rules/parent.js';
import type { Plan } from '../../../src/core/plan/types.js';
import { check, euPlan, mutate, nationalPlan } from './plan-builder.js';

describe('plan/missing-parent', () => {
  it('passes for a national plan with a parent and for the EU plan without one', () => {
    expect(check(missingParent, nationalPlan())).toEqual([]);
    expect(check(missingParent, euPlan())).toEqual([]);
  });

  it('reports a national plan without metadata.parent, at metadata', () => {
    const plan = mutate(nationalPlan(), (p) => delete p.metadata.parent);
    const out = check(missingParent, plan);
    expect(out).toEqual([expect.objectContaining({ rule: 'plan/missing-parent', severity: 'error', path: '/metadata' })]);
    expect(out[0]?.message).toContain('national plan (jurisdiction XX) has no metadata.parent');
    expect(out[0]?.message).toContain('parent: eu-circp');
  });
});

describe('ref/unknown-parent', () => {
  it('passes when the parent is loaded', () => {
    expect(check(unknownParent, nationalPlan())).toEqual([]);
  });

  it('is an error when the parent is not loaded, with a suggestion and the loaded plans', () => {
    const plan = mutate(nationalPlan(), (p) => (p.metadata.parent = 'eu-cirpc'));
    const out = check(unknownParent, plan);
    expect(out).toEqual([expect.objectContaining({ rule: 'ref/unknown-parent', severity: 'error', path: '/metadata/parent' })]);
    expect(out[0]?.message).toContain('parent plan "eu-cirpc" is not loaded; did you mean "eu-circp"?');
    expect(out[0]?.message).toContain('add the file that defines it');
  });

  it('is only a warning when the bundled eu-circp itself was not loaded', () => {
    const plan = nationalPlan();
    const out = unknownParent.check({ plan, plans: new Map<string, Plan>([['xx-ncirp', plan]]) });
    expect(out).toEqual([expect.objectContaining({ severity: 'warning', path: '/metadata/parent' })]);
  });
});

describe('flow/no-handover', () => {
  it('passes when an option hands over to the parent', () => {
    expect(check(noHandover, nationalPlan())).toEqual([]);
  });

  it('accepts a plain next as hand-over too', () => {
    const plan = mutate(nationalPlan(), (p) => {
      p.steps[1].decision.options[1].next = 'recover';
      delete p.steps[2].end;
      p.steps[2].next = 'eu-circp#cyclone-assess';
    });
    expect(check(noHandover, plan)).toEqual([]);
  });

  it('reports a national plan that never reaches its parent', () => {
    const plan = mutate(nationalPlan(), (p) => (p.steps[1].decision.options[1].next = 'recover'));
    const out = check(noHandover, plan);
    expect(out).toEqual([expect.objectContaining({ rule: 'flow/no-handover', severity: 'error', path: '/steps', at: 'key' })]);
    expect(out[0]?.message).toContain('no step hands over to the parent plan "eu-circp"');
    expect(out[0]?.message).toContain('next: eu-circp#STEP-ID');
  });

  it('leaves a hand-over into a misspelt, unloaded plan to ref/unknown-plan', () => {
    const plan = mutate(nationalPlan(), (p) => (p.steps[1].decision.options[1].next = 'eu-cirp#cyclone-assess'));
    expect(check(noHandover, plan)).toEqual([]);
  });

  it('does not count a hand-over to another loaded plan', () => {
    const other = mutate(euPlan(), (p) => (p.metadata.id = 'yy'));
    const plan = mutate(nationalPlan(), (p) => (p.steps[1].decision.options[1].next = 'yy#close'));
    expect(check(noHandover, plan, other).map((f) => f.rule)).toEqual(['flow/no-handover']);
  });

  it('does not apply to the EU plan or to a plan without parent', () => {
    expect(check(noHandover, euPlan())).toEqual([]);
    const orphan = mutate(nationalPlan(), (p) => {
      delete p.metadata.parent;
      p.steps[1].decision.options[1].next = 'recover';
    });
    expect(check(noHandover, orphan)).toEqual([]);
  });
});
