// apply() copies only what an event changes (apply.ts, draftOf): it must still never change the
// state it was given, and must give what a deep copy folded in place gives. Checked on every
// event of every bundled exercise run and on a log with retractions (which change old records).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { apply, applyInPlace } from '../../../src/core/engine/apply.js';
import type { IncidentEvent } from '../../../src/core/engine/events.js';
import type { Plans } from '../../../src/core/engine/refs.js';
import { initialState } from '../../../src/core/engine/state.js';
import { runExercise } from '../../../src/core/exercise/run.js';
import type { Exercise } from '../../../src/core/exercise/types.js';
import type { Plan } from '../../../src/core/plan/types.js';
import { bundledPlanFiles, loadPlan } from '../playbooks/bundled-files.js';
import { bundledExercises, root } from '../exercise/bundled-exercises.js';
import { hoursAfter } from './fixtures.js';
import { Session } from './session.js';

function checkEveryStep(plans: Plans, events: readonly IncidentEvent[]): void {
  let state = initialState();
  for (const event of events) {
    const before = structuredClone(state);
    const next = apply(state, event, plans);
    expect(state).toEqual(before);
    const reference = structuredClone(before);
    applyInPlace(reference, event, plans);
    expect(next).toEqual(reference);
    state = next;
  }
}

describe('apply copies only what an event changes', () => {
  const plans = new Map<string, Plan>(bundledPlanFiles.map((f) => loadPlan(f)).map((p) => [p.metadata.id, p]));
  it.each(bundledExercises)('leaves every earlier state of %s as it was', (file) => {
    const exercise = parse(readFileSync(join(root, file), 'utf8')) as Exercise;
    const run = runExercise(exercise, plans);
    expect(run.events.length).toBeGreaterThan(10);
    checkEveryStep(plans, run.events);
  });

  it('leaves earlier states as they were across retractions of reports, clocks and notes', () => {
    const s = new Session();
    const [sent] = s.act('notify:xx-ncp#ew-report@xx-ncp#triage', {}, hoursAfter(2));
    s.act('retract', { seq: s.log.indexOf(sent as never) + 1, reason: 'wrong incident' }, hoursAfter(3), 'ben');
    s.act('note', { text: 'Hospitl A encrypted' }, hoursAfter(4));
    s.act('retract', { seq: s.log.length, reason: 'typo', text: 'Hospital A encrypted' }, hoursAfter(4));
    expect(s.log.filter((e) => e.type === 'entry-retracted')).toHaveLength(2);
    checkEveryStep(s.plans, s.log);
  });
});
