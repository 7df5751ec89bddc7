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
