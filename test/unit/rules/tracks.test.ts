// tracks/* rules, and track starts in the reference and reachability rules.
import { describe, expect, it } from 'vitest';
import type { Step } from '../../../src/core/plan/types.js';
import { joinTwice, joinWithoutTracks } from '../../../src/core/plan/rules/tracks.js';
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

  it('checks where a track starts like any step reference, with its line', () => {
    const plan = fork({ join: 'all' });
    const broken = mutate(plan, (p) => {
      p.steps[0].startsTracks = ['no-such-step'];
    });
    const { findings } = validateYaml(broken, euPlan());
    expect(findings.filter((f) => f.rule === 'ref/unknown-step').map((f) => f.path)).toEqual(['/steps/0/startsTracks/0']);
  });
});
