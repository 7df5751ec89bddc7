// LogChanges on PostgreSQL: one extra connection LISTENs on the channel the events trigger
// NOTIFYs (schema.ts), so a teammate's event is known within moments, without re-reading the
// log on a timer. A lost connection is told at once (onLost), so a walkthrough can say so.
import pg from 'pg';
import type { LogChanges } from '../../core/ports.js';
import { toPgUsageError } from './pg-errors.js';
import { EVENTS_CHANNEL, SCHEMA } from './schema.js';

interface Watcher {
  incidentId: string;
  onChange: (lastSeq: number) => void;
  onLost?: (error: Error) => void;
}

/** Live changes of the team log at `url`; connects on the first watch. */
export class PostgresChanges implements LogChanges {
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;
  private readonly watchers = new Set<Watcher>();
  private lost: Error | undefined;

  constructor(private readonly url: string) {}

  async watch(incidentId: string, onChange: (lastSeq: number) => void, onLost?: (error: Error) => void): Promise<() => Promise<void>> {
    const watcher: Watcher = { incidentId, onChange, ...(onLost === undefined ? {} : { onLost }) };
    if (this.lost !== undefined) {
      onLost?.(this.lost);
      return async () => undefined;
    }
    this.watchers.add(watcher);
    try {
      const client = await this.connect();
      // An event committed between the caller's read and the LISTEN is not missed.
      onChange(await lastSeq(client, incidentId));
    } catch (error) {
      this.fail(error);
    }
    return async () => {
      this.watchers.delete(watcher);
    };
  }

  /** Close the listening connection. */
  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.watchers.clear();
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<pg.Client> {
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.url, application_name: 'crisis live', keepAlive: true, keepAliveInitialDelayMillis: 5_000, connectionTimeoutMillis: 10_000 });
      client.on('error', (error) => this.fail(error));
      client.on('end', () => {
        if (this.client === client) this.fail(new Error('Connection terminated'));
      });
      client.on('notification', (message) => {
        if (message.channel !== EVENTS_CHANNEL) return;
        for (const w of [...this.watchers]) {
          if (message.payload !== w.incidentId.slice(0, 1000)) continue;
          lastSeq(client, w.incidentId).then(w.onChange, (error: unknown) => this.fail(error));
        }
      });
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      this.client = client;
      return client;
    })();
    return this.connecting;
  }

  private fail(error: unknown): void {
    if (this.lost !== undefined) return;
    this.lost = toPgUsageError(error, this.url);
    for (const w of [...this.watchers]) w.onLost?.(this.lost);
  }
}

async function lastSeq(client: pg.Client, incidentId: string): Promise<number> {
  const result = await client.query<{ seq: number | null }>(`SELECT max(seq) AS seq FROM ${SCHEMA}.events WHERE incident_id = $1`, [incidentId]);
  return result.rows[0]?.seq ?? 0;
}
