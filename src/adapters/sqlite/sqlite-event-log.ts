// The EventLog port on better-sqlite3: append-only, hash-chained, each append durably
// committed in its own IMMEDIATE transaction so several processes can share one log.
import type Database from 'better-sqlite3';
import { LogConflict, UsageError } from '../../core/errors.js';
import type { CheckpointStore, EventLog, IncidentRecord, LoggedEvent, PlanSnapshot, RecordedEvent, StoredCheckpoint, VerifyResult } from '../../core/ports.js';
import { checkpointQueries, type CheckpointQueries } from './checkpoints.js';
import { CURRENT_SCHEME, LOG_ORIGIN } from '../log-chain/hash-chain.js';
import { chainEvents, newIncidentRows, toPayloads, type Payload } from '../log-chain/new-events.js';
import { incidentQueries, type IncidentQueries } from './incident-summary.js';
import { toUsageError } from './inspect-database.js';
import { openDatabase, type OpenOptions } from './open-database.js';
import { aboutOriginal, needsPrivateCopy, privateCopy } from './read-copy.js';
import type { EventRow, SnapshotRow } from './rows.js';
import { verifyLog } from './verify-log.js';

export interface EventLogOptions extends OpenOptions {
  /** Event types that close an incident (IncidentRecord.closed). Default ['incident-closed']. */
  closingTypes?: readonly string[];
}

type NewIncident<E extends LoggedEvent> = Parameters<EventLog<E>['createIncident']>[0];

/** Open the crisis log at `path` (creating it unless readonly or create is false). */
export function openEventLog<E extends LoggedEvent = LoggedEvent>(path: string, options: EventLogOptions = {}): SqliteEventLog<E> {
  if (options.readonly !== true || !needsPrivateCopy(path)) return new SqliteEventLog<E>(openDatabase(path, options), path, options);
  const copy = privateCopy(path);
  try {
    return new SqliteEventLog<E>(openDatabase(copy.path, options), path, options, copy.remove);
  } catch (error) {
    copy.remove();
    throw aboutOriginal(error, copy.path, path);
  }
}

// Prepared only on a writable log: a log opened read-only may have an older schema.
function prepareInsertEvent(db: Database.Database): Database.Statement {
  return db.prepare(
    `INSERT INTO events (incident_id, seq, pos, type, at, actor, payload, prev_hash, hash, scheme, log_prev_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ${CURRENT_SCHEME}, ?)`,
  );
}

function prepare(db: Database.Database) {
  return {
    incidentExists: db.prepare('SELECT 1 FROM incidents WHERE id = ?'),
    insertIncident: db.prepare('INSERT INTO incidents (id, title, plan_id, created_at, genesis_hash) VALUES (?, ?, ?, ?, ?)'),
    insertSnapshot: db.prepare('INSERT INTO plan_snapshots (incident_id, plan_id, hash, text) VALUES (?, ?, ?, ?)'),
    genesis: db.prepare('SELECT genesis_hash FROM incidents WHERE id = ?').pluck(),
    last: db.prepare('SELECT seq, hash FROM events WHERE incident_id = ? ORDER BY seq DESC LIMIT 1'),
    logLast: db.prepare('SELECT pos, hash FROM events ORDER BY pos DESC LIMIT 1'),
    events: db.prepare('SELECT seq, prev_hash, hash, payload FROM events WHERE incident_id = ? ORDER BY seq'),
    snapshots: db.prepare('SELECT * FROM plan_snapshots WHERE incident_id = ? ORDER BY plan_id'),
  };
}

/** The incident log in a SQLite file. Build it with openEventLog. */
export class SqliteEventLog<E extends LoggedEvent = LoggedEvent> implements EventLog<E>, CheckpointStore<E> {
  // Prepared on first use, so verify can still report a log whose tables were dropped or altered.
  private statements: ReturnType<typeof prepare> | undefined;
  private queries: IncidentQueries | undefined;
  private readonly closingTypes: readonly string[];
  private readonly readonly: boolean;
  private insertEvent: Database.Statement | undefined;
  private checkpointSql: CheckpointQueries | undefined;

  constructor(
    private readonly db: Database.Database,
    readonly path: string,
    options: EventLogOptions = {},
    private readonly onClose: () => void = () => {},
  ) {
    this.closingTypes = options.closingTypes ?? ['incident-closed'];
    this.readonly = options.readonly ?? false;
  }

  /**
   * Create an incident with its plan snapshots and first events in one transaction (snapshot
   * hashes are computed when not given). Text is made well-formed first: what is hashed is what is stored.
   */
  async createIncident(input: NewIncident<E>): Promise<RecordedEvent<E>[]> {
    this.assertWritable();
    const { incident, plans, genesis } = newIncidentRows(input);
    const payloads = toPayloads(input.events ?? []);
    return this.write(() => {
      if (this.sql.incidentExists.get(incident.id) !== undefined) {
        throw new UsageError(`An incident with the id ${incident.id} already exists in ${this.path}; choose another id.`);
      }
      this.sql.insertIncident.run(incident.id, incident.title, incident.planId, incident.createdAt, genesis);
      for (const plan of plans) this.sql.insertSnapshot.run(incident.id, plan.planId, plan.hash, plan.text);
      return this.insertEvents(incident.id, payloads, 0, genesis);
    });
  }

  /** Append one event at the end of the incident's chain; it is on disk when this returns. */
  async append(incidentId: string, event: E): Promise<RecordedEvent<E>> {
    const [recorded] = await this.appendAll(incidentId, [event]);
    if (recorded === undefined) throw new Error('appendAll returned nothing for one event.');
    return recorded;
  }

