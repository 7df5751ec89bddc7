// What a responder may do next, as data: the CLI renders these, the exercise runner scripts them,
// and eventsFor() turns a chosen one (plus the responder's input) into events.
import type { ClockAnchor, Tlp } from '../plan/types.js';
import type { CommandResult } from '../ports.js';
import type { StepRef } from './events.js';

interface ActionBase {
  id: string; // stable while the state does not change; step-bound ids name their step
  label: string; // a plain English menu line
  suggested: boolean; // the one action a prompt should default to
}

export interface NotificationChoice {
  planId: string;
  id: string;
  title: string;
  to: string;
  toTitle: string; // the recipient role's title (its id when the plan has no such role)
  from?: string;
  fromTitle?: string;
  channel?: string;
  clock?: string;
  tlp: Tlp;
}

/** An earlier entry the responder may take back (newest first), with what a correction would redo. */
export interface RetractChoice {
  seq: number;
  type: string;
  summary: string;
  at: string;
  actor: string;
  /** A note: its text, to correct it. */
  note?: string;
  /** A report: the notification, to record it again correctly (another time, another channel). */
  notification?: NotificationChoice;
}

export interface DecisionChoice {
  index: number;
  label: string;
  description?: string;
  to: StepRef;
  handover: boolean; // the option leads into another plan
  escalate?: string;
  startsClocks: string[];
  startsTracks: StepRef[]; // where new tracks begin beside `to` when the option is taken
}

export interface LevelChoice {
  planId: string;
  id: string;
  title: string;
  rank: number;
}

export interface ClockChoice {
  planId: string;
  id: string;
  title: string;
  starts: ClockAnchor;
  /** The clock has no deadline of its own: the request names when it is due, and the responder gives it. */
  asksDue: boolean;
}

/** What is still open at a step when the responder moves on (the CLI may ask to confirm). */
export interface Pending {
  actions: string[];
  notifications: string[];
}

export type Action =
  | (ActionBase & { kind: 'mark-action-done'; track: string; step: StepRef; index: number; text: string })
  | (ActionBase & { kind: 'send-notification'; track: string; step: StepRef; notification: NotificationChoice })
  | (ActionBase & { kind: 'take-decision'; track: string; step: StepRef; question: string; options: DecisionChoice[] })
  | (ActionBase & { kind: 'continue'; track: string; step: StepRef; to: StepRef; pending: Pending })
  | (ActionBase & { kind: 'hand-over'; track: string; step: StepRef; to: StepRef; pending: Pending })
  | (ActionBase & { kind: 'end-track'; track: string; step: StepRef; pending: Pending }) // an end step while other tracks run on
  | (ActionBase & { kind: 'run-command'; track: string; step: StepRef; argv: string[]; timeoutMs: number; env: string[]; cwd?: string; description?: string })
  | (ActionBase & { kind: 'add-note' })
  | (ActionBase & { kind: 'record-notification'; notifications: NotificationChoice[] })
  | (ActionBase & { kind: 'start-clock'; clocks: ClockChoice[] })
  | (ActionBase & { kind: 'waive-clock'; clocks: ClockChoice[] })
  | (ActionBase & { kind: 'retract-entry'; entries: RetractChoice[] })
  | (ActionBase & { kind: 'escalate'; from: LevelChoice; levels: LevelChoice[] })
  | (ActionBase & { kind: 'skip-step'; track: string; step: StepRef; targets: StepRef[] })
  | (ActionBase & { kind: 'close'; owed: ClockChoice[] }) // owed: the clocks that keep reporting open after the close
  | (ActionBase & { kind: 'view-status' })
  | (ActionBase & { kind: 'view-timeline' });

export type ActionKind = Action['kind'];

/** What the responder supplies with an action; which fields are needed depends on the kind. */
export interface ActionInput {
  text?: string; // add-note
  tlp?: Tlp; // add-note: a marking stricter than the plan's
  track?: string; // add-note: the track whose step the note is about (default: the only track, when one runs)
  option?: number | string; // take-decision: option index or label
  notification?: string; // record-notification: ID or PLAN#ID
  channel?: string; // send/record-notification: a channel other than the notification's own
  sentAt?: Date; // send/record-notification: when it was sent, if before `at` (not before awareness)
  tlpReason?: string; // send/record-notification: required when the channel's maxTlp is below the notification's TLP
  clock?: string; // start-clock: ID or PLAN#ID
  since?: Date; // start-clock: when the triggering event happened, if before `at`
  due?: Date; // start-clock: when the report is due, for a clock with no deadline of its own (on request)
  level?: string; // escalate: level id
  reason?: string; // escalate (optional), skip-step and waive-clock (required), continue/hand-over (why, when items are still open)
  target?: number; // skip-step: index into targets, when there is more than one
  cwd?: string; // run-command: the resolved working folder; with it (and no result) the command is started
  result?: CommandResult; // run-command: what the runner returned
  summary?: string; // close
  seq?: number; // retract-entry: the entry taken back; with text (a note) or notification (a report), it is corrected
}
