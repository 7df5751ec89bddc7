import { describe, expect, it } from 'vitest';
import { fold } from '../../../src/core/engine/index.js';
import { runExercise } from '../../../src/core/exercise/run.js';
import { scoreExercise } from '../../../src/core/exercise/score.js';
import type { Exercise, Expectation } from '../../../src/core/exercise/types.js';
import { exercise, plans, script } from './fixtures.js';

/** Run the fixture with these expectations (and script) and score it. */
function scored(expectations: Expectation[], over: Partial<Exercise> = {}) {
  const ex = exercise({ expectations, ...over });
  const run = runExercise(ex, plans());
  return scoreExercise(ex, { plans: plans(), home: ex.plan, state: fold(plans(), run.events), start: run.start, end: run.end });
}
const one = (e: Omit<Expectation, 'objective'>, over: Partial<Exercise> = {}) => scored([{ objective: 'detect', ...e } as Expectation], over).expectations[0];

describe('judging expectations', () => {
  it('meets a step reached before `by`, with the margin', () => {
    expect(one({ id: 'x', type: 'step-reached', step: 'assess', by: 'PT3H' })).toMatchObject({ status: 'met', met: true, marginMs: 3_600_000, detail: 'met 1 h before the deadline' });
  });

  it('shows no deadline or margin when the expectation has no deadline of its own', () => {
    const r = one({ id: 'x', type: 'step-reached', step: 'assess' });
    expect(r).toMatchObject({ status: 'met', detail: 'met', achievedAt: '2025-03-01T10:00:00.000Z' });
    expect(r?.deadline).toBeUndefined();
    expect(r?.marginMs).toBeUndefined();
  });

  it('is late by N when achieved after the deadline', () => {
    expect(one({ id: 'x', type: 'decision-taken', step: 'assess', by: 'PT1H' })).toMatchObject({ status: 'late', met: false, marginMs: -7_200_000, detail: 'late by 2 h' });
  });

  it('measures `within` from an inject, and from awareness without one', () => {
    expect(one({ id: 'x', type: 'step-reached', step: 'eu-circp#cyclone', within: 'PT30M', after: 'second-ms' })).toMatchObject({ status: 'late', detail: 'late by 30 min' });
    expect(one({ id: 'x', type: 'notification-sent', notification: 'ew-report', within: 'PT1H' })).toMatchObject({ status: 'met', marginMs: 0, detail: 'met just in time' });
  });

  it('misses what never happened, saying why', () => {
    expect(one({ id: 'x', type: 'step-reached', step: 'coordinate' })).toMatchObject({ status: 'missed', met: false, detail: 'not done by the end of the exercise' });
    expect(one({ id: 'x', type: 'decision-taken', step: 'assess', option: 'National' })).toMatchObject({ status: 'missed', detail: 'another option was taken: "Large-scale"' });
    expect(one({ id: 'x', type: 'clock-met', clock: 'dora-initial' })).toMatchObject({ status: 'missed', detail: 'still running at the end of the exercise (due 2025-03-01T15:00:00.000Z)' });
    expect(one({ id: 'x', type: 'clock-met', clock: 'dora-initial' }, { end: 'PT8H' })).toMatchObject({ status: 'missed', detail: 'overdue by 1 h at the end of the exercise' });
    expect(one({ id: 'x', type: 'clock-met', clock: 'sitrep' })).toMatchObject({ status: 'missed', detail: 'the clock never started' });
    expect(one({ id: 'x', type: 'step-reached', step: 'triage', within: 'PT1H', after: 'never' })).toMatchObject({ status: 'missed', detail: 'inject never was never released' });
  });

  it('judges clocks by their own due time, met or late', () => {
    expect(one({ id: 'x', type: 'clock-met', clock: 'early-warning' })).toMatchObject({ status: 'met', marginMs: 23 * 3_600_000 });
    // The early warning is recorded a day late (not at its step), before the close.
    const late = script.map((s) => (s.do === 'notify' && s.notification === 'ew-report' ? { ...s, at: 'P1DT2H' } : s.do === 'close' ? { ...s, at: 'P1DT3H' } : s));
    expect(one({ id: 'x', type: 'clock-met', clock: 'early-warning' }, { script: late })).toMatchObject({ status: 'late', detail: 'late by 2 h' });
  });

  it('reads a level as reached at its rank or higher, from the opening on', () => {
    expect(one({ id: 'x', type: 'level-reached', level: 'technical' })?.achievedAt).toBe('2025-03-01T08:00:00.000Z');
    expect(one({ id: 'x', type: 'level-reached', level: 'operational' })?.achievedAt).toBe('2025-03-01T11:00:00.000Z');
    expect(one({ id: 'x', type: 'level-reached', level: 'eu-circp#strategic' })?.achievedAt).toBe('2025-03-01T13:00:00.000Z');
  });

  it('matches notifications by recipient alone', () => {
    expect(one({ id: 'x', type: 'notification-sent', to: 'eu-circp#cyclone' })?.achievedAt).toBe('2025-03-01T12:00:00.000Z');
    expect(one({ id: 'x', type: 'notification-sent', to: 'crisis-authority' })?.status).toBe('missed');
  });

  it('names the role that owns what was expected', () => {
    expect(one({ id: 'x', type: 'notification-sent', notification: 'eu-circp#cyclone-sitrep' })?.owner).toEqual({ planId: 'eu-circp', roleId: 'cyclone', title: 'EU-CyCLONe' });
    expect(one({ id: 'x', type: 'clock-met', clock: 'notification' })?.owner).toEqual({ planId: 'xx-ncp', roleId: 'national-csirt', title: 'National CSIRT' });
  });
});

describe('the score', () => {
  const exp = (id: string, ok: boolean, weight: number, mandatory = false): Expectation => ({
    id,
    objective: 'detect',
    type: 'step-reached',
    step: ok ? 'assess' : 'coordinate',
    weight,
    mandatory,
  });

  it('weighs met expectations and passes when every mandatory one is met', () => {
    const s = scored([exp('a', true, 3, true), exp('b', false, 1)]);
    expect(s.score).toEqual({ percent: 75, metWeight: 3, totalWeight: 4, met: 1, total: 2, mandatoryMissed: 0 });
    expect(s.passed).toBe(true);
    expect(s.objectives.find((o) => o.id === 'detect')).toMatchObject({ rating: 'S', met: 1, expectations: 2 });
    expect(s.objectives.find((o) => o.id === 'escalate')?.rating).toBeUndefined();
  });

  it('fails when a mandatory expectation is missed, whatever the score', () => {
    const s = scored([exp('a', true, 9), exp('b', false, 1, true)]);
    expect(s.score.percent).toBe(90);
    expect(s.passed).toBe(false);
    expect(s.score.mandatoryMissed).toBe(1);
  });

  it('rounds the percentage to one decimal', () => {
    expect(scored([exp('a', true, 1), exp('b', false, 1), exp('c', false, 1)]).score.percent).toBe(33.3);
  });
});
