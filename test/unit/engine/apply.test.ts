import { describe, expect, it } from 'vitest';
import { apply } from '../../../src/core/engine/apply.js';
import { EVENT_TYPES, type IncidentEvent } from '../../../src/core/engine/events.js';
import { fold } from '../../../src/core/engine/fold.js';
import { openIncident } from '../../../src/core/engine/open.js';
import { initialState } from '../../../src/core/engine/state.js';
import { AWARE, plans } from './fixtures.js';

const P = plans();
const at = (h: number) => new Date(AWARE.getTime() + h * 3_600_000).toISOString();
const who = (h: number) => ({ at: at(h), actor: 'bob' });
const opening = openIncident(P, { planId: 'xx-ncp', title: 'Outage', awareness: AWARE, at: AWARE, actor: 'alice' });

/** One event of every type, in an order the plans allow. */
const script: IncidentEvent[] = [
  ...opening,
  { type: 'action-done', planId: 'xx-ncp', stepId: 'triage', index: 1, text: 'Check affected sectors', ...who(1) },
  { type: 'note-added', text: 'Hospital confirms ransom note', planId: 'xx-ncp', stepId: 'triage', ...who(1) },
  { type: 'inject-released', injectId: 'press-call', title: 'A journalist calls', message: 'A newspaper asks about the outage.', facts: { hospitals: 2 }, ...who(1) },
  { type: 'note-added', text: 'Wrong hospital named', planId: 'xx-ncp', stepId: 'triage', ...who(1) },
  { type: 'entry-retracted', seq: opening.length + 4, reason: 'it was another hospital', ...who(1) },
  { type: 'notification-sent', planId: 'xx-ncp', notificationId: 'ew-report', to: 'national-csirt', channel: 'portal', clock: 'early-warning', ...who(2) },
  { type: 'step-skipped', planId: 'xx-ncp', stepId: 'triage', reason: 'Already triaged by the hospital', ...who(2) },
  { type: 'step-entered', planId: 'xx-ncp', stepId: 'assess', ...who(2) },
  { type: 'decision-taken', planId: 'xx-ncp', stepId: 'assess', option: 2, label: 'Large-scale', ...who(3) },
  { type: 'level-escalated', planId: 'xx-ncp', from: 'technical', to: 'operational', reason: 'two Member States', ...who(3) },
  { type: 'clock-started', planId: 'xx-ncp', clockId: 'dora-initial', startedAt: at(3), dueAt: at(7), ...who(3) },
  { type: 'clock-waived', planId: 'xx-ncp', clockId: 'dora-initial', reason: 'not a financial entity after all', ...who(3) },
  { type: 'plan-handed-over', from: { planId: 'xx-ncp', stepId: 'assess' }, to: { planId: 'eu-circp', stepId: 'cyclone' }, ...who(3) },
  { type: 'step-entered', planId: 'eu-circp', stepId: 'cyclone', ...who(3) },
  { type: 'decision-taken', planId: 'eu-circp', stepId: 'cyclone', option: 1, label: 'No', ...who(4) },
  { type: 'step-entered', planId: 'eu-circp', stepId: 'eu-close', ...who(4) },
  { type: 'incident-closed', summary: 'Contained', ...who(5) },
];

