// The EventLog port on PostgreSQL: the team log. The same events, canonical JSON and hash chains
// as the SQLite log (log-chain/); the server refuses changes, stamps who wrote each row and when,
// and its unique keys on each chain's next place turn a race between two writers into a
// LogConflict (or a retry) instead of a fork.
import pg from 'pg';
import { LogConflict, UsageError } from '../../core/errors.js';
import type { EventLog, IncidentRecord, LoggedEvent, PlanSnapshot, RecordedEvent, ServerStamp, VerifyResult } from '../../core/ports.js';
import { CURRENT_SCHEME, LOG_ORIGIN } from '../log-chain/hash-chain.js';
import { chainEvents, newIncidentRows, toPayloads, type ChainedEvent, type Payload } from '../log-chain/new-events.js';
import { redactUrl } from './connection-string.js';
import { isConnectionLoss, toPgUsageError } from './pg-errors.js';
import { LATEST_SCHEMA_VERSION, SCHEMA } from './schema.js';
import { schemaVersion } from './setup.js';
import { verifyPostgres } from './verify-postgres.js';

export interface PostgresLogOptions {
  /** Event types that close an incident (IncidentRecord.closed). Default ['incident-closed']. */
  closingTypes?: readonly string[];
  /** Refuse writes through this log (status, log show, verify). Default false. */
  readonly?: boolean;
}

type NewIncident<E extends LoggedEvent> = Parameters<EventLog<E>['createIncident']>[0];

const UNIQUE_VIOLATION = '23505';
const TRIES = 50;
const ROWS_PER_INSERT = 1000;

/** Connect to the team log at `url`; throws UsageError when it cannot be reached or holds no crisis log. */
export async function openPostgresLog<E extends LoggedEvent = LoggedEvent>(url: string, options: PostgresLogOptions = {}): Promise<PostgresEventLog<E>> {
  const client = new pg.Client({ connectionString: url, application_name: 'crisis', connectionTimeoutMillis: 10_000 });
  const log = new PostgresEventLog<E>(client, url, options);
  try {
    await client.connect();
    await log.checkSchema();
    // "Committed when append resolves" needs a commit that waits for the server's disk; any
    // setting but off does (and a stricter one, such as remote_apply, is kept).
    const sync = await client.query<{ s: string }>("SELECT current_setting('synchronous_commit') AS s");
    if (sync.rows[0]?.s === 'off') await client.query('SET synchronous_commit TO local');
  } catch (error) {
    await log.close();
    throw toPgUsageError(error, url);
  }
  return log;
}

/** The incident log in a PostgreSQL database. Build it with openPostgresLog. */
export class PostgresEventLog<E extends LoggedEvent = LoggedEvent> implements EventLog<E> {
  /** The connection string without its password: what messages and commands show. */
  readonly path: string;
  private readonly closingTypes: readonly string[];
  private readonly readonly: boolean;
  private lost: Error | undefined;
  private closed = false;
  /** The events last read or written per incident: what a walkthrough can carry on with offline. */
  private readonly known = new Map<string, RecordedEvent<E>[]>();

  constructor(
    private readonly client: pg.Client,
    private readonly url: string,
    options: PostgresLogOptions = {},
  ) {
    this.path = redactUrl(url);
    this.closingTypes = options.closingTypes ?? ['incident-closed'];
    this.readonly = options.readonly ?? false;
    // Without a listener a dropped connection would crash the process; it is reported on next use.
    client.on('error', (error) => {
      this.lost ??= error;
    });
  }

  /** Refuse a database without the crisis schema, or with a newer one. */
  async checkSchema(): Promise<void> {
    const v = await schemaVersion(this.client);
    if (v === 0) throw new UsageError(`There is no crisis log in ${this.path} yet; a database administrator creates it with crisis log setup ${this.path}.`);
    if (v > LATEST_SCHEMA_VERSION) {
      throw new UsageError(`The team log at ${this.path} was set up by a newer version of crisis (schema ${v}, this one reads up to ${LATEST_SCHEMA_VERSION}); upgrade crisis.`);
    }
    if (v < LATEST_SCHEMA_VERSION) {
      throw new UsageError(`The team log at ${this.path} has schema ${v}; a database administrator upgrades it with crisis log setup ${this.path}.`);
    }
  }

  /** Create an incident with its plan snapshots and first events in one transaction. */
  async createIncident(input: NewIncident<E>): Promise<RecordedEvent<E>[]> {
    this.assertWritable();
    const { incident, plans, genesis } = newIncidentRows(input);
    const payloads = toPayloads(input.events ?? []);
    return this.retrying(async () => {
      const exists = await this.client.query(`SELECT 1 FROM ${SCHEMA}.incidents WHERE id = $1`, [incident.id]);
      if (exists.rowCount !== 0) throw new UsageError(`An incident with the id ${incident.id} already exists in ${this.path}; choose another id.`);
      await this.client.query(`INSERT INTO ${SCHEMA}.incidents (id, title, plan_id, created_at, genesis_hash) VALUES ($1, $2, $3, $4, $5)`, [
        incident.id,
        incident.title,
        incident.planId,
        incident.createdAt,
        genesis,
      ]);
      for (const plan of plans) {
        await this.client.query(`INSERT INTO ${SCHEMA}.plan_snapshots (incident_id, plan_id, hash, text) VALUES ($1, $2, $3, $4)`, [incident.id, plan.planId, plan.hash, plan.text]);
      }
      return this.insertEvents(incident.id, payloads, { seq: 0, hash: genesis });
    }, incident.id);
  }

