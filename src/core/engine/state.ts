// The state of an incident: a pure function of (plans, events). Plain data only (no Maps, no
// Dates) so that a replayed state deep-equals a live one and serialises as JSON.
import type { ClockAnchor } from '../plan/types.js';
import type { LeftOpen, StepRef } from './events.js';

/** Who did something, and when (RFC 3339 UTC). */
export interface Stamp {
  at: string;
  actor: string;
}

export interface IncidentMeta {
  planId: string; // the plan the incident opened on
  title: string;
  awareness: string;
  severity?: string;
  openedAt: string;
  openedBy: string;
}

export interface LevelState {
  planId: string; // the plan whose levels `id` names
  id: string;
  rank: number;
}

export interface VisitedStep extends StepRef, Stamp {
  track?: string; // absent: the main track
}

/**
 * A running track: one line of work beside the others, at one step. A track that reached a join
 * waiting for all its tracks is `waiting` there until the join opens.
 */
export interface TrackState {
  id: string;
  planId: string; // the plan the track is in (a hand-over moves it)
  at: StepRef;
  since: string; // when it reached the step
  status: 'active' | 'waiting';
  from?: StepRef; // the step that started it (absent for the main track)
  startedAt: string;
  visitedFrom: number; // the length of `visited` when it started: what other tracks did since is after it
}

/** A track that ended, and how. */
export interface EndedTrack extends Stamp {
  id: string;
  step: StepRef; // where it ended
  reason: 'end' | 'joined';
  into?: string;
}
export interface DoneAction extends Stamp {
  index: number;
  text: string;
  seq?: number; // the event's place in the log (absent in states built before retractions existed)
}
export interface DecisionRecord extends StepRef, Stamp {
  option: number;
  label: string;
}
export interface NoteRecord extends Stamp {
  seq?: number;
  text: string;
  planId?: string;
  stepId?: string;
}
export interface EscalationRecord extends Stamp {
  planId: string;
  from: string;
  to: string;
  reason: string;
}
export interface SentNotification extends Stamp {
  planId: string;
  notificationId: string;
  title: string;
  to: string;
  channel?: string;
  clock?: string; // PLAN#CLOCK it met, when it named one
  sentAt?: string; // when it was sent, if earlier than it was recorded (`at`)
  tlpReason?: string; // why it went through a channel below its TLP
  seq?: number;
}
export interface SkippedStep extends StepRef, Stamp {
  reason: string;
}
/** Moving on from a step with items still open: the step left, what was open, and why (stamped when it happened). */
export interface LeftOpenRecord extends StepRef, Stamp, LeftOpen {}
export interface HandOver extends Stamp {
  from: StepRef;
  to: StepRef;
  track?: string; // absent: the main track
}
export interface CommandRecord extends StepRef, Stamp {
  argv: string[];
  exitCode: number | null;
  timedOut: boolean;
  interrupted?: true; // only when the responder stopped it
  signal?: string; // the signal that ended it
  durationMs: number;
  output: string;
}
/** A command started and not (yet) given a result: still running, or its session ended while it ran. */
export interface StartedCommand extends StepRef, Stamp {
  argv: string[];
  cwd: string;
  env: string[];
  timeoutMs: number;
}

/** An exercise inject as released to the players. */
export interface InjectRecord extends Stamp {
  injectId: string;
  title: string;
}

/** One run of a clock. A met clock can run again (a second request for an intermediate report). */
export interface StartedClock {
  planId: string;
  clockId: string;
  title: string;
  basis: string;
  starts: ClockAnchor;
  startedAt: string;
  dueAt: string;
  metAt?: string;
  metBy?: string; // PLAN#NOTIFICATION that met it
  metBySeq?: number; // the place in the log of the report that met it
  waived?: { at: string; actor: string; reason: string; seq?: number }; // set aside with a reason: no longer owed
}

/** A clock still owed: started, neither met nor waived. */
export function isOwed(c: StartedClock): boolean {
  return c.metAt === undefined && c.waived === undefined;
}

/**
 * After the response is closed, reporting stays open while a clock is owed: a final report due a
 * month later must still be recordable, and so must notes about it.
 */
export function reportingOpen(s: IncidentState): boolean {
  return s.closed && s.clocks.some(isOwed);
}

/** One line of the incident's history, tagged with the plan it happened in. */
export interface TimelineEntry extends Stamp {
  seq: number; // 1-based position of the event
  type: string;
  planId: string;
  stepId?: string;
  summary: string;
  detail?: string; // a command's output excerpt: hostile text, so renderers pass it through safeBlock
  retracted?: { seq: number; at: string; actor: string; reason: string; corrected: boolean }; // taken back later, by that entry
}

export interface IncidentState {
  opened: boolean;
  meta?: IncidentMeta;
  planId?: string; // the plan the incident is in now (changes on hand-over)
  plans: string[]; // every plan the incident has been in, in order
  tracks: TrackState[]; // the running tracks, in the order they started
  endedTracks: EndedTrack[];
  tracksStarted: number; // how many tracks have ever started (names the next one)
  visited: VisitedStep[];
  level?: LevelState;
  escalations: EscalationRecord[];
  decisions: DecisionRecord[];
  actionsDone: Record<string, DoneAction[]>; // by stepKey (plan#step)
  notes: NoteRecord[];
  notifications: SentNotification[];
  clocks: StartedClock[];
  skipped: SkippedStep[];
  handovers: HandOver[];
  leftOpen: LeftOpenRecord[];
  commands: CommandRecord[];
  runningCommand?: StartedCommand; // the last command-started without a command-run after it
  injects: InjectRecord[]; // exercise injects released so far (empty in a real incident)
  closed: boolean;
  closedAt?: string;
  summary?: string;
  timeline: TimelineEntry[];
}

/** The tracks at work now (not waiting at a join). */
export function activeTracks(s: IncidentState): TrackState[] {
  return s.tracks.filter((t) => t.status === 'active');
}

/** The active track at a step, if any (tracks that meet at a step merge, so there is at most one). */
export function activeTrackAt(s: IncidentState, ref: StepRef): TrackState | undefined {
  return s.tracks.find((t) => t.status === 'active' && t.at.planId === ref.planId && t.at.stepId === ref.stepId);
}

/** The tracks waiting at a join step, earliest first. */
export function waitingAt(s: IncidentState, ref: StepRef): TrackState[] {
  return s.tracks.filter((t) => t.status === 'waiting' && t.at.planId === ref.planId && t.at.stepId === ref.stepId);
}

/** The state before any event: nothing opened yet. */
export function initialState(): IncidentState {
  return {
    opened: false,
    plans: [],
    tracks: [],
    endedTracks: [],
    tracksStarted: 0,
    visited: [],
    escalations: [],
    decisions: [],
    actionsDone: {},
    notes: [],
    notifications: [],
    clocks: [],
    skipped: [],
    handovers: [],
    leftOpen: [],
    commands: [],
    injects: [],
    closed: false,
    timeline: [],
  };
}