  /** Append several events in one transaction: all of them are on disk, or none. */
  async appendAll(incidentId: string, events: readonly E[], options: { afterSeq?: number } = {}): Promise<RecordedEvent<E>[]> {
    this.assertWritable();
    const payloads = toPayloads(events);
    return this.write(() => {
      const genesis = this.sql.genesis.get(incidentId) as string | undefined;
      if (genesis === undefined) throw new UsageError(`There is no incident ${incidentId} in ${this.path}; list them with \`crisis log list\`.`);
      const last = this.sql.last.get(incidentId) as { seq: number; hash: string } | undefined;
      // Checked under the write lock: nobody can slip an event in between.
      if (options.afterSeq !== undefined && (last?.seq ?? 0) !== options.afterSeq) {
        throw new LogConflict(`incident ${incidentId} changed while you were deciding (now at event ${last?.seq ?? 0}, expected ${options.afterSeq})`);
      }
      return this.insertEvents(incidentId, payloads, last?.seq ?? 0, last?.hash ?? genesis);
    });
  }

  // Inside a write transaction: chain each event to the incident's last one and the log's last one.
  private insertEvents(incidentId: string, payloads: readonly Payload[], lastSeq: number, lastHash: string): RecordedEvent<E>[] {
    const logLast = this.sql.logLast.get() as { pos: number; hash: string } | undefined;
    const insert = (this.insertEvent ??= prepareInsertEvent(this.db));
    const ends = { seq: lastSeq, hash: lastHash, pos: logLast?.pos ?? 0, logHash: logLast?.hash ?? LOG_ORIGIN };
    return chainEvents<E>(incidentId, payloads, ends).map(({ row, recorded }) => {
      insert.run(row.incidentId, row.seq, row.pos, row.type, row.at, row.actor, row.payload, row.prevHash, row.hash, row.logPrevHash);
      return recorded;
    });
  }

  /** All events of an incident, in order. */
  async events(incidentId: string): Promise<RecordedEvent<E>[]> {
    const rows = this.sql.events.all(incidentId) as EventRow[];
    return rows.map((row) => ({ seq: row.seq, prevHash: row.prev_hash, hash: row.hash, event: JSON.parse(row.payload) as E }));
  }

  /** The incident's latest replay checkpoint; none in a log older than checkpoints. */
  async checkpoint(incidentId: string): Promise<StoredCheckpoint | undefined> {
    return this.checkpoints.latest(incidentId);
  }

  /** Keep a replay checkpoint as the incident's latest (it replaces the one before: it is a cache). */
  async saveCheckpoint(incidentId: string, checkpoint: StoredCheckpoint): Promise<void> {
    this.assertWritable();
    this.write(() => this.checkpoints.save(incidentId, checkpoint));
  }

  /** The hash of event `seq` of the incident. */
  async hashAt(incidentId: string, seq: number): Promise<string | undefined> {
    return this.checkpoints.hashAt(incidentId, seq);
  }

  /** The incident's events after `seq`. */
  async eventsAfter(incidentId: string, seq: number): Promise<RecordedEvent<E>[]> {
    return this.checkpoints.eventsAfter(incidentId, seq).map((row) => ({ seq: row.seq, prevHash: row.prev_hash, hash: row.hash, event: JSON.parse(row.payload) as E }));
  }

  /** One incident with its event count, or undefined. */
  async incident(id: string): Promise<IncidentRecord | undefined> {
    return this.summaries.one(id);
  }

  /** Every incident, oldest first. */
  async incidents(): Promise<IncidentRecord[]> {
    return this.summaries.all();
  }

  /** The plan snapshots an incident was opened with, by plan id. */
  async snapshots(incidentId: string): Promise<PlanSnapshot[]> {
    const rows = this.sql.snapshots.all(incidentId) as SnapshotRow[];
    return rows.map((row) => ({ planId: row.plan_id, text: row.text, hash: row.hash }));
  }

  /** Recompute the hash chains; the first break is reported. */
  async verify(incidentId?: string, anchors: readonly string[] = []): Promise<VerifyResult> {
    return verifyLog(this.db, incidentId, anchors);
  }

  private get sql(): ReturnType<typeof prepare> {
    return (this.statements ??= this.orUsageError(() => prepare(this.db)));
  }

  private get checkpoints(): CheckpointQueries {
    return (this.checkpointSql ??= this.orUsageError(() => checkpointQueries(this.db)));
  }

  private get summaries(): IncidentQueries {
    return (this.queries ??= this.orUsageError(() => incidentQueries(this.db, this.closingTypes)));
  }

  /** Close the database; safe to call twice. */
  async close(): Promise<void> {
    if (this.db.open) this.db.close();
    this.onClose();
  }

  private assertWritable(): void {
    if (this.readonly) throw new Error(`The incident log ${this.path} was opened read-only.`);
  }

  // One IMMEDIATE transaction: the write lock is taken before reading the chain's end, so two
  // processes appending to one incident queue up instead of forking the chain.
  private write<T>(work: () => T): T {
    return this.orUsageError(() => this.db.transaction(work).immediate());
  }

  // SQLite failures become one-sentence usage errors naming the log; others pass through.
  private orUsageError<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw typeof code === 'string' && code.startsWith('SQLITE_') ? toUsageError(error, this.path) : error;
    }
  }
}
