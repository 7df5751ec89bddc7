// Mistakes can be corrected without editing the log: an entry is taken back by a later event,
// stays on the timeline marked, and only its effect on the state is undone.
import { describe, expect, it } from 'vitest';
import { availableActions } from '../../../src/core/engine/available.js';
import { clockStatus } from '../../../src/core/engine/clocks.js';
import type { RetractChoice } from '../../../src/core/engine/actions.js';
import { fold } from '../../../src/core/engine/fold.js';
import { renderExport } from '../../../src/core/report/incident/export.js';
import { hoursAfter } from './fixtures.js';
import { Session } from './session.js';

const entries = (s: Session): RetractChoice[] => {
  const a = availableActions(s.state, s.plans).find((x) => x.kind === 'retract-entry');
  return a?.kind === 'retract-entry' ? a.entries : [];
};
const status = (s: Session, id: string) => clockStatus(s.state, hoursAfter(30)).find((c) => c.id === id)?.status;

describe('retracting and correcting entries', () => {
  it('takes back a report: its clock runs again, the entry stays on the timeline, marked', () => {
    const s = new Session();
    const [sent] = s.act('notify:xx-ncp#ew-report@xx-ncp#triage', {}, hoursAfter(2));
    const seq = s.log.indexOf(sent as never) + 1;
    expect(status(s, 'early-warning')).toBe('met');
    s.act('retract', { seq, reason: 'recorded for the wrong incident' }, hoursAfter(3), 'ben');
    expect(status(s, 'early-warning')).toBe('overdue');
    expect(s.state.notifications).toEqual([]);
    expect(s.state.timeline[seq - 1]).toMatchObject({ type: 'notification-sent', retracted: { actor: 'ben', reason: 'recorded for the wrong incident', corrected: false } });
    expect(fold(s.plans, s.log)).toEqual(s.state); // a pure fold, replayed the same
  });

  it('corrects a note in one batch: the old one struck through, the new one in its place', () => {
    const s = new Session();
    s.act('note', { text: 'Hospitl A encrypted' }, hoursAfter(1));
    const seq = s.log.length;
    expect(entries(s)[0]).toMatchObject({ seq, type: 'note-added', note: 'Hospitl A encrypted' });
    const events = s.act('retract', { seq, reason: 'typo', text: 'Hospital A encrypted' }, hoursAfter(1));
    expect(events.map((e) => e.type)).toEqual(['entry-retracted', 'note-added']);
    expect(events[0]).toMatchObject({ corrected: true });
    expect(s.state.notes.map((n) => n.text)).toEqual(['Hospital A encrypted']);
    expect(s.state.timeline[seq - 1]?.retracted).toMatchObject({ corrected: true, reason: 'typo' });
    // Reports strike it through and say who corrected it and why.
    const record = { id: 'inc-1', title: 't', planId: 'xx-ncp', createdAt: hoursAfter(0).toISOString(), closed: false, events: s.log.length, lastEventAt: null };
    const recorded = s.log.map((event, i) => ({ seq: i + 1, prevHash: 'p', hash: 'h', event }));
    const input = { record, recorded, state: s.state, plans: s.plans, snapshots: [], verify: { ok: true, incidents: 1, events: 1, heads: [], anchors: [] }, now: hoursAfter(2) };
    expect(renderExport('md', input)).toContain(`| ~~Note: Hospitl A encrypted~~ (corrected by alice (#${seq + 1}): typo) |`);
    expect(renderExport('csv', input)).toContain(`[corrected by alice (#${seq + 1}): typo] Note: Hospitl A encrypted`);
  });

  it('corrects a report with the time it was really sent', () => {
    const s = new Session();
    s.act('notify:xx-ncp#ew-report@xx-ncp#triage', {}, hoursAfter(26));
    expect(status(s, 'early-warning')).toBe('met-late');
    const seq = s.log.length;
    s.act('retract', { seq, reason: 'it was phoned in at once', notification: 'xx-ncp#ew-report', sentAt: hoursAfter(20) }, hoursAfter(26));
    expect(status(s, 'early-warning')).toBe('met');
    expect(s.state.notifications).toHaveLength(1);
  });

  it('offers only what can be undone exactly, and never the same entry twice', () => {
    const s = new Session();
    s.act('continue', {}, hoursAfter(1));
    s.act('decide', { option: 'National' }, hoursAfter(1)); // decisions and steps are not retractable
    expect(entries(s)).toEqual([]);
    s.act('note', { text: 'kept' }, hoursAfter(2));
    s.act('note', { text: 'x' }, hoursAfter(2));
    const seq = s.log.length;
    s.act('retract', { seq, reason: 'duplicate' }, hoursAfter(2));
    expect(entries(s).map((e) => e.seq)).not.toContain(seq);
    expect(() => s.act('retract', { seq: 2, reason: 'no' }, hoursAfter(2))).toThrow(/cannot be retracted/);
  });

  it('refuses to take back alone a report that started a clock of its own', () => {
    const s = new Session();
    s.act('record-notification', { notification: 'in-report' }, hoursAfter(10)); // starts the final report's clock
    const seq = s.log.findIndex((e) => e.type === 'notification-sent') + 1;
    expect(entries(s).map((e) => e.seq)).not.toContain(seq);
  });
});