describe('apply', () => {
  // The track events have their own tests (tracks.test.ts).
  it('covers every event type in the script', () => {
    expect(new Set(script.map((e) => e.type))).toEqual(new Set(EVENT_TYPES.filter((t) => t !== 'command-run' && t !== 'command-started' && !t.startsWith('track-'))));
  });

  it('rebuilds the full state from one event of each type', () => {
    const s = fold(P, script);
    expect(s.actionsDone['xx-ncp#triage']).toEqual([{ index: 1, text: 'Check affected sectors', seq: opening.length + 1, ...who(1) }]);
    // The retracted note is gone from the state, and marked on the timeline.
    expect(s.notes).toEqual([{ text: 'Hospital confirms ransom note', planId: 'xx-ncp', stepId: 'triage', seq: opening.length + 2, ...who(1) }]);
    expect(s.timeline[opening.length + 3]?.retracted).toEqual({ seq: opening.length + 5, reason: 'it was another hospital', corrected: false, ...who(1) });
    expect(s.injects).toEqual([{ injectId: 'press-call', title: 'A journalist calls', ...who(1) }]);
    expect(s.notifications).toEqual([
      { planId: 'xx-ncp', notificationId: 'ew-report', title: 'Early warning report', to: 'national-csirt', channel: 'portal', clock: 'xx-ncp#early-warning', seq: opening.length + 6, ...who(2) },
    ]);
    expect(s.clocks.find((c) => c.clockId === 'early-warning')).toMatchObject({ metAt: at(2), metBy: 'xx-ncp#ew-report' });
    expect(s.skipped).toEqual([{ planId: 'xx-ncp', stepId: 'triage', reason: 'Already triaged by the hospital', ...who(2) }]);
    expect(s.decisions.map((d) => `${d.planId}#${d.stepId}:${d.label}`)).toEqual(['xx-ncp#assess:Large-scale', 'eu-circp#cyclone:No']);
    expect(s.level).toEqual({ planId: 'eu-circp', id: 'operational', rank: 2 }); // named by the plan it is in now
    expect(s.escalations).toEqual([{ planId: 'xx-ncp', from: 'technical', to: 'operational', reason: 'two Member States', ...who(3) }]);
    expect(s.clocks.find((c) => c.clockId === 'dora-initial')).toMatchObject({ startedAt: at(3), dueAt: at(7), title: 'DORA initial notification' });
    expect(s.handovers).toEqual([{ from: { planId: 'xx-ncp', stepId: 'assess' }, to: { planId: 'eu-circp', stepId: 'cyclone' }, ...who(3) }]);
    expect(s.plans).toEqual(['xx-ncp', 'eu-circp']);
    expect(s.planId).toBe('eu-circp');
    expect(s.tracks[0]?.at).toEqual({ planId: 'eu-circp', stepId: 'eu-close' });
    expect(s.visited.map((v) => v.stepId)).toEqual(['triage', 'assess', 'cyclone', 'eu-close']);
    expect(s).toMatchObject({ closed: true, closedAt: at(5), summary: 'Contained' });
    expect(s.timeline).toHaveLength(script.length);
  });

  it('records a command run at the current step', () => {
    const s = fold(P, [
      ...opening,
      { type: 'step-entered', planId: 'xx-ncp', stepId: 'recover', ...who(1) },
      { type: 'command-run', planId: 'xx-ncp', stepId: 'recover', argv: ['check-services', '--all'], exitCode: 3, timedOut: false, durationMs: 1200, output: 'db down', ...who(1) },
    ]);
    expect(s.commands).toEqual([{ planId: 'xx-ncp', stepId: 'recover', argv: ['check-services', '--all'], exitCode: 3, timedOut: false, durationMs: 1200, output: 'db down', ...who(1) }]);
  });

  it('keeps the signal that ended a command, and says so on the timeline', () => {
    const s = fold(P, [
      ...opening,
      { type: 'step-entered', planId: 'xx-ncp', stepId: 'recover', ...who(1) },
      { type: 'command-run', planId: 'xx-ncp', stepId: 'recover', argv: ['check-services'], exitCode: null, timedOut: false, signal: 'SIGSEGV', durationMs: 10, output: '', ...who(1) },
    ]);
    expect(s.commands.at(-1)).toMatchObject({ exitCode: null, signal: 'SIGSEGV' });
    expect(s.timeline.at(-1)?.summary).toBe('Ran check-services: ended by SIGSEGV');
  });

  it('folds command-started, then its result; an interrupted result says so and its output is on the timeline', () => {
    const started = fold(P, [
      ...opening,
      { type: 'step-entered', planId: 'xx-ncp', stepId: 'recover', ...who(1) },
      { type: 'command-started', planId: 'xx-ncp', stepId: 'recover', argv: ['check-services', '--all\x1b[8m'], cwd: '/srv', env: ['KUBECONFIG'], timeoutMs: 30_000, ...who(1) },
    ]);
    expect(started.runningCommand).toEqual({ planId: 'xx-ncp', stepId: 'recover', argv: ['check-services', '--all\x1b[8m'], cwd: '/srv', env: ['KUBECONFIG'], timeoutMs: 30_000, ...who(1) });
    expect(started.timeline.at(-1)?.summary).toBe("Started check-services $'--all\\x1b[8m' in /srv, passing KUBECONFIG");
    const done = apply(
      started,
      { type: 'command-run', planId: 'xx-ncp', stepId: 'recover', argv: ['check-services', '--all\x1b[8m'], exitCode: null, timedOut: false, interrupted: true, durationMs: 900, output: 'partial', ...who(1) },
      P,
    );
    expect(done.runningCommand).toBeUndefined();
    expect(done.commands.at(-1)).toMatchObject({ interrupted: true, exitCode: null, output: 'partial' });
    expect(done.timeline.at(-1)).toMatchObject({ summary: "Ran check-services $'--all\\x1b[8m': interrupted by the responder", detail: 'partial' });
  });

  it('keeps a command-started with no result (the session died) as running, on the timeline', () => {
    const s = fold(P, [
      ...opening,
      { type: 'step-entered', planId: 'xx-ncp', stepId: 'recover', ...who(1) },
      { type: 'command-started', planId: 'xx-ncp', stepId: 'recover', argv: ['check-services'], cwd: '/srv', env: [], timeoutMs: 30_000, ...who(1) },
      { type: 'note-added', text: 'laptop rebooted', ...who(2) },
    ]);
    expect(s.runningCommand?.argv).toEqual(['check-services']);
    expect(s.commands).toEqual([]);
    expect(s.timeline.map((e) => e.type)).toContain('command-started');
  });

  it('records a released inject on the timeline at the current step', () => {
    const s = fold(P, [...opening, { type: 'inject-released', injectId: 'i1', title: 'Second hospital hit', message: 'Ransom note found', ...who(2) }]);
    expect(s.injects).toEqual([{ injectId: 'i1', title: 'Second hospital hit', ...who(2) }]);
    expect(s.timeline.at(-1)).toMatchObject({ type: 'inject-released', planId: 'xx-ncp', stepId: 'triage', summary: 'Inject i1: Second hospital hit' });
  });

  it('does not mutate the state it is given', () => {
    const before = fold(P, opening);
    const copy = structuredClone(before);
    const after = apply(before, { type: 'note-added', text: 'x', ...who(1) }, P);
    expect(before).toEqual(copy);
    expect(after.notes).toHaveLength(1);
  });
});