  /** Append one event; it is committed on the server when the promise resolves. */
  async append(incidentId: string, event: E): Promise<RecordedEvent<E>> {
    const [recorded] = await this.appendAll(incidentId, [event]);
    if (recorded === undefined) throw new Error('appendAll returned nothing for one event.');
    return recorded;
  }

  /** Append several events in one transaction; with afterSeq, only onto that event (else LogConflict). */
  async appendAll(incidentId: string, events: readonly E[], options: { afterSeq?: number } = {}): Promise<RecordedEvent<E>[]> {
    this.assertWritable();
    const payloads = toPayloads(events);
    return this.retrying(async () => {
      const genesis = await this.client.query<{ genesis_hash: string }>(`SELECT genesis_hash FROM ${SCHEMA}.incidents WHERE id = $1`, [incidentId]);
      const start = genesis.rows[0]?.genesis_hash;
      if (start === undefined) throw new UsageError(`There is no incident ${incidentId} in ${this.path}; list them with \`crisis log list\`.`);
      const last = await this.client.query<{ seq: number; hash: string }>(`SELECT seq, hash FROM ${SCHEMA}.events WHERE incident_id = $1 ORDER BY seq DESC LIMIT 1`, [incidentId]);
      const end = last.rows[0] ?? { seq: 0, hash: start };
      if (options.afterSeq !== undefined && end.seq !== options.afterSeq) throw conflict(incidentId, end.seq, options.afterSeq);
      return this.insertEvents(incidentId, payloads, end);
    }, incidentId, options.afterSeq);
  }

  // Inside a transaction: chain onto the ends as read; the unique keys refuse the insert if
  // another writer committed onto the same ends first.
  private async insertEvents(incidentId: string, payloads: readonly Payload[], end: { seq: number; hash: string }): Promise<RecordedEvent<E>[]> {
    if (payloads.length === 0) return [];
    const logLast = await this.client.query<{ pos: number; hash: string }>(`SELECT pos, hash FROM ${SCHEMA}.events ORDER BY pos DESC LIMIT 1`);
    const ends = { seq: end.seq, hash: end.hash, pos: logLast.rows[0]?.pos ?? 0, logHash: logLast.rows[0]?.hash ?? LOG_ORIGIN };
    const chained = chainEvents<E>(incidentId, payloads, ends);
    for (let i = 0; i < chained.length; i += ROWS_PER_INSERT) await this.insertRows(chained.slice(i, i + ROWS_PER_INSERT));
    return chained.map((c) => c.recorded);
  }

  private async insertRows(rows: readonly ChainedEvent<E>[]): Promise<void> {
    const values: unknown[] = [];
    const tuples = rows.map(({ row }) => {
      const base = values.length;
      values.push(row.incidentId, row.seq, row.pos, row.type, row.at, row.actor, row.payload, row.prevHash, row.hash, row.logPrevHash);
      return `(${Array.from({ length: 10 }, (_, k) => `$${base + k + 1}`).join(', ')}, ${CURRENT_SCHEME})`;
    });
    await this.client.query(
      `INSERT INTO ${SCHEMA}.events (incident_id, seq, pos, type, at, actor, payload, prev_hash, hash, log_prev_hash, scheme) VALUES ${tuples.join(', ')}`,
      values,
    );
  }

