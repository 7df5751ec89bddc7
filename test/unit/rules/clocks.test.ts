import { describe, expect, it } from 'vitest';
import { clockNeverStarted } from '../../../src/core/plan/rules/clock-never-started.js';
import { clockNotStepEntered } from '../../../src/core/plan/rules/clock-not-step-entered.js';
import { sharedClockMismatch } from '../../../src/core/plan/rules/clock-shared.js';
import { clockNoDeadline } from '../../../src/core/plan/rules/clock-deadline.js';
import { check, euPlan, mutate, nationalPlan } from './plan-builder.js';
import { placesOf, validateYaml, where } from './validate-yaml.js';

describe('the builder plan written as YAML', () => {
  it('has no finding at all (the baseline the position tests break)', () => {
    expect(validateYaml(nationalPlan()).findings).toEqual([]);
  });
});

describe('clock/not-step-entered', () => {
  it('reports a step that lists an awareness clock in startsClocks, at the entry', () => {
    const plan = mutate(nationalPlan(), (p) => (p.steps[0].startsClocks = ['triage-done', 'early-warning']));
    const { text, findings } = validateYaml(plan);
    expect(placesOf(findings, 'clock/not-step-entered')).toEqual([where(text, 'startsClocks:', '- early-warning')].map(([l, c]) => [l, c + 2]));
    const out = check(clockNotStepEntered, plan);
    expect(out).toEqual([expect.objectContaining({ severity: 'error', path: '/steps/0/startsClocks/1' })]);
    expect(out[0]?.message).toContain('step "triage": startsClocks "early-warning" is a clock with starts: awareness');
  });

  it('reports an on-request clock in a step, but accepts it in a decision option (the responder asked)', () => {
    const plan = mutate(nationalPlan(), (p) => {
      p.clocks.push({ id: 'intermediate', title: 'Intermediate report', starts: 'on-request', within: 'P7D', basis: 'NIS2 Art. 23(4)(c)' });
      p.steps[2].startsClocks = ['intermediate'];
      p.steps[1].decision.options[0].startsClocks = ['intermediate'];
    });
    const out = check(clockNotStepEntered, plan);
    expect(out.map((f) => f.path)).toEqual(['/steps/2/startsClocks/0']);
    expect(out[0]?.message).toContain('start it from the decision option that records the on-request event instead');
  });

  it('reports a decision option that lists a clock the engine starts by itself', () => {
    const plan = mutate(nationalPlan(), (p) => (p.steps[1].decision.options[1].startsClocks = ['final']));
    const out = check(clockNotStepEntered, plan);
    expect(out.map((f) => f.path)).toEqual(['/steps/1/decision/options/1/startsClocks/0']);
    expect(out[0]?.message).toContain('starts: report-submitted');
  });

  it('finds nothing when startsClocks names step-entered clocks (or unknown ones, left to ref/unknown-clock)', () => {
    expect(check(clockNotStepEntered, nationalPlan())).toEqual([]);
    expect(check(clockNotStepEntered, mutate(nationalPlan(), (p) => (p.steps[0].startsClocks = ['nope'])))).toEqual([]);
  });
});

describe('clock/never-started', () => {
  it('reports a step-entered clock no step or option starts, at its starts', () => {
    const plan = mutate(nationalPlan(), (p) => delete p.steps[0].startsClocks);
    const { text, findings } = validateYaml(plan);
    expect(placesOf(findings, 'clock/never-started')).toEqual([where(text, 'id: triage-done', 'step-entered')]);
    const out = check(clockNeverStarted, plan);
    expect(out).toEqual([expect.objectContaining({ severity: 'error', path: '/clocks/3/starts' })]);
    expect(out[0]?.message).toContain('clock "triage-done" starts when a step is entered, but no step or decision option lists it');
  });

  it('counts a decision option as a starter', () => {
    const plan = mutate(nationalPlan(), (p) => {
      delete p.steps[0].startsClocks;
      p.steps[1].decision.options[0].startsClocks = ['triage-done'];
    });
    expect(check(clockNeverStarted, plan)).toEqual([]);
    expect(check(clockNeverStarted, nationalPlan())).toEqual([]);
  });
});

