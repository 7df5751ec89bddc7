// One plain sentence per event, for timelines and reports (renderers may restyle it).
import type { IncidentEvent, LeftOpen, NotificationSent } from './events.js';
import type { Plans } from './refs.js';
import { commandLine, quoteArg } from '../safe-text/index.js';

/** A short English summary of an event; unknown references fall back to their ids. */
export function describeEvent(e: IncidentEvent, plans: Plans): string {
  switch (e.type) {
    case 'incident-opened':
      return `Incident opened: ${e.title} (aware since ${e.awareness}${e.severity ? `, severity ${e.severity}` : ''})`;
    case 'step-entered':
      return `${trackText(e.track)}Entered step ${e.stepId}: ${stepTitle(plans, e.planId, e.stepId)}${leftOpenText(e.leftOpen)}`;
    case 'track-started':
      return `Track ${e.track} started at ${e.planId}#${e.stepId}: ${stepTitle(plans, e.planId, e.stepId)} (from ${e.from.planId}#${e.from.stepId})`;
    case 'track-waiting':
      return `Track ${e.track} waits at the join ${e.stepId}: ${stepTitle(plans, e.planId, e.stepId)}${leftOpenText(e.leftOpen)}`;
    case 'track-ended':
      return `Track ${e.track} ${e.reason === 'joined' ? `joined track ${String(e.into)} at` : 'ended at'} ${e.stepId}: ${stepTitle(plans, e.planId, e.stepId)}${leftOpenText(e.leftOpen)}`;
    case 'action-done':
      return `Done: ${e.text}`;
    case 'note-added':
      return `Note: ${e.text}`;
    case 'decision-taken':
      return `Decision at ${e.stepId}: ${e.label}`;
    case 'level-escalated':
      return `Level raised from ${e.from} to ${e.to}: ${e.reason}`;
    case 'clock-started':
      return `Clock ${clockTitle(plans, e.planId, e.clockId)} started ${e.startedAt}, due ${e.dueAt}`;
    case 'notification-sent':
      return `Sent ${notificationTitle(plans, e.planId, e.notificationId)} to ${e.to}${e.channel ? ` via ${e.channel}` : ''}${sentText(e)}`;
    case 'step-skipped':
      return `Skipped step ${e.stepId}: ${e.reason}`;
    case 'plan-handed-over':
      return `${trackText(e.track)}Handed over from ${e.from.planId}#${e.from.stepId} to ${e.to.planId}#${e.to.stepId}${leftOpenText(e.leftOpen)}`;
    case 'command-started':
      return `Started ${commandLine(e.argv)} in ${quoteArg(e.cwd)}${e.env.length > 0 ? `, passing ${e.env.map(quoteArg).join(', ')}` : ''}`;
    case 'command-run':
      return `Ran ${commandLine(e.argv)}: ${commandOutcome(e)}`;
    case 'inject-released':
      return `Inject ${e.injectId}: ${e.title}`;
    case 'entry-retracted':
      return `${e.corrected === true ? 'Corrected' : 'Retracted'} entry #${e.seq}: ${e.reason}`;
    case 'clock-waived':
      return `Clock ${clockTitle(plans, e.planId, e.clockId)} waived: ${e.reason}`;
    case 'incident-closed':
      return `Incident closed: ${e.summary}`;
  }
}

/** The track a move is in, when it is not the main one (logs of one track read as before). */
function trackText(track: string | undefined): string {
  return track === undefined || track === 'main' ? '' : `Track ${track}: `;
}

/** When a report went out if earlier than it was logged, and why it took a channel below its TLP. */
function sentText(e: NotificationSent): string {
  const when = e.sentAt !== undefined && e.sentAt !== e.at ? ` (sent ${e.sentAt}, recorded ${e.at})` : '';
  return `${when}${e.tlpReason !== undefined ? `; above the channel's TLP limit because: ${e.tlpReason}` : ''}`;
}

/** What a move left open at the step it left, and why. */
function leftOpenText(left: LeftOpen | undefined): string {
  if (left === undefined) return '';
  const items = [...(Array.isArray(left.actions) ? left.actions : []), ...(Array.isArray(left.notifications) ? left.notifications : [])];
  return `; moved on leaving open ${items.join(', ')} because: ${left.reason}`;
}

/** How a command ended, in words: "exit code 0", "timed out", "interrupted by the responder". */
export function commandOutcome(r: { exitCode: number | null; timedOut: boolean; interrupted?: boolean; signal?: string }): string {
  if (r.interrupted === true) return 'interrupted by the responder';
  if (r.timedOut) return 'timed out';
  return r.exitCode === null && r.signal !== undefined ? `ended by ${r.signal}` : `exit code ${r.exitCode ?? 'none'}`;
}

function stepTitle(plans: Plans, planId: string, id: string): string {
  return plans.get(planId)?.steps.find((s) => s.id === id)?.title ?? id;
}

function clockTitle(plans: Plans, planId: string, id: string): string {
  return plans.get(planId)?.clocks?.find((c) => c.id === id)?.title ?? id;
}

function notificationTitle(plans: Plans, planId: string, id: string): string {
  return plans.get(planId)?.notifications?.find((n) => n.id === id)?.title ?? id;
}
