import { describe, expect, it } from 'vitest';
import { availableActions } from '../../../src/core/engine/available.js';
import { apply } from '../../../src/core/engine/apply.js';
import { commandFinished, eventsFor, excerpt, OUTPUT_LIMIT } from '../../../src/core/engine/decide.js';
import type { IncidentEvent } from '../../../src/core/engine/events.js';
import { hoursAfter } from './fixtures.js';
import { Session } from './session.js';

const at = hoursAfter(1);

describe('eventsFor', () => {
  it('marks an action done and adds a note at the current step', () => {
    const s = new Session();
    expect(s.act('action:1', {}, at, 'bob')).toEqual([
      { type: 'action-done', planId: 'xx-ncp', stepId: 'triage', index: 1, text: 'Check affected sectors', at: at.toISOString(), actor: 'bob' },
    ]);
    expect(s.act('note', { text: 'Backups look intact' }, at)).toEqual([
      { type: 'note-added', text: 'Backups look intact', planId: 'xx-ncp', stepId: 'triage', at: at.toISOString(), actor: 'alice' },
    ]);
  });

  it('sends a step notification through another channel when asked', () => {
    const s = new Session();
    const [sent] = s.act('notify:xx-ncp#ew-report@xx-ncp#triage', { channel: 'phone' }, at);
    expect(sent).toMatchObject({ type: 'notification-sent', notificationId: 'ew-report', to: 'national-csirt', channel: 'phone', clock: 'early-warning' });
  });

  it('takes a decision: option, escalation, clocks, hand-over and the step in the other plan', () => {
    const s = new Session();
    s.act('continue', {}, at);
    const events = s.act('decide', { option: 'Large-scale' }, hoursAfter(2));
    expect(events.map((e) => e.type)).toEqual([
      'decision-taken',
      'level-escalated',
      'clock-started', // dora-initial, from the option
      'plan-handed-over',
      'step-entered',
      'clock-started', // eu-sitrep, from the EU step
    ]);
    expect(events[1]).toMatchObject({ from: 'technical', to: 'operational', reason: 'decision at assess: Large-scale' });
    expect(events[3]).toMatchObject({ from: { planId: 'xx-ncp', stepId: 'assess' }, to: { planId: 'eu-circp', stepId: 'cyclone' } });
    expect(events[5]).toMatchObject({ planId: 'eu-circp', clockId: 'eu-sitrep' });
  });

  it('raises the level when a step at a higher level is entered without an explicit escalation', () => {
    const s = new Session();
    s.act('continue', {}, at);
    const events = s.act('decide', { option: 1 }, hoursAfter(2));
    expect(events.map((e) => e.type)).toEqual(['decision-taken', 'step-entered', 'level-escalated', 'clock-started']);
    expect(events[2]).toMatchObject({ from: 'technical', to: 'operational', reason: 'step coordinate runs at level operational' });
    expect(s.state.level).toMatchObject({ id: 'operational', rank: 2 });
  });

  it('never lowers the level when a later step runs at a lower one', () => {
    const s = new Session();
    s.act('escalate', { level: 'strategic' }, at);
    s.act('continue', {}, at);
    s.act('decide', { option: 0 }, at);
    expect(s.state.level).toMatchObject({ id: 'strategic', rank: 3 });
    expect(s.state.escalations.map((e) => e.reason)).toEqual(['escalated by the responder']);
  });

  it('skips a step with a reason and enters the chosen target', () => {
    const s = new Session();
    s.act('continue', {}, at);
    const events = s.act('skip', { reason: 'Decided at the ministry', target: 1 }, at);
    expect(events.map((e) => e.type)).toEqual(['step-skipped', 'step-entered', 'level-escalated', 'clock-started']);
    expect(s.state.tracks[0]?.at).toEqual({ planId: 'xx-ncp', stepId: 'coordinate' });
  });

  it('records a command run with a bounded output excerpt', () => {
    const s = new Session();
    s.act('continue', {}, at);
    s.act('decide', { option: 0 }, at);
    const output = 'a'.repeat(3000) + 'b'.repeat(3000);
    const [run] = s.act('run', { result: { exitCode: 0, timedOut: false, durationMs: 812.4, output } }, at);
    expect(run).toMatchObject({ type: 'command-run', argv: ['check-services', '--all'], exitCode: 0, durationMs: 812 });
    const kept = run?.type === 'command-run' ? run.output : '';
    expect(kept.startsWith('a'.repeat(2000))).toBe(true);
    expect(kept.endsWith('b'.repeat(2000))).toBe(true);
    expect(kept).toContain('2000 characters left out');
    expect(excerpt('short')).toBe('short');
    expect(OUTPUT_LIMIT).toBe(4000);
  });

  it('returns no events for view actions', () => {
    const s = new Session();
    expect(s.act('view-status', {}, at)).toEqual([]);
  });

  it('closes with a summary', () => {
    const s = new Session();
    expect(s.act('close', { summary: 'Contained' }, at)).toMatchObject([{ type: 'incident-closed', summary: 'Contained' }]);
    expect(s.state.closed).toBe(true);
  });
});

