// The interfaces the pure core needs from the world. Adapters in src/adapters implement them;
// tests use hand-written fakes. Nothing in src/core imports node:fs, SQLite, a terminal or the clock.

/** Reads the current time. Time is always passed into the engine, never read inside it. */
export interface Clock {
  now(): Date;
}

/** The minimum every logged event carries; the engine's event union extends it. */
export interface LoggedEvent {
  type: string;
  at: string; // RFC 3339 UTC with milliseconds
  actor: string; // responder name
}

/** An event as stored: its place in the incident's hash chain. */
export interface RecordedEvent<E extends LoggedEvent = LoggedEvent> {
  seq: number; // 1-based, per incident
  prevHash: string;
  hash: string;
  event: E;
  /** On a team log, what the server stamped beside the responder's claims (exports show it). */
  server?: ServerStamp;
}

/** Who wrote an event and when, as the database server knows it, not as the client claims. */
export interface ServerStamp {
  /** The authenticated login role (session_user). */
  user: string;
  /** The role the row was written as (current_user). */
  role: string;
  /** The server's clock at the insert, RFC 3339 UTC. */
  at: string;
}

/** A plan as it was when the incident used it, kept with the incident. */
export interface PlanSnapshot {
  planId: string;
  text: string; // the YAML source
  hash: string; // SHA-256 of text, hex
}

/** A plan snapshot to store; the log computes the hash when it is left out (the core cannot hash). */
export type PlanSnapshotInput = Omit<PlanSnapshot, 'hash'> & { hash?: string };

export interface IncidentRecord {
  id: string;
  title: string;
  planId: string; // the plan the incident opened on
  createdAt: string; // RFC 3339 UTC
  closed: boolean; // derived from the events, never stored as a mutable column
  events: number;
  lastEventAt: string | null;
}

export interface VerifyResult {
  ok: boolean;
  incidents: number;
  events: number;
  /** The first problem found in the chains, when not ok. */
  broken?: { incidentId: string; seq: number; reason: string };
  /** How the log's tables and triggers differ from what crisis made (a dropped append-only trigger...). */
  schema?: string[];
  /**
   * Each intact incident's last event and its hash (seq 0 and the genesis hash before any event).
   * Kept elsewhere, a head proves later that nothing up to it was rewritten (`--anchor`).
   */
  heads: ChainHead[];
  /** For each anchor asked about (in order), where the chains hold it; looked for only in intact chains. */
  anchors: { hex: string; at: ChainHead | undefined }[];
}

export interface ChainHead {
  incidentId: string;
  seq: number;
  hash: string;
}

/**
 * The append-only, hash-chained incident log. Asynchronous: a log may be a database server
 * (PostgreSQL) as well as a local file (SQLite); the engine never knows which one it has.
 */
export interface EventLog<E extends LoggedEvent = LoggedEvent> {
  /**
   * Create an incident with snapshots of the plans it may use (its plan and the plans it hands
   * over to) and its first events, in one transaction: all of it is durably committed, or none.
   */
  createIncident(input: { id: string; title: string; planId: string; createdAt: string; plans: PlanSnapshotInput[]; events?: readonly E[] }): Promise<RecordedEvent<E>[]>;
  /** Append one event; it is durably committed when the promise resolves. */
  append(incidentId: string, event: E): Promise<RecordedEvent<E>>;
  /**
   * Append several events atomically: all are durably committed when this resolves, or none.
   * With `afterSeq`, only if the incident's last event is still that one (else LogConflict).
   */
  appendAll(incidentId: string, events: readonly E[], options?: { afterSeq?: number }): Promise<RecordedEvent<E>[]>;
  /** All events of an incident in order. */
  events(incidentId: string): Promise<RecordedEvent<E>[]>;
  incident(id: string): Promise<IncidentRecord | undefined>;
  incidents(): Promise<IncidentRecord[]>;
  snapshots(incidentId: string): Promise<PlanSnapshot[]>;
  /** Check the hash chain of one incident, or of all, looking for hashes (or their leading hex digits) kept earlier. */
  verify(incidentId?: string, anchors?: readonly string[]): Promise<VerifyResult>;
  close(): Promise<void>;
}

