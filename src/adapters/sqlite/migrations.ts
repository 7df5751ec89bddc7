// The log schema, as an ordered list of migrations applied through PRAGMA user_version.
import type Database from 'better-sqlite3';
import { UsageError } from '../../core/errors.js';

/** PRAGMA application_id of crisis logs: the ASCII bytes "CRSS". */
export const APPLICATION_ID = 0x43525353;
/** The marker row in `meta` that names the file as a crisis log. */
export const APPLICATION_MARKER = 'crisis-incident-log';

const appendOnly = (table: string): string => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
BEGIN SELECT RAISE(ABORT, 'crisis log is append-only: rows of ${table} cannot be changed'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN SELECT RAISE(ABORT, 'crisis log is append-only: rows of ${table} cannot be deleted'); END;`;

/** Migration i brings the schema from version i to version i + 1. Never edit a shipped one. */
export const MIGRATIONS: readonly string[] = [
  `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
INSERT INTO meta (key, value) VALUES ('application', '${APPLICATION_MARKER}');
CREATE TABLE incidents (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  plan_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  genesis_hash TEXT NOT NULL
) STRICT;
CREATE TABLE plan_snapshots (
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  plan_id TEXT NOT NULL,
  hash TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (incident_id, plan_id)
) STRICT;
-- pos is the event's place in the whole log: a gap there shows a deleted event even when
-- it was the last of its incident, which the per-incident chain alone cannot see.
CREATE TABLE events (
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  seq INTEGER NOT NULL CHECK (seq >= 1),
  pos INTEGER NOT NULL UNIQUE CHECK (pos >= 1),
  type TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (incident_id, seq)
) STRICT;
CREATE TRIGGER events_in_sequence BEFORE INSERT ON events
WHEN NEW.seq <> COALESCE((SELECT MAX(seq) FROM events WHERE incident_id = NEW.incident_id), 0) + 1
  OR NEW.pos <> COALESCE((SELECT MAX(pos) FROM events), 0) + 1
BEGIN SELECT RAISE(ABORT, 'crisis log is append-only: events must be added at the end, in sequence'); END;
${appendOnly('events')}
${appendOnly('incidents')}
${appendOnly('plan_snapshots')}
`,
  // Hash scheme 2 (hash-chain.ts). Existing rows keep scheme 1 and their hashes: adding a column
  // with a default rewrites no stored row, so anchors kept before the upgrade are still found.
  `
ALTER TABLE events ADD COLUMN scheme INTEGER NOT NULL DEFAULT 1 CHECK (scheme >= 1);
ALTER TABLE events ADD COLUMN log_prev_hash TEXT;
`,
  // Replay checkpoints (a cache beside the evidence: one row per incident, replaced as the
  // incident grows; no event row is touched) and an index that finds closing events without
  // reading every event.
  `
CREATE TABLE state_checkpoints (
  incident_id TEXT PRIMARY KEY REFERENCES incidents (id),
  seq INTEGER NOT NULL CHECK (seq >= 1),
  hash TEXT NOT NULL,
  format TEXT NOT NULL,
  state TEXT NOT NULL CHECK (json_valid(state))
) STRICT;
CREATE INDEX events_by_type ON events (incident_id, type);
`,
];

/** The schema version this code writes. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

/** Apply the missing migrations in one immediate transaction; returns the versions before and after. */
export function migrate(db: Database.Database, path: string): { from: number; to: number } {
  const run = db.transaction(() => {
    // Checked again here, under the write lock: another process may have changed the file
    // since it was inspected.
    const from = db.pragma('user_version', { simple: true }) as number;
    const appId = db.pragma('application_id', { simple: true }) as number;
    const tables = db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number };
    if (appId !== APPLICATION_ID && (appId !== 0 || tables.n > 0)) {
      throw new UsageError(`${path} is a SQLite database that does not belong to crisis; pass --db with another path.`);
    }
    if (from > LATEST_SCHEMA_VERSION) throw newerSchemaError(path, from);
    for (const sql of MIGRATIONS.slice(from)) db.exec(sql);
    if (from < LATEST_SCHEMA_VERSION) {
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${LATEST_SCHEMA_VERSION}`);
    }
    return { from, to: Math.max(from, LATEST_SCHEMA_VERSION) };
  });
  return run.immediate();
}

/** The error for a log written by a newer crisis. */
export function newerSchemaError(path: string, version: number): UsageError {
  return new UsageError(
    `The incident log ${path} was written by a newer version of crisis (schema ${version}, this one reads up to ${LATEST_SCHEMA_VERSION}); upgrade crisis to open it.`,
  );
}
