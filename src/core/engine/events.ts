// Everything that can happen during an incident, as events appended to the log.
// Every event carries type, at (RFC 3339 UTC with milliseconds) and actor (LoggedEvent).
import type { LoggedEvent } from '../ports.js';
import type { Tlp } from '../plan/types.js';

/** A step in a plan; plans are joined by hand-overs, so a step is named with its plan. */
export interface StepRef {
  planId: string;
  stepId: string;
}

export interface IncidentOpened extends LoggedEvent {
  type: 'incident-opened';
  planId: string;
  title: string;
  awareness: string; // when the responder's organisation became aware (RFC 3339)
  severity?: string; // severity id of the plan
}

/**
 * What was still open at a step when the responder moved on anyway, and why. It rides on the first
 * event of the move (step-entered, or plan-handed-over when the next step is in another plan).
 */
export interface LeftOpen {
  actions: string[]; // action texts
  notifications: string[]; // notification ids
  reason: string;
}

/** The track of logs written before tracks existed, and of an incident's first track. */
export const MAIN_TRACK = 'main';

export interface StepEntered extends LoggedEvent {
  type: 'step-entered';
  planId: string;
  stepId: string;
  track?: string; // the track that moves; absent: the main track (and every step-entered before tracks existed)
  leftOpen?: LeftOpen; // absent when nothing was open, and in logs written before it was kept
}

/**
 * A new track begins at a step, beside the others: started by the step `from` (on entering it) or
 * by one of its decision options. It enters its first step (no step-entered follows).
 */
export interface TrackStarted extends LoggedEvent {
  type: 'track-started';
  track: string;
  planId: string;
  stepId: string;
  from: StepRef;
}

/** A track arrived at a join that waits for all its tracks, while another can still reach it. */
export interface TrackWaiting extends LoggedEvent {
  type: 'track-waiting';
  track: string;
  planId: string; // the join step
  stepId: string;
  leftOpen?: LeftOpen;
}

/**
 * A track ends: at an end step while others run on (`end`), or at a join another track goes on
 * from (`joined`, with `into`): its own work there is done.
 */
export interface TrackEnded extends LoggedEvent {
  type: 'track-ended';
  track: string;
  planId: string; // where it ended
  stepId: string;
  reason: 'end' | 'joined';
  into?: string; // joined: the track that goes on
  leftOpen?: LeftOpen;
}

export interface ActionDone extends LoggedEvent {
  type: 'action-done';
  planId: string;
  stepId: string;
  index: number; // into step.actions
  text: string;
}

export interface NoteAdded extends LoggedEvent {
  type: 'note-added';
  text: string;
  /** A marking stricter than the plan's (crisis note --tlp); absent: the plan's, as in notes written before markings. */
  tlp?: Tlp;
  planId?: string; // the step the note was written at, when there was one
  stepId?: string;
}

export interface DecisionTaken extends LoggedEvent {
  type: 'decision-taken';
  planId: string;
  stepId: string;
  option: number; // index into decision.options
  label: string;
}

export interface LevelEscalated extends LoggedEvent {
  type: 'level-escalated';
  planId: string; // the plan whose levels `to` names
  from: string;
  to: string;
  reason: string;
}

export interface ClockStarted extends LoggedEvent {
  type: 'clock-started';
  planId: string;
  clockId: string;
  startedAt: string; // may precede `at`: awareness clocks run from the awareness time
  dueAt: string;
}

export interface NotificationSent extends LoggedEvent {
  type: 'notification-sent';
  planId: string;
  notificationId: string;
  to: string; // role id (or PLAN#ROLE)
  alsoMeets?: string[]; // other clocks the plan says this report meets too (absent in logs written before it existed)
  channel?: string; // channel id
  clock?: string; // the clock this report meets (id in planId, or PLAN#CLOCK)
  /** When it was sent, if before it was recorded (`at`); the clock is judged by it. Absent: sent at `at`. */
  sentAt?: string;
  /** Why it went through a channel whose maxTlp is below the notification's TLP (only then). */
  tlpReason?: string;
}

export interface StepSkipped extends LoggedEvent {
  type: 'step-skipped';
  planId: string;
  stepId: string;
  reason: string;
}

export interface PlanHandedOver extends LoggedEvent {
  type: 'plan-handed-over';
  from: StepRef;
  to: StepRef;
  track?: string; // absent: the main track
  leftOpen?: LeftOpen; // see StepEntered
}

/**
 * A confirmed command is about to run, committed before it starts: if the session dies while it
 * runs (Ctrl+C, kill -9, power cut), the log still says what was started, where and with what.
 */
export interface CommandStarted extends LoggedEvent {
  type: 'command-started';
  planId: string;
  stepId: string;
  argv: string[];
  cwd: string; // the working folder, absolute
  env: string[]; // names of the variables passed on besides the base set (never their values)
  timeoutMs: number;
}

/** A command's result. Logs written before command-started existed hold this event alone. */
export interface CommandRun extends LoggedEvent {
  type: 'command-run';
  planId: string;
  stepId: string;
  argv: string[];
  exitCode: number | null; // null when killed by a signal or a timeout
  timedOut: boolean;
  interrupted?: boolean; // the responder stopped it (Ctrl+C); absent means it was not
  signal?: string; // the signal that ended it, when one did (absent in logs written before it was kept)
  durationMs: number;
  output: string; // a bounded excerpt
}

/** An exercise inject released to the players (tabletop exercises only; real incidents never have one). */
export interface InjectReleased extends LoggedEvent {
  type: 'inject-released';
  injectId: string;
  title: string;
  message: string;
  facts?: Record<string, string | number | boolean>; // scenario facts the inject reveals
}

/**
 * An earlier entry (by its place in the log, `seq`) taken back, with the reason; the log keeps it,
 * struck through. With `corrected`, the events after it in the same batch are its correction.
 */
export interface EntryRetracted extends LoggedEvent {
  type: 'entry-retracted';
  seq: number;
  reason: string;
  corrected?: boolean;
}

/** A running clock set aside with a reason (the regime does not apply after all, the report went another way). */
export interface ClockWaived extends LoggedEvent {
  type: 'clock-waived';
  planId: string;
  clockId: string;
  reason: string;
}

export interface IncidentClosed extends LoggedEvent {
  type: 'incident-closed';
  summary: string;
}

/** The discriminated union of all incident events. */
export type IncidentEvent =
  | IncidentOpened
  | StepEntered
  | TrackStarted
  | TrackWaiting
  | TrackEnded
  | ActionDone
  | NoteAdded
  | DecisionTaken
  | LevelEscalated
  | ClockStarted
  | NotificationSent
  | StepSkipped
  | PlanHandedOver
  | CommandStarted
  | CommandRun
  | InjectReleased
  | ClockWaived
  | EntryRetracted
  | IncidentClosed;

export type IncidentEventType = IncidentEvent['type'];

/** All event types, in the order of the union (for validation and docs). */
export const EVENT_TYPES: readonly IncidentEventType[] = [
  'incident-opened',
  'step-entered',
  'action-done',
  'note-added',
  'decision-taken',
  'level-escalated',
  'clock-started',
  'notification-sent',
  'step-skipped',
  'plan-handed-over',
  'command-started',
  'command-run',
  'inject-released',
  'clock-waived',
  'entry-retracted',
  'incident-closed',
  'track-started',
  'track-waiting',
  'track-ended',
];