describe('clock/shared-id-mismatch', () => {
  const eu = () =>
    mutate(euPlan(), (p) => {
      p.clocks = [
        { id: 'early-warning', title: 'Early warning', starts: 'awareness', within: 'PT24H', basis: 'NIS2 Art. 23(4)(a)' },
        { id: 'final', title: 'Final report', starts: 'report-submitted', after: 'notification', within: 'P1M', basis: 'NIS2 Art. 23(4)(d)' },
      ];
    });

  it('reports a national clock with an EU clock id but another duration, at within', () => {
    const plan = mutate(nationalPlan(), (p) => (p.clocks[0].within = 'PT48H'));
    const { text, findings } = validateYaml(plan, eu());
    expect(placesOf(findings, 'clock/shared-id-mismatch')).toEqual([where(text, 'id: early-warning', 'PT48H')]);
    const out = check(sharedClockMismatch, plan, eu());
    expect(out).toEqual([expect.objectContaining({ severity: 'error', path: '/clocks/0/within' })]);
    expect(out[0]?.message).toContain('clock "early-warning" has the id of a clock of plan "eu-circp"');
    expect(out[0]?.message).toContain('its within is "PT48H" here and "PT24H" there: use within: PT24H');
  });

  it('reports another start or another after', () => {
    const plan = mutate(nationalPlan(), (p) => {
      p.clocks[0].starts = 'on-request';
      p.clocks[2].after = 'early-warning';
    });
    expect(check(sharedClockMismatch, plan, eu()).map((f) => f.path)).toEqual(['/clocks/0/starts', '/clocks/2/after']);
  });

  it('finds nothing when shared clocks agree (PT24H and PT24H, P1M and P1M) or ids differ', () => {
    expect(check(sharedClockMismatch, nationalPlan(), eu())).toEqual([]);
    expect(check(sharedClockMismatch, nationalPlan())).toEqual([]);
    expect(check(sharedClockMismatch, eu())).toEqual([]);
  });
});

describe('clock/no-deadline', () => {
  it('accepts an on-request clock without within, and reports any other clock without one, at the clock', () => {
    const plan = mutate(nationalPlan(), (p) => {
      p.clocks.push({ id: 'intermediate', title: 'Intermediate report', starts: 'on-request', basis: 'NIS2 Art. 23(4)(c)' });
      p.clocks.push({ id: 'handled', title: 'Handled', starts: 'incident-handled', basis: 'plan' });
    });
    const { text, findings } = validateYaml(plan);
    expect(findings.filter((f) => f.rule === 'clock/no-deadline').map((f) => [f.line, f.path])).toEqual([[where(text, 'id: handled', 'id: handled')[0], '/clocks/' + String((plan.clocks?.length ?? 0) - 1)]]);
    expect(check(clockNoDeadline, plan)[0]?.message).toContain('clock "handled" has no within, so it would never fall due');
  });

  it('reports startsClocks naming a clock whose due time only the request can give', () => {
    const plan = mutate(nationalPlan(), (p) => {
      p.clocks.push({ id: 'intermediate', title: 'Intermediate report', starts: 'on-request', basis: 'NIS2 Art. 23(4)(c)' });
      p.steps[1].decision.options[0].startsClocks = ['intermediate'];
    });
    const out = check(clockNoDeadline, plan);
    expect(out.map((f) => f.path)).toEqual(['/steps/1/decision/options/0/startsClocks/0']);
    expect(out[0]?.message).toContain('gives the due time the request names');
  });

  it('checks an outer limit as a duration and an alsoMeets reference as a clock', () => {
    const plan = mutate(nationalPlan(), (p) => {
      p.clocks[0].noLaterThan = { within: '24 hours', from: 'awareness' };
      p.notifications[0].alsoMeets = ['early-warnin'];
    });
    const rules = validateYaml(plan).findings.map((f) => [f.rule, f.path]);
    expect(rules).toContainEqual(['format/duration', '/clocks/0/noLaterThan/within']);
    expect(rules).toContainEqual(['ref/unknown-clock', '/notifications/0/alsoMeets/0']);
  });
});
