import { describe, expect, it } from 'vitest';
import { clockStatus } from '../../../src/core/engine/clocks.js';
import { AWARE, hoursAfter } from './fixtures.js';
import { Session } from './session.js';

const H = 3_600_000;
const byId = (s: Session, now: Date) => Object.fromEntries(clockStatus(s.state, now).map((c) => [c.id, c]));

describe('clockStatus', () => {
  it('shows awareness clocks running with the time left', () => {
    const s = new Session();
    const c = byId(s, hoursAfter(10));
    expect(c['early-warning']).toMatchObject({ status: 'running', startedAt: AWARE.toISOString(), dueAt: hoursAfter(24).toISOString(), remainingMs: 14 * H, overdueMs: 0 });
    expect(c['early-warning']).toMatchObject({ title: 'Early warning', basis: 'NIS2 Art. 23(4)(a)', planId: 'xx-ncp' });
    expect(c['notification']).toMatchObject({ status: 'running', remainingMs: 62 * H });
  });

  it('counts a clock as running up to the due instant and overdue after it', () => {
    const s = new Session();
    expect(byId(s, hoursAfter(24))['early-warning']).toMatchObject({ status: 'running', remainingMs: 0 });
    expect(byId(s, hoursAfter(30))['early-warning']).toMatchObject({ status: 'overdue', remainingMs: 0, overdueMs: 6 * H });
  });

  it('is met when its notification is sent in time, and stays met later', () => {
    const s = new Session();
    s.act('notify:xx-ncp#ew-report@xx-ncp#triage', {}, hoursAfter(20));
    expect(byId(s, hoursAfter(100))['early-warning']).toMatchObject({ status: 'met', metAt: hoursAfter(20).toISOString(), remainingMs: 4 * H, overdueMs: 0 });
  });

  it('is met late when the notification comes after the deadline', () => {
    const s = new Session();
    s.act('notify:xx-ncp#ew-report@xx-ncp#triage', {}, hoursAfter(26));
    expect(byId(s, hoursAfter(100))['early-warning']).toMatchObject({ status: 'met-late', overdueMs: 2 * H, remainingMs: 0 });
  });

  it('starts the final report clock (P1M) when the incident notification is sent, at the send time', () => {
    const s = new Session();
    const sent = new Date('2025-03-03T15:30:00.000Z');
    const events = s.act('record-notification', { notification: 'in-report' }, sent);
    expect(events.map((e) => e.type)).toEqual(['notification-sent', 'clock-started']);
    const c = byId(s, sent);
    expect(c['notification']).toMatchObject({ status: 'met' });
    expect(c['final-report']).toMatchObject({ status: 'running', startedAt: sent.toISOString(), dueAt: '2025-04-03T15:30:00.000Z' });
  });

  it('adds a calendar month: sent on 31 January, the final report is due on the last day of February', () => {
    const aware = new Date('2025-01-30T09:00:00.000Z');
    const s = new Session(undefined, { awareness: aware });
    const sent = new Date('2025-01-31T10:00:00.000Z');
    s.act('record-notification', { notification: 'in-report' }, sent);
    expect(byId(s, sent)['final-report']?.dueAt).toBe('2025-02-28T10:00:00.000Z');
  });

  it('does not restart the final report clock when an updated notification is sent', () => {
    const s = new Session();
    s.act('record-notification', { notification: 'in-report' }, hoursAfter(30));
    const again = s.act('record-notification', { notification: 'in-report' }, hoursAfter(50));
    expect(again.map((e) => e.type)).toEqual(['notification-sent']);
    expect(s.state.clocks.filter((c) => c.clockId === 'final-report')).toHaveLength(1);
  });

  it('starts an on-request clock by hand, from an earlier request time, and again once met', () => {
    const s = new Session();
    s.act('start-clock', { clock: 'intermediate', since: hoursAfter(5) }, hoursAfter(6));
    expect(byId(s, hoursAfter(6))['intermediate']).toMatchObject({ startedAt: hoursAfter(5).toISOString(), dueAt: hoursAfter(5 + 72).toISOString() });
    s.act('record-notification', { notification: 'interim' }, hoursAfter(10));
    s.act('start-clock', { clock: 'intermediate' }, hoursAfter(40));
    const runs = clockStatus(s.state, hoursAfter(41)).filter((c) => c.id === 'intermediate');
    expect(runs.map((c) => c.status)).toEqual(['running', 'met']);
  });

  it('sorts the most urgent first: overdue, running by time left, met late, met', () => {
    const s = new Session();
    s.act('notify:xx-ncp#ew-report@xx-ncp#triage', {}, hoursAfter(25)); // met late
    s.act('start-clock', { clock: 'dora-initial' }, hoursAfter(26)); // due at 30 h
    s.act('start-clock', { clock: 'intermediate' }, hoursAfter(26)); // due at 98 h
    s.act('start-clock', { clock: 'sitrep' }, hoursAfter(27)); // due at 31 h, met in time below
    s.act('record-notification', { notification: 'sitrep-report' }, hoursAfter(28));
    const order = clockStatus(s.state, hoursAfter(40)).map((c) => `${c.id}:${c.status}`);
    expect(order).toEqual(['dora-initial:overdue', 'notification:running', 'intermediate:running', 'early-warning:met-late', 'sitrep:met']);
  });
});