describe('eventsFor refuses impossible actions', () => {
  const s = new Session();
  const cases: [string, string, object, string][] = [
    ['an action of another step', 'action:0@xx-ncp#lessons', {}, 'not-available'],
    ['a decision where there is none', 'decide@xx-ncp#triage', {}, 'not-available'],
    ['an unknown action id', 'launch-missiles', {}, 'not-available'],
    ['a note without text', 'note', { text: '  ' }, 'invalid-input'],
    ['a skip without a reason', 'skip@xx-ncp#triage', {}, 'invalid-input'],
    ['escalating to a level that is not higher', 'escalate', { level: 'technical' }, 'invalid-input'],
    ['recording an unknown notification', 'record-notification', { notification: 'eu-circp#cyclone-sitrep' }, 'invalid-input'],
    ['starting an awareness clock by hand', 'start-clock', { clock: 'early-warning' }, 'invalid-input'],
    ['a channel the plan does not have', 'notify:xx-ncp#ew-report@xx-ncp#triage', { channel: 'fax' }, 'unknown-channel'],
    ['closing without a summary', 'close', {}, 'invalid-input'],
  ];
  it.each(cases)('%s', (_name, id, input, code) => {
    expect(() => eventsFor(s.state, s.plans, id, input, at, 'alice')).toThrow(expect.objectContaining({ name: 'EngineError', code }));
  });

  it('refuses a decision option that does not exist, and a skip without a target when there are several', () => {
    const t = new Session();
    t.act('continue', {}, at);
    expect(() => t.act('decide', { option: 'Maybe' }, at)).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(() => t.act('decide', { option: 7 }, at)).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(() => t.act('skip', { reason: 'x' }, at)).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });

  it('refuses a stale action object once the state has moved on, and everything but views after close', () => {
    const t = new Session();
    const stale = availableActions(t.state, t.plans)[0];
    if (!stale) throw new Error('no action');
    t.act(stale.id, {}, at);
    expect(() => eventsFor(t.state, t.plans, stale, {}, at, 'alice')).toThrow(expect.objectContaining({ code: 'not-available' }));
    t.act('close', { summary: 'done' }, at);
    expect(() => eventsFor(t.state, t.plans, 'continue', {}, at, 'alice')).toThrow(expect.objectContaining({ code: 'closed' }));
    for (const c of ['early-warning', 'notification']) t.act('waive-clock', { clock: c, reason: 'no significant incident' }, at);
    expect(() => eventsFor(t.state, t.plans, 'note', { text: 'x' }, at, 'alice')).toThrow(expect.objectContaining({ code: 'closed' }));
  });

  it('starts a command (folder, variables, clamped timeout) and records the result of the one started', () => {
    const s = new Session();
    s.act('continue', {}, at);
    s.act('decide', { option: 0 }, at);
    const [started] = s.act('run', { cwd: '/srv/evidence' }, at);
    expect(started).toMatchObject({ type: 'command-started', argv: ['check-services', '--all'], cwd: '/srv/evidence', env: [], timeoutMs: 30_000 });
    const events = commandFinished(s.state, s.plans, { exitCode: null, timedOut: false, interrupted: true, durationMs: 10, output: 'x' }, at, 'alice');
    expect(events).toEqual([expect.objectContaining({ type: 'command-run', stepId: 'recover', interrupted: true, exitCode: null })]);
  });

  it('records the result of a started command even when another terminal moved the incident on', () => {
    const s = new Session();
    s.act('continue', {}, at);
    s.act('decide', { option: 0 }, at);
    s.act('run', { cwd: '/srv' }, at);
    s.act('skip', { reason: 'moved on from the other terminal', target: 0 }, at);
    expect(s.state.tracks[0]?.at?.stepId).not.toBe('recover');
    const [run] = commandFinished(s.state, s.plans, { exitCode: 0, timedOut: false, durationMs: 10, output: '' }, at, 'alice');
    expect(run).toMatchObject({ type: 'command-run', stepId: 'recover' });
    expect(() => apply(s.state, run as IncidentEvent, s.plans)).not.toThrow();
  });

  it('has no result to record when no command was started', () => {
    const s = new Session();
    expect(() => commandFinished(s.state, s.plans, { exitCode: 0, timedOut: false, durationMs: 1, output: '' }, at, 'alice')).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });

  it('refuses a run-command without its result', () => {
    const t = new Session();
    t.act('continue', {}, at);
    t.act('decide', { option: 0 }, at);
    expect(() => t.act('run', {}, at)).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });
});