  /**
   * Run `work` in a transaction. When a unique key refuses it, someone appended first: with
   * afterSeq that is a LogConflict once the incident itself moved; otherwise read the ends again.
   */
  private async retrying(work: () => Promise<RecordedEvent<E>[]>, incidentId: string, afterSeq?: number): Promise<RecordedEvent<E>[]> {
    for (let attempt = 1; ; attempt++) {
      await this.query('BEGIN');
      try {
        const recorded = await work();
        await this.client.query('COMMIT');
        this.remember(incidentId, recorded);
        return recorded;
      } catch (error) {
        await this.client.query('ROLLBACK').catch(() => undefined);
        if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw this.translate(error);
        const constraint = (error as { constraint?: unknown }).constraint;
        if (constraint === 'incidents_pkey') throw new UsageError(`An incident with the id ${incidentId} already exists in ${this.path}; choose another id.`);
        if (afterSeq !== undefined && constraint === 'events_next_in_incident') throw conflict(incidentId, afterSeq + 1, afterSeq);
        if (attempt >= TRIES) throw new LogConflict(`the team log at ${this.path} is too busy to append to incident ${incidentId}; try again`);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    }
  }

  /** All events of an incident, in order. */
  async events(incidentId: string): Promise<RecordedEvent<E>[]> {
    const result = await this.query<{ seq: number; prev_hash: string; hash: string; payload: string }>(
      `SELECT seq, prev_hash, hash, payload FROM ${SCHEMA}.events WHERE incident_id = $1 ORDER BY seq`,
      [incidentId],
    );
    const events = result.rows.map((row) => ({ seq: row.seq, prevHash: row.prev_hash, hash: row.hash, event: JSON.parse(row.payload) as E }));
    this.known.set(incidentId, events);
    return events;
  }

  /** What the server stamped on each event of an incident (its user and clock), by seq. */
  async stamps(incidentId: string): Promise<Map<number, ServerStamp>> {
    const result = await this.query<{ seq: number; db_user: string; db_role: string; server_at: Date }>(
      `SELECT seq, db_user, db_role, server_at FROM ${SCHEMA}.events WHERE incident_id = $1 ORDER BY seq`,
      [incidentId],
    );
    return new Map(result.rows.map((r) => [r.seq, { user: r.db_user, role: r.db_role, at: r.server_at.toISOString() }]));
  }

  /** The events of `incidentId` this log last read or wrote: all confirmed, though maybe not the latest. */
  knownEvents(incidentId: string): RecordedEvent<E>[] {
    return [...(this.known.get(incidentId) ?? [])];
  }

  /** One incident with its event count, or undefined. */
  async incident(id: string): Promise<IncidentRecord | undefined> {
    return (await this.summaries('WHERE i.id = $2', [id]))[0];
  }

  /** Every incident, oldest first. */
  async incidents(): Promise<IncidentRecord[]> {
    return this.summaries('ORDER BY i.created_at COLLATE "C", i.id COLLATE "C"', []);
  }

  private async summaries(tail: string, params: unknown[]): Promise<IncidentRecord[]> {
    const result = await this.query<{ id: string; title: string; plan_id: string; created_at: string; events: number; last_event_at: string | null; closed: boolean }>(
      `SELECT i.id, i.title, i.plan_id, i.created_at,
         (SELECT count(*)::integer FROM ${SCHEMA}.events e WHERE e.incident_id = i.id) AS events,
         (SELECT e.at FROM ${SCHEMA}.events e WHERE e.incident_id = i.id ORDER BY e.seq DESC LIMIT 1) AS last_event_at,
         EXISTS (SELECT 1 FROM ${SCHEMA}.events e WHERE e.incident_id = i.id AND e.type = ANY($1)) AS closed
       FROM ${SCHEMA}.incidents i ${tail}`,
      [this.closingTypes, ...params],
    );
    return result.rows.map((row) => ({
      id: row.id,
      title: row.title,
      planId: row.plan_id,
      createdAt: row.created_at,
      closed: row.closed,
      events: row.events,
      lastEventAt: row.last_event_at,
    }));
  }

  /** The plan snapshots an incident was opened with, by plan id. */
  async snapshots(incidentId: string): Promise<PlanSnapshot[]> {
    const result = await this.query<{ plan_id: string; text: string; hash: string }>(
      `SELECT plan_id, text, hash FROM ${SCHEMA}.plan_snapshots WHERE incident_id = $1 ORDER BY plan_id COLLATE "C"`,
      [incidentId],
    );
    return result.rows.map((row) => ({ planId: row.plan_id, text: row.text, hash: row.hash }));
  }

  /** Recompute the hash chains and check the server's protections; the first break is reported. */
  async verify(incidentId?: string, anchors: readonly string[] = []): Promise<VerifyResult> {
    try {
      return await verifyPostgres((sql, params) => this.query(sql, params), incidentId, anchors);
    } catch (error) {
      throw this.translate(error);
    }
  }

  /** The connection string as given (with any password): for a second connection, never for display. */
  get connectionString(): string {
    return this.url;
  }

  /** The error the connection was lost with, if it was. */
  get lostWith(): Error | undefined {
    return this.lost;
  }

  /** Close the connection; safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.end().catch(() => undefined);
  }

  private remember(incidentId: string, recorded: readonly RecordedEvent<E>[]): void {
    const known = this.known.get(incidentId);
    const last = known?.at(-1)?.seq ?? 0;
    if (recorded.length > 0 && recorded[0]?.seq === last + 1) this.known.set(incidentId, [...(known ?? []), ...recorded]);
  }

  private async query<R extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>> {
    if (this.lost !== undefined) throw toPgUsageError(this.lost, this.url);
    try {
      return await this.client.query<R>(sql, params);
    } catch (error) {
      throw this.translate(error);
    }
  }

  private translate(error: unknown): unknown {
    if (error instanceof UsageError || error instanceof LogConflict) return error;
    if (isConnectionLoss(error)) this.lost ??= error as Error;
    const code = (error as { code?: unknown }).code;
    // A pg error (five-character SQLSTATE) or a network error: told as one sentence.
    if (typeof code === 'string' || isConnectionLoss(error)) return toPgUsageError(error, this.url);
    return error;
  }

  private assertWritable(): void {
    if (this.readonly) throw new Error(`The team log ${this.path} was opened read-only.`);
  }
}

function conflict(incidentId: string, now: number, expected: number): LogConflict {
  return new LogConflict(`incident ${incidentId} changed while you were deciding (now at event ${now}, expected ${expected})`);
}
