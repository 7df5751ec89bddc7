// The TLP marking of every event, worked out when the log is read: the TLP of the plan the event
// happened in (events written before markings existed carry none, and take it), stricter when
// the event says so (a note marked with --tlp), the notification's own TLP for a report recorded
// as sent, both plans' for a hand-over, and the retracted entry's for a retraction (it names it).
// Nothing is ever written back: the log keeps what it was given.
import type { IncidentEvent, IncidentState, Plans } from '../../engine/index.js';
import type { Tlp } from '../../plan/types.js';
import { strictestTlp, tlpRank } from '../../tlp.js';

/** The marking of each event, in log order (events[i] is state.timeline[i]). */
export function eventMarkings(events: readonly IncidentEvent[], state: IncidentState, plans: Plans): Tlp[] {
  const planTlp = (id: string | undefined): Tlp | undefined => (id === undefined ? undefined : plans.get(id)?.metadata.tlp);
  const out: Tlp[] = [];
  events.forEach((e, i) => {
    const labels: (string | undefined)[] = [planTlp(state.timeline[i]?.planId ?? state.meta?.planId)];
    if ('tlp' in e && typeof e.tlp === 'string') labels.push(e.tlp);
    if (e.type === 'notification-sent') labels.push(planTlp(e.planId), plans.get(e.planId)?.notifications?.find((n) => n.id === e.notificationId)?.tlp);
    if (e.type === 'plan-handed-over') labels.push(planTlp(e.from.planId), planTlp(e.to.planId));
    if (e.type === 'entry-retracted') labels.push(out[e.seq - 1]);
    out.push(strictestTlp(labels));
  });
  return out;
}

/** Whether something marked `marking` may go into an output shared at `level`. */
export function shareable(marking: Tlp | undefined, level: Tlp): boolean {
  return (tlpRank(marking) ?? 0) <= (tlpRank(level) ?? 0);
}

/** The plans an output shared at `level` may show (their steps, clocks, roles). */
export function shareablePlans(state: IncidentState, plans: Plans, level: Tlp): Set<string> {
  return new Set(state.plans.filter((id) => shareable(plans.get(id)?.metadata.tlp, level)));
}
