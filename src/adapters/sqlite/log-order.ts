// The log-wide order: positions run 1..N over every event of every incident, and each event of
// hash scheme 2 names (and hashes) the event before it in the whole log. So removing an event
// that any later event follows, whichever incident either belongs to, breaks the log even when
// it was the last of its incident; renumbering positions to hide it changes hashed data.
import type Database from 'better-sqlite3';
import type { VerifyResult } from '../../core/ports.js';
import { LOG_ORIGIN } from './hash-chain.js';

type Broken = NonNullable<VerifyResult['broken']>;

interface OrderRow {
  pos: number;
  incident_id: string;
  seq: number;
  hash: string;
  scheme: number;
  log_prev_hash: string | null;
}

/** The first break in the log-wide order, or undefined. */
export function findLogOrderBreak(db: Database.Database): Broken | undefined {
  // A log of schema 1 has no scheme columns: all its events are scheme 1.
  const v2 = (db.prepare("SELECT 1 FROM pragma_table_info('events') WHERE name = 'scheme'").get() as unknown) !== undefined;
  const columns = v2 ? 'scheme, log_prev_hash' : '1 AS scheme, NULL AS log_prev_hash';
  const rows = db.prepare(`SELECT pos, incident_id, seq, hash, ${columns} FROM events ORDER BY pos`).iterate() as IterableIterator<OrderRow>;
  let prev: OrderRow | undefined;
  for (const row of rows) {
    const at = (reason: string): Broken => ({ incidentId: row.incident_id, seq: row.seq, reason });
    const expectedPos = (prev?.pos ?? 0) + 1;
    if (row.pos !== expectedPos) {
      const missing = row.pos - expectedPos === 1 ? `log position ${expectedPos} is missing` : `log positions ${expectedPos} to ${row.pos - 1} are missing`;
      return at(`an event was removed from the log just before this one (${missing})`);
    }
    if (prev !== undefined && row.scheme < prev.scheme) {
      return at(`event ${row.seq} uses hash scheme ${row.scheme} after an event of scheme ${prev.scheme}: crisis never writes that, so it was added or rewritten by something else`);
    }
    if (row.scheme >= 2 && row.log_prev_hash !== (prev?.hash ?? LOG_ORIGIN)) {
      return at(`event ${row.seq} does not chain from the event before it in the log (log position ${row.pos - 1}): an event was removed or the positions were renumbered`);
    }
    prev = row;
  }
  return undefined;
}