/** A replay checkpoint as stored: the state after event `seq` (whose hash was `hash`), as JSON. */
export interface StoredCheckpoint {
  seq: number;
  hash: string;
  format: string; // which code wrote it (the engine's format and the crisis version)
  state: string;
}

/**
 * Where a log keeps replay checkpoints. A checkpoint is a cache, not evidence: it is trusted only
 * while the event it names still has its hash, and `crisis log verify` checks it by a full replay.
 */
export interface CheckpointStore<E extends LoggedEvent = LoggedEvent> {
  /** The incident's latest checkpoint, if the log has one. */
  checkpoint(incidentId: string): Promise<StoredCheckpoint | undefined>;
  /** Keep this checkpoint as the incident's latest (a writable log only). */
  saveCheckpoint(incidentId: string, checkpoint: StoredCheckpoint): Promise<void>;
  /** The hash of the incident's event `seq`, if there is one. */
  hashAt(incidentId: string, seq: number): Promise<string | undefined>;
  /** The incident's events after `seq`, in order. */
  eventsAfter(incidentId: string, seq: number): Promise<RecordedEvent<E>[]>;
}

/**
 * Tells that an incident's log has grown (a teammate's event), so a screen can be redrawn
 * without re-reading the whole log on a timer. `onChange` gets the incident's last seq;
 * `onLost` is called once if the log can no longer be reached.
 */
export interface LogChanges {
  watch(incidentId: string, onChange: (lastSeq: number) => void, onLost?: (error: Error) => void): Promise<() => Promise<void>>;
}

/** Runs a step's command (argv form, never a shell string). */
export interface CommandRunner {
  run(argv: readonly string[], options: RunOptions): Promise<CommandResult>;
}

export interface RunOptions {
  timeoutMs: number;
  /** The working folder, absolute. */
  cwd: string;
  /** Names of variables passed on from the responder's environment besides the base set (never values). */
  env: readonly string[];
  /** Aborting stops the command's whole process group (the responder pressed Ctrl+C). */
  signal?: AbortSignal;
}

export interface CommandResult {
  exitCode: number | null; // null when killed by a signal or a timeout
  timedOut: boolean;
  interrupted?: boolean; // stopped through the abort signal
  signal?: string; // the signal that ended it (SIGKILL, SIGSEGV, ...), when one did
  durationMs: number;
  output: string; // a bounded excerpt of stdout and stderr, interleaved
}

/** Tells the walkthrough that the responder asked to stop (Ctrl+C while no prompt reads keys). */
export interface Interrupts {
  /** Call `handler` on each interrupt until the returned function is called. */
  listen(handler: () => void): () => void;
}

/** Where a command runs: the plan's run.cwd resolved against the folder the responder started in. */
export type WorkingFolder = (planCwd: string | undefined) => string;

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  disabled?: boolean | string;
}

export interface SelectQuestion<T> {
  message: string;
  choices: readonly Choice<T>[];
  default?: T;
  pageSize?: number;
  signal?: AbortSignal;
  /** Lines drawn above the question and drawn again every few seconds while it waits (clocks). */
  live?: () => string;
  /** Keys (one lower-case letter each) that choose an entry at once, and the footer naming them. */
  shortcuts?: readonly { key: string; value: T }[];
  footer?: string;
}

/** Asks the responder. Ctrl+C rejects with the Cancelled error (src/core/errors.ts). */
export interface Prompter {
  /** With `signal`, aborting it withdraws the question: the promise rejects with the signal's reason. */
  select<T>(question: SelectQuestion<T>): Promise<T>;
  input(question: { message: string; default?: string; required?: boolean; validate?: (value: string) => true | string }): Promise<string>;
  confirm(question: { message: string; default?: boolean }): Promise<boolean>;
}

/** Hands a long text to the responder's own pager ($PAGER), which takes the terminal until it quits. */
export interface Pager {
  /** False when the pager could not be started (the caller pages the text itself). */
  show(text: string): Promise<boolean>;
}

/** Where the walkthrough writes its screens (a terminal, or a buffer in tests). */
export interface Screen {
  write(text: string): void;
  /** Clear the terminal before a new step screen; a no-op where that makes no sense. */
  clear(): void;
  readonly columns: number;
  readonly rows: number;
}
