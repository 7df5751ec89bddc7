import { describe, expect, it } from 'vitest';
import { fold, type IncidentEvent } from '../../../src/core/engine/index.js';
import type { Plan } from '../../../src/core/plan/types.js';
import { eventMarkings, shareable } from '../../../src/core/report/incident/event-marking.js';
import { shareReport } from '../../../src/core/exercise/report-sharing.js';
import type { ExerciseReportData } from '../../../src/core/exercise/report-data.js';
import { UsageError } from '../../../src/core/errors.js';

const plan = (id: string, tlp: Plan['metadata']['tlp']): Plan => ({
  apiVersion: 'crisis/v1',
  kind: 'Plan',
  metadata: { id, title: id, version: '1', jurisdiction: 'EU', tlp },
  levels: [{ id: 'technical', title: 'T', rank: 1 }],
  roles: [{ id: 'csirt', title: 'CSIRT', type: 'csirt' }],
  notifications: [{ id: 'warn', title: 'Warn', to: 'csirt', tlp: 'AMBER' }],
  steps: [{ id: 'a', title: 'A', phase: 'detection', level: 'technical', owner: 'csirt', basis: 'x', end: true }],
});

describe('event markings', () => {
  const plans = new Map([['p', plan('p', 'GREEN')]]);
  const at = '2026-01-01T00:00:00.000Z';
  const events: IncidentEvent[] = [
    { type: 'incident-opened', planId: 'p', title: 'T', awareness: at, at, actor: 'a' },
    { type: 'step-entered', planId: 'p', stepId: 'a', at, actor: 'a' },
    { type: 'note-added', text: 'old note, no marking', planId: 'p', stepId: 'a', at, actor: 'a' },
    { type: 'note-added', text: 'red note', tlp: 'RED', planId: 'p', stepId: 'a', at, actor: 'a' },
    { type: 'note-added', text: 'a CLEAR mark never widens a GREEN plan', tlp: 'CLEAR', planId: 'p', stepId: 'a', at, actor: 'a' },
    { type: 'notification-sent', planId: 'p', notificationId: 'warn', to: 'csirt', at, actor: 'a' },
    { type: 'entry-retracted', seq: 4, reason: 'wrong incident', at, actor: 'a' },
  ];
  it('takes the plan default for unmarked events, a stricter mark, the notification TLP, and a retracted entry\'s', () => {
    expect(eventMarkings(events, fold(plans, events), plans)).toEqual(['GREEN', 'GREEN', 'GREEN', 'RED', 'GREEN', 'AMBER', 'RED']);
  });
  it('orders TLP 2.0 levels CLEAR < GREEN < AMBER < AMBER+STRICT < RED', () => {
    expect(shareable('AMBER', 'AMBER+STRICT')).toBe(true);
    expect(shareable('AMBER+STRICT', 'AMBER')).toBe(false);
    expect(shareable('RED', 'RED')).toBe(true);
    expect(shareable('GREEN', 'CLEAR')).toBe(false);
  });
});

describe('an exercise report shared at a level', () => {
  const report = (): ExerciseReportData =>
    ({
      exercise: {
        id: 'x', title: 'X', version: '1', tlp: 'RED', plan: { id: 'red-plan', title: 'Secret plan' }, start: '', end: '', duration: '', incident: 'i',
        participants: [{ ref: 'csirt', title: 'Secret CSIRT' }, { ref: 'eu#cyclone', title: 'EU-CyCLONe' }], objectives: [],
      },
      clocks: [{ planId: 'red-plan', id: 'c', title: 'Secret clock', basis: '', status: 'met', startedAt: '', dueAt: '', marginMs: 0 }],
      timeline: [
        { tlp: 'CLEAR', offset: 'PT0S', at: '', actor: 'x', kind: 'inject', planId: 'red-plan', summary: 'inject' },
        { tlp: 'RED', offset: 'PT1H', at: '', actor: 'x', kind: 'response', planId: 'red-plan', summary: 'secret step' },
      ],
      improvements: [{ expectation: 'e', objective: 'o', objectiveTitle: 'O', mandatory: true, issue: 'late', owner: { planId: 'red-plan', roleId: 'csirt', title: 'Secret CSIRT' } }],
      problems: [], expectations: [], objectives: [], passed: true, score: { percent: 100, met: 0, total: 0, mandatoryMissed: 0, weightMet: 0, weightTotal: 0 },
    }) as unknown as ExerciseReportData;
  const plans = new Map([['red-plan', plan('red-plan', 'RED')], ['eu', plan('eu', 'CLEAR')]]);

  it('leaves out the RED plan\'s contacts, roles, clocks and steps when shared at CLEAR, and is marked CLEAR', () => {
    const shared = shareReport(report(), 'CLEAR', 'CLEAR', plans);
    const text = JSON.stringify(shared);
    expect(shared.exercise.tlp).toBe('CLEAR');
    expect(shared.exercise.shared).toEqual({ level: 'CLEAR', leftOut: 1 });
    for (const secret of ['Secret plan', 'Secret CSIRT', 'Secret clock', 'secret step']) expect(text).not.toContain(secret);
    expect(shared.exercise.participants.map((p) => p.title)).toEqual(['(left out: above TLP:CLEAR)', 'EU-CyCLONe']);
    expect(shared.improvements[0]?.owner).toBeUndefined();
  });

  it('refuses to share below the exercise\'s own marking', () => {
    expect(() => shareReport(report(), 'GREEN', 'AMBER', plans)).toThrow(UsageError);
    expect(() => shareReport(report(), 'GREEN', 'AMBER', plans)).toThrow('exercise x is TLP:AMBER: its report cannot be shared at TLP:GREEN; ask for TLP:AMBER or stricter');
  });
});
