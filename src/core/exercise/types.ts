// The exercise format (apiVersion crisis/v1, kind Exercise) as TypeScript types.
// schemas/exercise.schema.json is the full truth for authors; these types mirror it for the code.
// Offsets (`at`, `by`, `end`, `awareness`) are ISO 8601 durations from the exercise's `start`.
import type { Tlp } from '../plan/types.js';

export interface ExerciseMetadata {
  id: string;
  title: string;
  version: string;
  tlp: Tlp;
  description?: string;
  example?: boolean;
}

export interface Objective {
  id: string;
  title: string;
  description?: string;
}

/** A scenario message released to the players at a simulated time. */
export interface Inject {
  id: string;
  at: string; // offset from start
  title: string;
  message: string;
  facts?: Record<string, string | number | boolean>;
}

/** What a scripted response does; each maps to one engine action. */
export type ScriptVerb =
  | 'action-done'
  | 'decision'
  | 'notify'
  | 'note'
  | 'escalate'
  | 'skip'
  | 'continue'
  | 'start-clock'
  | 'close';

/** One scripted response of an unattended run. Step, notification and clock refs: ID (the exercise's plan) or PLAN#ID. */
export interface ScriptEntry {
  at: string; // offset from start
  do: ScriptVerb;
  actor?: string; // who acts; default: the owner role of the current step
  step?: string; // the step the incident must be at (checked before acting)
  action?: number | string; // action-done: index or exact text of the step action
  option?: number | string; // decision: option label (or index)
  notification?: string; // notify
  channel?: string; // notify: another channel than the notification's own
  level?: string; // escalate: a level id (or PLAN#LEVEL)
  clock?: string; // start-clock
  due?: string; // start-clock of a clock with no deadline of its own: when the request says the report is due, from this entry
  target?: string; // skip: where skipping leads, when the step has several ways on
  text?: string; // note
  reason?: string; // escalate, skip
  summary?: string; // close
}

export type ExpectationType = 'step-reached' | 'decision-taken' | 'level-reached' | 'clock-met' | 'notification-sent';

/** Something the players should achieve, scored at the end; `by` and `within` set its deadline. */
export interface Expectation {
  id: string;
  objective: string;
  type: ExpectationType;
  description?: string;
  weight?: number; // > 0, default 1
  mandatory?: boolean; // default false
  step?: string; // step-reached, decision-taken
  option?: string; // decision-taken: the option label expected
  level?: string; // level-reached
  clock?: string; // clock-met (its deadline is the clock's own)
  notification?: string; // notification-sent
  to?: string; // notification-sent: the recipient role (ROLE or PLAN#ROLE)
  by?: string; // deadline as an offset from start
  within?: string; // deadline as a duration from `after` (an inject) or from awareness
  after?: string; // inject id that `within` runs from
}

export interface ExerciseIncident {
  title: string;
  severity?: string; // a severity id of the plan
  awareness?: string; // offset from start when the organisation became aware; default PT0S
  opened?: string; // offset from start when the incident is opened in the tool; default = awareness
}

export interface Exercise {
  apiVersion: 'crisis/v1';
  kind: 'Exercise';
  metadata: ExerciseMetadata;
  plan: string; // id of the plan the incident opens on
  planFiles?: string[]; // plan files not bundled, relative to the exercise file
  objectives: Objective[];
  participants: string[]; // role ids (ROLE of `plan`, or PLAN#ROLE)
  start: string; // RFC 3339 simulated start (STARTEX)
  end?: string; // offset of ENDEX; default: the last inject or script entry
  incident: ExerciseIncident;
  injects: Inject[];
  script?: ScriptEntry[];
  expectations: Expectation[];
}
