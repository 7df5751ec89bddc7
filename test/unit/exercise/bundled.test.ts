// The bundled scenarios: valid against the rules with the bundled plans, and each one passes or
// fails as its name says (the *-late-*, *-no-* variants fail).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildReport } from '../../../src/core/exercise/report-data.js';
import { checkExercise } from '../../../src/core/exercise/rules/index.js';
import { runExercise } from '../../../src/core/exercise/run.js';
import type { Exercise } from '../../../src/core/exercise/types.js';
import type { Plan } from '../../../src/core/plan/types.js';
import { bundledPlanFiles, loadPlan } from '../playbooks/bundled-files.js';
import { bundledExercises, root } from './bundled-exercises.js';

const plans = new Map<string, Plan>(bundledPlanFiles.map((f) => loadPlan(f)).map((p) => [p.metadata.id, p]));
const load = (file: string): Exercise => parse(readFileSync(join(root, file), 'utf8')) as Exercise;
const failing = (file: string): boolean => /-(late|no)-/.test(file);

describe.each(bundledExercises)('%s', (file) => {
  const ex = load(file);

  it('has no rule finding', () => {
    expect(checkExercise(ex, plans)).toEqual([]);
  });

  it(`runs without script problems and ${failing(file) ? 'fails' : 'passes'}`, () => {
    const report = buildReport(ex, plans, runExercise(ex, plans));
    expect(report.problems).toEqual([]);
    expect(report.passed).toBe(!failing(file));
    if (!failing(file)) expect(report.score.percent).toBe(100);
    else expect(report.improvements.filter((i) => i.mandatory).length).toBeGreaterThan(0);
  });
});

it('has a passing scenario and a failing variant for each of the three stories', () => {
  const names = bundledExercises.map((f) => f.replace(/^.*\//, '').replace(/\.yaml$/, ''));
  for (const story of ['ransomware-hospitals', 'ddos-national', 'msp-compromise']) {
    expect(names).toContain(story);
    expect(names.some((n) => n.startsWith(`${story}-`) && failing(`/${n}`))).toBe(true);
  }
});

it('meets a step-reached expectation on a track beside the main one, and scripts act on the track their step names', () => {
  const ex = load('playbooks/exercises/msp-compromise.yaml');
  const run = runExercise(ex, plans);
  const ipcr = run.state.visited.find((v) => v.planId === 'eu-circp' && v.stepId === 'ipcr-coordination');
  expect(ipcr?.track).toMatch(/^t\d+$/); // the CSIRTs network track, not the national one
  const report = buildReport(ex, plans, run);
  expect(report.expectations.find((e) => e.id === 'ipcr-engaged')?.status).toBe('met');
  // The national track went on while the EU tracks ran: it reached its own response.
  expect(run.state.visited.some((v) => v.stepId === 'national-response' && v.track === undefined)).toBe(true);
  // The Reserve request was a track of its own, started by the national Union escalation.
  const reserve = run.events.find((e) => e.type === 'track-started' && e.stepId === 'reserve-request');
  expect(reserve).toMatchObject({ planId: 'eu-circp', from: { planId: 'example-southland', stepId: 'union-escalation' } });
});
