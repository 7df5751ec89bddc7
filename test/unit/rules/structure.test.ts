import { describe, expect, it } from 'vitest';
import { clockAfterRequired } from '../../../src/core/plan/rules/clock-after.js';
import { duplicateLabel, tooFewOptions } from '../../../src/core/plan/rules/decision.js';
import { duplicateIds } from '../../../src/core/plan/rules/duplicate-ids.js';
import { durationFormat } from '../../../src/core/plan/rules/duration-format.js';
import { escalateNotHigher } from '../../../src/core/plan/rules/escalate-not-higher.js';
import { runEmptyArgv } from '../../../src/core/plan/rules/run-argv.js';
import { check, mutate, nationalPlan } from './plan-builder.js';

describe('ids/duplicate', () => {
  it('passes when ids are unique within each list (the same id in two lists is fine)', () => {
    expect(check(duplicateIds, nationalPlan())).toEqual([]);
    const plan = mutate(nationalPlan(), (p) => (p.channels[0].id = 'csirt'));
    expect(check(duplicateIds, mutate(plan, (p) => (p.roles[0].contacts[0].channel = 'csirt')))).toEqual([]);
  });

  it('reports the second occurrence and names the first by position', () => {
    const plan = mutate(nationalPlan(), (p) => (p.steps[2].id = 'triage'));
    const out = check(duplicateIds, plan);
    expect(out).toEqual([expect.objectContaining({ rule: 'ids/duplicate', severity: 'error', path: '/steps/2/id' })]);
    expect(out[0]?.message).toBe(
      'duplicate step id "triage": the first step (steps[0]) already uses it; ids must be unique within steps',
    );
  });

  it('covers the other lists', () => {
    const plan = mutate(nationalPlan(), (p) => {
      p.roles[1].id = 'csirt';
      p.levels[2].id = 'operational';
      p.clocks[1].id = 'early-warning';
      p.unionArrangements.push({ ...p.unionArrangements[0] });
      p.infrastructure.push({ id: 'grid', title: 'again' });
    });
    const out = check(duplicateIds, plan);
    expect(out.map((f) => f.path)).toEqual([
      '/roles/1/id',
      '/levels/2/id',
      '/clocks/1/id',
      '/infrastructure/1/id',
      '/unionArrangements/1/id',
    ]);
    expect(out[1]?.message).toContain('the second level (levels[1])');
  });
});

describe('decision rules', () => {
  it('pass on the baseline plan', () => {
    expect(check(tooFewOptions, nationalPlan())).toEqual([]);
    expect(check(duplicateLabel, nationalPlan())).toEqual([]);
  });

  it('decision/too-few-options reports one option and none', () => {
    const one = mutate(nationalPlan(), (p) => p.steps[1].decision.options.pop());
    const out = check(tooFewOptions, one);
    expect(out).toEqual([
      expect.objectContaining({ rule: 'decision/too-few-options', severity: 'error', path: '/steps/1/decision/options' }),
    ]);
    expect(out[0]?.message).toContain('the decision of step "assess" has only one option');
    const none = mutate(nationalPlan(), (p) => (p.steps[1].decision.options = []));
    expect(check(tooFewOptions, none)[0]?.message).toContain('has no options');
  });

  it('decision/duplicate-label ignores case and surrounding spaces', () => {
    const plan = mutate(nationalPlan(), (p) => (p.steps[1].decision.options[1].label = '  handle NATIONALLY '));
    const out = check(duplicateLabel, plan);
    expect(out).toEqual([
      expect.objectContaining({ rule: 'decision/duplicate-label', severity: 'error', path: '/steps/1/decision/options/1/label' }),
    ]);
    expect(out[0]?.message).toContain('two options labelled "handle NATIONALLY" (options 1 and 2)');
  });
});

