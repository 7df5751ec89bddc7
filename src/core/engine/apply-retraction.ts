// entry-retracted: an earlier record taken back. The log stays append-only: the retracted entry
// stays on the timeline, marked with who took it back and why, and only its effect is undone.
import { EngineError } from './errors.js';
import type { EntryRetracted } from './events.js';
import { count, text } from './guards.js';
import type { IncidentState } from './state.js';

/** The entries a responder may take back: records whose effect can be undone exactly. */
export const RETRACTABLE = new Set(['note-added', 'action-done', 'notification-sent', 'clock-waived']);

/** Why entry `seq` cannot be taken back, or undefined when it can. */
export function retractionRefused(s: IncidentState, seq: number): string | undefined {
  const entry = s.timeline[seq - 1];
  if (!entry) return `There is no entry #${seq}.`;
  if (entry.retracted) return `Entry #${seq} was already retracted.`;
  if (!RETRACTABLE.has(entry.type)) return `Entry #${seq} (${entry.type}) cannot be retracted: only notes, done actions, reports and waivers can.`;
  // A report that started other clocks (the final report's) cannot be undone alone.
  const next = s.timeline[seq];
  if (entry.type === 'notification-sent' && next?.type === 'clock-started' && next.at === entry.at && next.actor === entry.actor) {
    return `Entry #${seq} started a clock of its own; record the right report as well, and waive what does not apply.`;
  }
  return undefined;
}

export function onRetracted(s: IncidentState, e: EntryRetracted): void {
  const seq = count(e.seq, 'seq');
  const refused = retractionRefused(s, seq);
  if (refused) throw new EngineError('invalid-event', refused);
  const reason = text(e.reason, 'reason');
  s.notes = s.notes.filter((n) => n.seq !== seq);
  for (const key of Object.keys(s.actionsDone)) s.actionsDone[key] = (s.actionsDone[key] ?? []).filter((d) => d.seq !== seq);
  s.notifications = s.notifications.filter((n) => n.seq !== seq);
  for (const c of s.clocks) {
    if (c.metBySeq === seq) {
      delete c.metAt;
      delete c.metBy;
      delete c.metBySeq;
    }
    if (c.waived?.seq === seq) delete c.waived;
  }
  const entry = s.timeline[seq - 1];
  if (entry) entry.retracted = { seq: s.timeline.length + 1, at: e.at, actor: e.actor, reason, corrected: e.corrected === true };
}
