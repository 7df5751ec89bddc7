// An exercise on the engine's test plans (xx-ncp hands over to a small eu-circp), and helpers.
import type { Exercise, Expectation, ScriptEntry } from '../../../src/core/exercise/types.js';
import { plans } from '../engine/fixtures.js';

export { plans };

/** 1 March 2025, 08:00 UTC, as in the engine fixtures. */
export const START = '2025-03-01T08:00:00.000Z';

/** A time `hours` after START, as RFC 3339. */
export function hoursIn(hours: number): string {
  return new Date(Date.parse(START) + hours * 3_600_000).toISOString();
}

export const script: ScriptEntry[] = [
  { at: 'PT1H', do: 'action-done', step: 'triage', action: 0 },
  { at: 'PT1H', do: 'notify', notification: 'ew-report', actor: 'Alice' },
  { at: 'PT2H', do: 'continue' },
  { at: 'PT3H', do: 'decision', step: 'assess', option: 'Large-scale' },
  { at: 'PT4H', do: 'notify', notification: 'eu-circp#cyclone-sitrep' },
  { at: 'PT5H', do: 'decision', step: 'eu-circp#cyclone', option: 'Yes' },
  { at: 'PT6H', do: 'close', summary: 'Contained with EU support' },
];

export const expectations: Expectation[] = [
  { id: 'ew-sent', objective: 'detect', type: 'notification-sent', notification: 'ew-report', within: 'PT24H', mandatory: true },
  { id: 'assessed', objective: 'detect', type: 'decision-taken', step: 'assess', option: 'Large-scale', by: 'PT4H', weight: 2 },
  { id: 'cyclone-reached', objective: 'escalate', type: 'step-reached', step: 'eu-circp#cyclone', within: 'PT2H', after: 'second-ms' },
  { id: 'strategic', objective: 'escalate', type: 'level-reached', level: 'strategic', by: 'PT6H' },
  { id: 'ew-clock', objective: 'detect', type: 'clock-met', clock: 'early-warning', mandatory: true },
  { id: 'sitrep-clock', objective: 'escalate', type: 'clock-met', clock: 'eu-circp#eu-sitrep' },
];

/** The fixture exercise; pass overrides to vary it. */
export function exercise(over: Partial<Exercise> = {}): Exercise {
  return {
    apiVersion: 'crisis/v1',
    kind: 'Exercise',
    metadata: { id: 'hospital-ransomware', title: 'Hospital ransomware', version: '1.0.0', tlp: 'AMBER' },
    plan: 'xx-ncp',
    objectives: [
      { id: 'detect', title: 'Detect and report on time' },
      { id: 'escalate', title: 'Escalate to the EU level' },
    ],
    participants: ['national-csirt', 'crisis-authority', 'eu-circp#cyclone'],
    start: START,
    incident: { title: 'Ransomware at a hospital group', severity: 'large-scale' },
    injects: [
      { id: 'first-hospital', at: 'PT0S', title: 'Hospital encrypted', message: 'A hospital reports encrypted systems.' },
      { id: 'second-ms', at: 'PT2H', title: 'Second Member State', message: 'A hospital abroad is hit too.', facts: { memberStates: 2 } },
    ],
    script,
    expectations,
    ...over,
  };
}
