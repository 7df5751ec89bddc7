// Records that hold up later (issue 9): a report logged after it went out is judged by when it was
// sent, a channel below the report's TLP needs a reason, and moving on with open items says why.
import { describe, expect, it } from 'vitest';
import { apply } from '../../../src/core/engine/apply.js';
import { clockStatus } from '../../../src/core/engine/clocks.js';
import { EngineError } from '../../../src/core/engine/errors.js';
import type { IncidentEvent } from '../../../src/core/engine/events.js';
import { fold } from '../../../src/core/engine/fold.js';
import type { Plan } from '../../../src/core/plan/types.js';
import { hoursAfter, plans } from './fixtures.js';
import { Session } from './session.js';

const iso = (h: number): string => hoursAfter(h).toISOString();
const status = (s: Session, id: string, now: Date) => clockStatus(s.state, now).find((c) => c.id === id);

describe('a notification logged after it was sent', () => {
  it('meets its clock when it was sent, and keeps both times', () => {
    const s = new Session();
    // Phoned in at 20 h, logged at 25 h: the 24-hour early warning was met.
    const [sent] = s.act('record-notification', { notification: 'ew-report', sentAt: hoursAfter(20) }, hoursAfter(25));
    expect(sent).toMatchObject({ type: 'notification-sent', at: iso(25), sentAt: iso(20) });
    expect(status(s, 'early-warning', hoursAfter(26))).toMatchObject({ status: 'met', metAt: iso(20) });
    expect(s.state.notifications[0]).toMatchObject({ at: iso(25), sentAt: iso(20) });
    expect(s.state.timeline.at(-1)?.summary).toBe(`Sent Early warning report to national-csirt via portal (sent ${iso(20)}, recorded ${iso(25)})`);
    // Sent when it is logged: no second time.
    const [now] = s.act('record-notification', { notification: 'in-report', sentAt: hoursAfter(26) }, hoursAfter(26));
    expect(now).not.toHaveProperty('sentAt');
    expect(s.state.notifications[1]).not.toHaveProperty('sentAt');
  });

  it('is met late when it was sent late, whenever it was logged', () => {
    const s = new Session();
    s.act('record-notification', { notification: 'ew-report', sentAt: hoursAfter(24.5) }, hoursAfter(30));
    expect(status(s, 'early-warning', hoursAfter(31))).toMatchObject({ status: 'met-late', metAt: iso(24.5), overdueMs: 1_800_000 });
  });

  it('starts the clock that runs from the report at the time it was sent', () => {
    const s = new Session();
    const events = s.act('record-notification', { notification: 'in-report', sentAt: hoursAfter(10) }, hoursAfter(12));
    expect(events[1]).toMatchObject({ type: 'clock-started', clockId: 'final-report', startedAt: iso(10) });
  });

  it('refuses a send time before the awareness', () => {
    const s = new Session();
    expect(() => s.act('record-notification', { notification: 'ew-report', sentAt: hoursAfter(-1) }, hoursAfter(2))).toThrow(/before the incident's awareness/);
  });

  it('refuses a send time after the time it is logged', () => {
    const s = new Session();
    const event = { type: 'notification-sent', planId: 'xx-ncp', notificationId: 'ew-report', to: 'national-csirt', clock: 'early-warning', sentAt: iso(3), at: iso(2), actor: 'alice' } as const;
    expect(() => apply(s.state, event, s.plans)).toThrow(EngineError);
    expect(() => apply(s.state, { ...event, sentAt: 'yesterday' }, s.plans)).toThrow(/not an RFC 3339/);
  });

  it('replays a log written before sentAt existed unchanged, next to one that has it', () => {
    const s = new Session();
    const who = (h: number) => ({ at: iso(h), actor: 'alice' });
    const old: IncidentEvent[] = [
      ...s.log,
      { type: 'notification-sent', planId: 'xx-ncp', notificationId: 'ew-report', to: 'national-csirt', channel: 'portal', clock: 'early-warning', ...who(25) },
      { type: 'notification-sent', planId: 'xx-ncp', notificationId: 'in-report', to: 'national-csirt', channel: 'portal', clock: 'notification', sentAt: iso(30), ...who(31) },
    ];
    const state = fold(s.plans, old);
    const clocks = clockStatus(state, hoursAfter(40));
    expect(clocks.find((c) => c.id === 'early-warning')).toMatchObject({ status: 'met-late', metAt: iso(25) });
    expect(clocks.find((c) => c.id === 'notification')).toMatchObject({ status: 'met', metAt: iso(30) });
    expect(state.notifications[0]).toEqual({ planId: 'xx-ncp', notificationId: 'ew-report', title: 'Early warning report', to: 'national-csirt', channel: 'portal', clock: 'xx-ncp#early-warning', seq: s.log.length + 1, ...who(25) });
    expect(clocks.find((c) => c.id === 'final-report')).toBeUndefined(); // a replayed log starts nothing by itself
  });
});

describe('a channel below the report TLP', () => {
  // The phone may carry at most TLP:GREEN; the early warning is TLP:AMBER.
  const P = plans();
  const national = P.get('xx-ncp') as Plan;
  P.set('xx-ncp', { ...national, channels: (national.channels ?? []).map((c) => (c.id === 'phone' ? { ...c, maxTlp: 'GREEN' as const } : c)) });

  it('is refused without a reason', () => {
    const s = new Session(P);
    expect(() => s.act('record-notification', { notification: 'ew-report', channel: 'phone' }, hoursAfter(2))).toThrow(/at most TLP:GREEN.*give a reason/);
    expect(() => s.act('record-notification', { notification: 'ew-report', channel: 'phone', tlpReason: '  ' }, hoursAfter(2))).toThrow(EngineError);
  });

  it('keeps the reason in the event, the state and the timeline', () => {
    const s = new Session(P);
    const [sent] = s.act('record-notification', { notification: 'ew-report', channel: 'phone', tlpReason: 'The portal is down' }, hoursAfter(2));
    expect(sent).toMatchObject({ channel: 'phone', tlpReason: 'The portal is down' });
    expect(s.state.notifications[0]).toMatchObject({ tlpReason: 'The portal is down' });
    expect(s.state.timeline.at(-1)?.summary).toContain("above the channel's TLP limit because: The portal is down");
    // Within the limit, a reason is not asked for and not kept.
    const [within] = s.act('record-notification', { notification: 'in-report', tlpReason: 'not needed' }, hoursAfter(3));
    expect(within).not.toHaveProperty('tlpReason');
  });

});

describe('moving on with items still open', () => {
  it('logs the open items and the reason on the step-entered event', () => {
    const s = new Session();
    s.act('action:0', {}, hoursAfter(1));
    const [entered] = s.act('continue', { reason: 'Sectors checked by phone' }, hoursAfter(2));
    expect(entered).toMatchObject({ type: 'step-entered', stepId: 'assess', leftOpen: { actions: ['Check affected sectors'], notifications: ['ew-report'], reason: 'Sectors checked by phone' } });
    expect(s.state.leftOpen).toEqual([
      { planId: 'xx-ncp', stepId: 'triage', actions: ['Check affected sectors'], notifications: ['ew-report'], reason: 'Sectors checked by phone', at: iso(2), actor: 'alice' },
    ]);
    expect(s.state.timeline.at(-1)?.summary).toBe('Entered step assess: Assess scale; moved on leaving open Check affected sectors, ew-report because: Sectors checked by phone');
    // Nothing open, or no reason given (a scripted exercise run): nothing extra, so exercise logs stay as they were.
    s.act('decide', { option: 0 }, hoursAfter(3));
    s.act('record-notification', { notification: 'in-report' }, hoursAfter(3));
    expect(s.act('continue', { reason: 'nothing open' }, hoursAfter(4))[0]).not.toHaveProperty('leftOpen');
    const quiet = new Session();
    expect(quiet.act('continue', {}, hoursAfter(1))[0]).not.toHaveProperty('leftOpen');
  });

  it('logs them on the hand-over when the next step is in another plan', () => {
    const P = plans();
    const national = P.get('xx-ncp') as Plan;
    P.set('xx-ncp', { ...national, steps: national.steps.map((st) => (st.id === 'triage' ? { ...st, next: 'eu-circp#cyclone' } : st)) });
    const s = new Session(P);
    const events = s.act('hand-over', { reason: 'EU asked for it now' }, hoursAfter(1));
    expect(events.map((e) => e.type).slice(0, 2)).toEqual(['plan-handed-over', 'step-entered']);
    expect(events[0]).toMatchObject({ leftOpen: { actions: ['Collect indicators', 'Check affected sectors'], notifications: ['ew-report'], reason: 'EU asked for it now' } });
    expect(events[1]).not.toHaveProperty('leftOpen');
    expect(s.state.leftOpen).toMatchObject([{ planId: 'xx-ncp', stepId: 'triage', reason: 'EU asked for it now' }]);
    expect(s.state.timeline.find((t) => t.type === 'plan-handed-over')?.summary).toContain('because: EU asked for it now');
  });

  it('refuses a malformed leftOpen in a log', () => {
    const s = new Session();
    const bad = { type: 'step-entered', planId: 'xx-ncp', stepId: 'assess', leftOpen: { actions: 'all', notifications: [], reason: 'x' }, at: iso(1), actor: 'alice' } as unknown as IncidentEvent;
    expect(() => apply(s.state, bad, s.plans)).toThrow(/leftOpen.actions/);
  });
});
