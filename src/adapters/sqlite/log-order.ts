// The log-wide order of a SQLite log (see LogOrder in log-chain/chain-check.ts).
import type Database from 'better-sqlite3';
import { LogOrder, type Broken, type OrderRow } from '../log-chain/chain-check.js';

/** The first break in the log-wide order, or undefined. */
export function findLogOrderBreak(db: Database.Database): Broken | undefined {
  // A log of schema 1 has no scheme columns: all its events are scheme 1.
  const v2 = (db.prepare("SELECT 1 FROM pragma_table_info('events') WHERE name = 'scheme'").get() as unknown) !== undefined;
  const columns = v2 ? 'scheme, log_prev_hash' : '1 AS scheme, NULL AS log_prev_hash';
  const rows = db.prepare(`SELECT pos, incident_id, seq, hash, ${columns} FROM events ORDER BY pos`).iterate() as IterableIterator<OrderRow>;
  const order = new LogOrder();
  for (const row of rows) {
    const broken = order.add(row);
    if (broken !== undefined) return broken;
  }
  return undefined;
}