describe('format/duration', () => {
  it('passes on valid durations', () => {
    expect(check(durationFormat, nationalPlan())).toEqual([]);
  });

  it('reports within and run.timeout that are not ISO 8601, with an example', () => {
    const plan = mutate(nationalPlan(), (p) => {
      p.clocks[0].within = '24h';
      p.steps[2].run.timeout = 'PT';
    });
    const out = check(durationFormat, plan);
    expect(out.map((f) => [f.rule, f.severity, f.path])).toEqual([
      ['format/duration', 'error', '/clocks/0/within'],
      ['format/duration', 'error', '/steps/2/run/timeout'],
    ]);
    expect(out[0]?.message).toContain('clock "early-warning": within "24h" is not an ISO 8601 duration');
    expect(out[0]?.message).toContain('PT24H');
  });

  it('leaves non-string values to the schema', () => {
    const plan = mutate(nationalPlan(), (p) => (p.clocks[0].within = 24));
    expect(check(durationFormat, plan)).toEqual([]);
  });
});

describe('clock/after-required', () => {
  it('passes on the baseline plan', () => {
    expect(check(clockAfterRequired, nationalPlan())).toEqual([]);
  });

  it('is an error when starts: report-submitted has no after', () => {
    const plan = mutate(nationalPlan(), (p) => delete p.clocks[2].after);
    const out = check(clockAfterRequired, plan);
    expect(out).toEqual([expect.objectContaining({ rule: 'clock/after-required', severity: 'error', path: '/clocks/2' })]);
    expect(out[0]?.message).toContain('clock "final" starts when a report is submitted but does not say which');
    expect(out[0]?.message).toContain('add after:');
  });

  it('is a warning, at the key, when after is given with another anchor', () => {
    const plan = mutate(nationalPlan(), (p) => (p.clocks[0].after = 'notification'));
    const out = check(clockAfterRequired, plan);
    expect(out).toEqual([
      expect.objectContaining({ rule: 'clock/after-required', severity: 'warning', path: '/clocks/0/after', at: 'key' }),
    ]);
    expect(out[0]?.message).toContain('it is ignored for starts: awareness');
  });
});

describe('escalate/not-higher', () => {
  it('passes when the option escalates above the step level', () => {
    expect(check(escalateNotHigher, nationalPlan())).toEqual([]);
  });

  it('warns when the option escalates to the same or a lower level', () => {
    const plan = mutate(nationalPlan(), (p) => {
      p.steps[1].decision.options[0].escalate = 'operational';
      p.steps[1].decision.options[1].escalate = 'technical';
    });
    const out = check(escalateNotHigher, plan);
    expect(out.map((f) => [f.rule, f.severity, f.path])).toEqual([
      ['escalate/not-higher', 'warning', '/steps/1/decision/options/0/escalate'],
      ['escalate/not-higher', 'warning', '/steps/1/decision/options/1/escalate'],
    ]);
    expect(out[1]?.message).toBe(
      'step "assess", option "Escalate to EU-CyCLONe" escalates to level "technical" (rank 1), ' +
        'which is not above the step\'s level "operational" (rank 2)',
    );
  });

  it('skips unknown levels (ref/unknown-level reports them)', () => {
    const plan = mutate(nationalPlan(), (p) => (p.steps[1].decision.options[1].escalate = 'nope'));
    expect(check(escalateNotHigher, plan)).toEqual([]);
  });
});

describe('run/empty-argv', () => {
  it('passes on a real command', () => {
    expect(check(runEmptyArgv, nationalPlan())).toEqual([]);
  });

  it('reports an empty argv', () => {
    const plan = mutate(nationalPlan(), (p) => (p.steps[2].run.argv = []));
    const out = check(runEmptyArgv, plan);
    expect(out).toEqual([expect.objectContaining({ rule: 'run/empty-argv', severity: 'error', path: '/steps/2/run/argv' })]);
    expect(out[0]?.message).toContain('step "recover": run.argv is empty');
  });

  it('reports a blank program and empty arguments, but not an argument that is a space', () => {
    const plan = mutate(nationalPlan(), (p) => (p.steps[2].run.argv = [' ', '', ' ', 'x']));
    const out = check(runEmptyArgv, plan);
    expect(out.map((f) => f.path)).toEqual(['/steps/2/run/argv/0', '/steps/2/run/argv/1']);
    expect(out[0]?.message).toContain('empty string as the program name');
    expect(out[1]?.message).toContain('empty string as argument 1');
  });
});
