// tracks/* rules, and track starts in the reference and reachability rules.
import { describe, expect, it } from 'vitest';
import type { Step } from '../../../src/core/plan/types.js';
import { trackNoEnd, trackUnreachable } from '../../../src/core/plan/rules/track-starts.js';
import { joinDeadlock, joinTwice, joinWithoutTracks } from '../../../src/core/plan/rules/tracks.js';
import { unreachableStep } from '../../../src/core/plan/rules/unreachable-step.js';
import { check, euPlan, mutate, nationalPlan } from './plan-builder.js';
import { validateYaml } from './validate-yaml.js';

const step = (id: string, more: Partial<Step>): Step => ({ id, title: id, phase: 'response', level: 'technical', owner: 'csirt', basis: 'plan', ...more });
const withSteps = (steps: Step[]) =>
  mutate(nationalPlan(), (p) => {
    p.steps = steps;
    delete p.start;
  });

describe('tracks rules', () => {
  const fork = (join: Partial<Step>, report: Partial<Step> = { next: 'meet' }) =>
    withSteps([step('fork', { startsTracks: ['report'], next: 'contain' }), step('contain', { next: 'meet' }), step('report', report), step('meet', { next: 'done', ...join }), step('done', { end: true })]);

  it('accepts a fork whose tracks meet at a join, and counts a track start as reaching its step', () => {
    const plan = fork({ join: 'all' });
    expect(check(joinWithoutTracks, plan)).toEqual([]);
    expect(check(joinTwice, plan)).toEqual([]);
    expect(check(unreachableStep, plan)).toEqual([]);
  });

  it('warns about a join only one track can reach', () => {
    const out = check(joinWithoutTracks, fork({ join: 'all' }, { next: 'done' }));
    expect(out).toEqual([expect.objectContaining({ rule: 'tracks/join-without-tracks', severity: 'warning', path: '/steps/3/join' })]);
  });

  it('reports a join on a loop, which one track would enter twice', () => {
    const plan = withSteps([
      step('fork', { startsTracks: ['report'], next: 'meet' }),
      step('report', { next: 'meet' }),
      step('meet', { join: 'all', decision: { question: 'Again?', options: [{ label: 'Yes', next: 'fork' }, { label: 'No', next: 'done' }] } }),
      step('done', { end: true }),
    ]);
    expect(check(joinTwice, plan)).toEqual([expect.objectContaining({ rule: 'tracks/join-twice', path: '/steps/2/join' })]);
  });

  it('accepts tracks that can each run and finish', () => {
    const plan = fork({ join: 'all' });
    expect([...check(trackNoEnd, plan), ...check(trackUnreachable, plan), ...check(joinDeadlock, plan)]).toEqual([]);
  });

  it('reports a track that can reach no end, join or hand-over, at the fork that starts it', () => {
    const plan = withSteps([
      step('fork', { decision: { question: 'Report?', options: [{ label: 'Yes', next: 'done', startsTracks: ['report'] }, { label: 'No', next: 'done' }] } }),
      step('report', { next: 'check' }),
      step('check', { next: 'report' }),
      step('done', { end: true }),
    ]);
    expect(check(trackNoEnd, plan)).toEqual([expect.objectContaining({ rule: 'tracks/no-end', path: '/steps/0/decision/options/0/startsTracks/0' })]);
    expect(check(trackNoEnd, fork({ join: 'all' }))).toEqual([]);
  });

  it('reports a track that can never run on its own: at its fork, where the fork goes on, or started twice', () => {
    const plan = withSteps([
      step('fork', { startsTracks: ['fork', 'contain', 'report', 'report'], next: 'contain' }),
      step('contain', { next: 'done' }),
      step('report', { next: 'done' }),
      step('done', { end: true }),
    ]);
    const out = check(trackUnreachable, plan);
    expect(out.map((f) => f.path)).toEqual(['/steps/0/startsTracks/0', '/steps/0/startsTracks/1', '/steps/0/startsTracks/3']);
    expect(out.map((f) => f.message)).toEqual([expect.stringContaining('the step that starts it'), expect.stringContaining('merges with that track'), expect.stringContaining('started twice')]);
  });

  it('reports two joins that lead to each other once, as a deadlock, not also as joins on a loop', () => {
    const plan = withSteps([
      step('fork', { startsTracks: ['report'], next: 'first' }),
      step('report', { next: 'second' }),
      step('first', { join: 'all', next: 'second' }),
      step('second', { join: 'all', decision: { question: 'Again?', options: [{ label: 'Yes', next: 'first' }, { label: 'No', next: 'done' }] } }),
      step('done', { end: true }),
    ]);
    expect(check(joinDeadlock, plan)).toEqual([expect.objectContaining({ rule: 'tracks/join-deadlock', path: '/steps/2/join', message: expect.stringContaining('"first" and "second"') })]);
    expect(check(joinTwice, plan)).toEqual([]);
  });

  it('checks where a track starts like any step reference, with its line', () => {
    const plan = fork({ join: 'all' });
    const broken = mutate(plan, (p) => {
      p.steps[0].startsTracks = ['no-such-step'];
    });
    const { findings } = validateYaml(broken, euPlan());
    expect(findings.filter((f) => f.rule === 'ref/unknown-step').map((f) => f.path)).toEqual(['/steps/0/startsTracks/0']);
  });
});
