// The SQL behind replay checkpoints. A log written before checkpoints existed (schema 2, opened
// read-only, so not migrated) has no table for them: it simply has none.
import type Database from 'better-sqlite3';
import type { StoredCheckpoint } from '../../core/ports.js';
import type { EventRow } from './rows.js';

export interface CheckpointQueries {
  latest(incidentId: string): StoredCheckpoint | undefined;
  save(incidentId: string, checkpoint: StoredCheckpoint): void;
  hashAt(incidentId: string, seq: number): string | undefined;
  eventsAfter(incidentId: string, seq: number): EventRow[];
}

/** Prepared checkpoint queries on one database. */
export function checkpointQueries(db: Database.Database): CheckpointQueries {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'state_checkpoints'").get() !== undefined;
  const latest = hasTable ? db.prepare('SELECT seq, hash, format, state FROM state_checkpoints WHERE incident_id = ?') : undefined;
  const hashAt = db.prepare('SELECT hash FROM events WHERE incident_id = ? AND seq = ?').pluck();
  const after = db.prepare('SELECT seq, prev_hash, hash, payload FROM events WHERE incident_id = ? AND seq > ? ORDER BY seq');
  let save: Database.Statement | undefined;
  return {
    latest: (incidentId) => latest?.get(incidentId) as StoredCheckpoint | undefined,
    save: (incidentId, c) => {
      save ??= db.prepare('INSERT OR REPLACE INTO state_checkpoints (incident_id, seq, hash, format, state) VALUES (?, ?, ?, ?, ?)');
      save.run(incidentId, c.seq, c.hash, c.format, c.state);
    },
    hashAt: (incidentId, seq) => hashAt.get(incidentId, seq) as string | undefined,
    eventsAfter: (incidentId, seq) => after.all(incidentId, seq) as EventRow[],
  };
}
