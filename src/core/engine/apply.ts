// apply(state, event, plans): the one state transition. It never mutates its input state.
import { onActionDone, onClockStarted, onClockWaived, onCommandRun, onCommandStarted, onEscalated, onInjectReleased, onNote, onNotificationSent } from './apply-records.js';
import { onClosed, onDecision, onHandOver, onOpened, onSkipped, onStepEntered, onTrackEnded, onTrackStarted, onTrackWaiting } from './apply-flow.js';
import { onRetracted } from './apply-retraction.js';
import { describeEvent } from './describe.js';
import { EngineError } from './errors.js';
import type { IncidentEvent } from './events.js';
import { text } from './guards.js';
import type { Plans } from './refs.js';
import { reportingOpen, type IncidentState, type TimelineEntry } from './state.js';
import { parseIso } from './time.js';

/** The state after one more event; throws EngineError when the event cannot happen now. */
export function apply(state: IncidentState, event: IncidentEvent, plans: Plans): IncidentState {
  const draft = draftOf(state, event);
  applyInPlace(draft, event, plans);
  return draft;
}

/**
 * A copy that applyInPlace may change without touching `s`: the lists it appends to are new lists
 * of the same records (which it never changes), and the records it does change in place are
 * copied: tracks, clocks and, for a retraction only, timeline entries. A deep copy of the whole
 * state per event made a long exercise quadratic. Another in-place change in an apply-* handler
 * needs its record copied here (test/unit/engine/apply-copy.test.ts checks every bundled run).
 */
function draftOf(s: IncidentState, e: IncidentEvent): IncidentState {
  return {
    ...s,
    plans: [...s.plans],
    tracks: s.tracks.map((t) => ({ ...t })),
    endedTracks: [...s.endedTracks],
    visited: [...s.visited],
    escalations: [...s.escalations],
    decisions: [...s.decisions],
    actionsDone: { ...s.actionsDone },
    notes: [...s.notes],
    notifications: [...s.notifications],
    clocks: s.clocks.map((c) => ({ ...c })),
    skipped: [...s.skipped],
    handovers: [...s.handovers],
    leftOpen: [...s.leftOpen],
    commands: [...s.commands],
    injects: [...s.injects],
    timeline: e.type === 'entry-retracted' ? s.timeline.map((t) => ({ ...t })) : [...s.timeline],
  };
}

/** Fold one event into a state the caller owns (fold() uses it to avoid a copy per event). */
export function applyInPlace(s: IncidentState, e: IncidentEvent, plans: Plans): void {
  parseIso(e.at, 'event time');
  text(e.actor, 'actor');
  if (!s.opened && e.type !== 'incident-opened') {
    throw new EngineError('not-open', `A "${String(e.type)}" event cannot come before the incident is opened.`);
  }
  if (s.closed && !afterClose(s, e)) throw new EngineError('closed', `The incident is closed; a "${String(e.type)}" event cannot follow.`);
  const entry = entryFor(s, e, plans);
  dispatch(s, e, plans);
  s.timeline.push(entry);
}

function dispatch(s: IncidentState, e: IncidentEvent, plans: Plans): void {
  switch (e.type) {
    case 'incident-opened':
      return onOpened(s, e, plans);
    case 'step-entered':
      return onStepEntered(s, e, plans);
    case 'track-started':
      return onTrackStarted(s, e, plans);
    case 'track-waiting':
      return onTrackWaiting(s, e, plans);
    case 'track-ended':
      return onTrackEnded(s, e, plans);
    case 'action-done':
      return onActionDone(s, e, plans);
    case 'note-added':
      return onNote(s, e);
    case 'decision-taken':
      return onDecision(s, e, plans);
    case 'level-escalated':
      return onEscalated(s, e, plans);
    case 'clock-started':
      return onClockStarted(s, e, plans);
    case 'notification-sent':
      return onNotificationSent(s, e, plans);
    case 'step-skipped':
      return onSkipped(s, e, plans);
    case 'plan-handed-over':
      return onHandOver(s, e, plans);
    case 'command-started':
      return onCommandStarted(s, e, plans);
    case 'command-run':
      return onCommandRun(s, e, plans);
    case 'inject-released':
      return onInjectReleased(s, e);
    case 'clock-waived':
      return onClockWaived(s, e, plans);
    case 'entry-retracted':
      return onRetracted(s, e);
    case 'incident-closed':
      return onClosed(s, e);
    default:
      // A log written by another version may hold an event type this one does not know.
      throw new EngineError('invalid-event', `Unknown event type "${String((e as { type: unknown }).type)}".`);
  }
}

/**
 * What may follow the close of the response: while a clock is owed, the reports, notes and
 * waivers of the reporting that goes on; and the clocks a report starts (the final report's).
 */
function afterClose(s: IncidentState, e: IncidentEvent): boolean {
  if (e.type === 'clock-started') return true;
  return reportingOpen(s) && (e.type === 'notification-sent' || e.type === 'note-added' || e.type === 'clock-waived' || e.type === 'entry-retracted');
}

/** The step an event not bound to a step happened at: the one track's, when only one runs. */
function soleStep(s: IncidentState): string | undefined {
  return s.tracks.length === 1 ? s.tracks[0]?.at.stepId : undefined;
}

/** The timeline line of an event, tagged with the plan (and step) it happened in. */
function entryFor(s: IncidentState, e: IncidentEvent, plans: Plans): TimelineEntry {
  const where =
    e.type === 'plan-handed-over'
      ? e.from
      : 'planId' in e && e.planId !== undefined
        ? { planId: e.planId, stepId: 'stepId' in e ? e.stepId : soleStep(s) }
        : { planId: s.planId ?? '', stepId: soleStep(s) };
  return {
    seq: s.timeline.length + 1,
    at: e.at,
    actor: e.actor,
    type: e.type,
    planId: where.planId,
    ...(where.stepId !== undefined ? { stepId: where.stepId } : {}),
    summary: describeEvent(e, plans),
    ...(e.type === 'command-run' && typeof e.output === 'string' && e.output !== '' ? { detail: e.output } : {}),
  };
}