describe('apply refuses impossible events', () => {
  const open = fold(P, opening);
  const cases: [string, IncidentEvent, IncidentStateLike?][] = [
    ['not-open', { type: 'note-added', text: 'x', ...who(1) }, initialState()],
    ['already-open', opening[0] as IncidentEvent],
    ['unknown-step', { type: 'step-entered', planId: 'xx-ncp', stepId: 'nowhere', ...who(1) }],
    ['invalid-event', { type: 'step-entered', planId: 'eu-circp', stepId: 'cyclone', ...who(1) }], // no hand-over
    ['not-current-step', { type: 'action-done', planId: 'xx-ncp', stepId: 'lessons', index: 0, text: 'Hold a debrief', ...who(1) }],
    ['invalid-event', { type: 'action-done', planId: 'xx-ncp', stepId: 'triage', index: 9, text: 'x', ...who(1) }],
    ['invalid-event', { type: 'decision-taken', planId: 'xx-ncp', stepId: 'triage', option: 0, label: 'National', ...who(1) }],
    ['not-higher-level', { type: 'level-escalated', planId: 'xx-ncp', from: 'technical', to: 'technical', reason: 'x', ...who(1) }],
    ['invalid-event', { type: 'level-escalated', planId: 'xx-ncp', from: 'operational', to: 'strategic', reason: 'x', ...who(1) }],
    ['unknown-level', { type: 'level-escalated', planId: 'xx-ncp', from: 'technical', to: 'cosmic', reason: 'x', ...who(1) }],
    ['clock-running', { type: 'clock-started', planId: 'xx-ncp', clockId: 'early-warning', startedAt: at(1), dueAt: at(2), ...who(1) }],
    ['unknown-clock', { type: 'clock-started', planId: 'xx-ncp', clockId: 'nope', startedAt: at(1), dueAt: at(2), ...who(1) }],
    ['unknown-notification', { type: 'notification-sent', planId: 'xx-ncp', notificationId: 'nope', to: 'x', ...who(1) }],
    ['unknown-channel', { type: 'notification-sent', planId: 'xx-ncp', notificationId: 'ew-report', to: 'x', channel: 'fax', ...who(1) }],
    ['unknown-plan', { type: 'plan-handed-over', from: { planId: 'xx-ncp', stepId: 'triage' }, to: { planId: 'zz', stepId: 'a' }, ...who(1) }],
    ['invalid-event', { type: 'command-run', planId: 'xx-ncp', stepId: 'triage', argv: [], exitCode: 0, timedOut: false, durationMs: 1, output: '', ...who(1) }],
    ['invalid-event', { type: 'step-skipped', planId: 'xx-ncp', stepId: 'triage', reason: ' ', ...who(1) }],
    ['bad-time', { type: 'note-added', text: 'x', at: 'yesterday', actor: 'bob' }],
    ['invalid-event', { type: 'inject-released', injectId: 'i1', title: 'x', message: ' ', ...who(1) }],
    ['not-open', { type: 'inject-released', injectId: 'i1', title: 'x', message: 'y', ...who(1) }, initialState()],
    ['invalid-event', { type: 'mystery', at: at(1), actor: 'bob' } as unknown as IncidentEvent],
  ];
  it.each(cases)('%s', (code, event, state) => {
    expect(() => apply(state ?? open, event, P)).toThrow(expect.objectContaining({ name: 'EngineError', code }));
  });

  it('after the close, takes only the reporting of owed clocks, and nothing once none is owed', () => {
    const closed = fold(P, script);
    // The NIS2 notification (72 h) is still owed: reporting and notes go on, the response does not.
    const late = apply(closed, { type: 'note-added', text: 'late', ...who(9) }, P);
    expect(late.notes.at(-1)?.text).toBe('late');
    expect(() => apply(closed, { type: 'action-done', planId: 'eu-circp', stepId: 'eu-close', index: 0, text: 'x', ...who(9) }, P)).toThrow(expect.objectContaining({ code: 'closed' }));
    const owed = closed.clocks.filter((c) => c.metAt === undefined && c.waived === undefined);
    expect(owed.map((c) => c.clockId)).toEqual(['notification']);
    const settled = owed.reduce((s, c) => apply(s, { type: 'clock-waived', planId: c.planId, clockId: c.clockId, reason: 'handled elsewhere', ...who(9) }, P), closed);
    expect(() => apply(settled, { type: 'note-added', text: 'later', ...who(10) }, P)).toThrow(expect.objectContaining({ code: 'closed' }));
  });
});

type IncidentStateLike = ReturnType<typeof initialState>;
