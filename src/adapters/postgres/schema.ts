// The team log's schema in PostgreSQL, as one idempotent script: `crisis log setup` runs it and
// `--print` shows it to a database administrator. The server, not the tool, holds the rules:
// rows are never updated or deleted (triggers, and no such grant), each row is stamped with the
// authenticated database user and the server's clock, and a unique constraint on each chain's
// next place keeps two writers from forking it.

/** The schema (namespace) that holds the log's tables. */
export const SCHEMA = 'crisis';
/** The group role a responder's login role is granted: it may SELECT and INSERT, nothing else. */
export const WRITER_ROLE = 'crisis_writer';
/** A group role that may only read (auditors, dashboards). */
export const READER_ROLE = 'crisis_reader';
/** The NOTIFY channel that says an incident has new events (payload: the incident id). */
export const EVENTS_CHANNEL = 'crisis_events';

const TABLES = ['incidents', 'plan_snapshots', 'events'] as const;

const appendOnly = (table: string): string => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${SCHEMA}.${table}
  FOR EACH ROW EXECUTE FUNCTION ${SCHEMA}.refuse_change();
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${SCHEMA}.${table}
  FOR EACH ROW EXECUTE FUNCTION ${SCHEMA}.refuse_change();
CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${SCHEMA}.${table}
  FOR EACH STATEMENT EXECUTE FUNCTION ${SCHEMA}.refuse_change();`;

/** Migration i brings the schema from version i to i + 1. Never edit a shipped one. */
export const MIGRATIONS: readonly string[] = [
  `
CREATE FUNCTION ${SCHEMA}.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'crisis log is append-only: rows of % cannot be %', TG_TABLE_NAME,
    CASE TG_OP WHEN 'UPDATE' THEN 'changed' ELSE 'deleted' END
    USING ERRCODE = 'insufficient_privilege';
END $fn$;

-- Who wrote a row and when, as the server knows it: whatever the client sent is overwritten.
CREATE FUNCTION ${SCHEMA}.stamp_row() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  NEW.db_user := session_user;
  NEW.db_role := current_user;
  NEW.server_at := clock_timestamp();
  RETURN NEW;
END $fn$;

-- An event goes at the end of its incident's chain and of the whole log's chain, linked to the
-- events before it. Two writers who read the same ends both pass this check; the unique keys
-- on (incident_id, seq) and pos then let only the first one commit.
CREATE FUNCTION ${SCHEMA}.check_event() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  last_seq integer; last_hash text; last_pos integer; log_hash text;
BEGIN
  SELECT seq, hash INTO last_seq, last_hash FROM ${SCHEMA}.events
    WHERE incident_id = NEW.incident_id ORDER BY seq DESC LIMIT 1;
  IF last_seq IS NULL THEN
    SELECT 0, genesis_hash INTO last_seq, last_hash FROM ${SCHEMA}.incidents WHERE id = NEW.incident_id;
  END IF;
  SELECT pos, hash INTO last_pos, log_hash FROM ${SCHEMA}.events ORDER BY pos DESC LIMIT 1;
  -- Told as the unique key it stands in for: a writer that read the ends before another one
  -- committed reads them again (or, deciding on the incident's state, is told of the conflict).
  IF NEW.seq <> COALESCE(last_seq, 0) + 1 OR NEW.prev_hash IS DISTINCT FROM last_hash THEN
    RAISE EXCEPTION 'crisis log is append-only: events must be added at the end, in sequence, linked to the events before them'
      USING ERRCODE = 'unique_violation', CONSTRAINT = 'events_next_in_incident';
  END IF;
  IF NEW.pos <> COALESCE(last_pos, 0) + 1 OR NEW.log_prev_hash IS DISTINCT FROM COALESCE(log_hash, repeat('0', 64)) THEN
    RAISE EXCEPTION 'crisis log is append-only: events must be added at the end, in sequence, linked to the events before them'
      USING ERRCODE = 'unique_violation', CONSTRAINT = 'events_next_in_log';
  END IF;
  RETURN NEW;
END $fn$;

CREATE FUNCTION ${SCHEMA}.notify_event() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM pg_notify('${EVENTS_CHANNEL}', left(NEW.incident_id, 1000));
  RETURN NULL;
END $fn$;

CREATE TABLE ${SCHEMA}.incidents (
  id text PRIMARY KEY,
  title text NOT NULL,
  plan_id text NOT NULL,
  created_at text NOT NULL,
  genesis_hash text NOT NULL,
  db_user text NOT NULL,
  db_role text NOT NULL,
  server_at timestamptz NOT NULL
);
CREATE TABLE ${SCHEMA}.plan_snapshots (
  incident_id text NOT NULL REFERENCES ${SCHEMA}.incidents (id),
  plan_id text NOT NULL,
  hash text NOT NULL,
  text text NOT NULL,
  PRIMARY KEY (incident_id, plan_id)
);
CREATE TABLE ${SCHEMA}.events (
  incident_id text NOT NULL REFERENCES ${SCHEMA}.incidents (id),
  seq integer NOT NULL CHECK (seq >= 1),
  pos integer NOT NULL CHECK (pos >= 1),
  type text NOT NULL,
  at text NOT NULL,
  actor text NOT NULL,
  payload text NOT NULL CHECK (payload::json IS NOT NULL),
  prev_hash text NOT NULL,
  hash text NOT NULL,
  scheme integer NOT NULL CHECK (scheme >= 2),
  log_prev_hash text NOT NULL,
  db_user text NOT NULL,
  db_role text NOT NULL,
  server_at timestamptz NOT NULL,
  CONSTRAINT events_next_in_incident PRIMARY KEY (incident_id, seq),
  CONSTRAINT events_next_in_log UNIQUE (pos)
);

CREATE TRIGGER incidents_stamp BEFORE INSERT ON ${SCHEMA}.incidents FOR EACH ROW EXECUTE FUNCTION ${SCHEMA}.stamp_row();
CREATE TRIGGER events_stamp BEFORE INSERT ON ${SCHEMA}.events FOR EACH ROW EXECUTE FUNCTION ${SCHEMA}.stamp_row();
CREATE TRIGGER events_in_sequence BEFORE INSERT ON ${SCHEMA}.events FOR EACH ROW EXECUTE FUNCTION ${SCHEMA}.check_event();
CREATE TRIGGER events_notify AFTER INSERT ON ${SCHEMA}.events FOR EACH ROW EXECUTE FUNCTION ${SCHEMA}.notify_event();
${TABLES.map(appendOnly).join('\n')}
`,
];

/** The schema version this code writes. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

/** Every trigger the migrations make, for verify to check they are still there and enabled. */
export const TRIGGERS: readonly { table: string; name: string }[] = [
  { table: 'incidents', name: 'incidents_stamp' },
  { table: 'events', name: 'events_stamp' },
  { table: 'events', name: 'events_in_sequence' },
  { table: 'events', name: 'events_notify' },
  ...TABLES.flatMap((table) => ['no_update', 'no_delete', 'no_truncate'].map((what) => ({ table, name: `${table}_${what}` }))),
];

const quoteLiteral = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/**
 * The whole set-up as one script that can run any number of times: schema, migrations not yet
 * applied (each recorded in crisis.migrations), the two group roles and their grants, and the
 * login roles named in `writers` made members of the writer role.
 */
export function setupScript(writers: readonly string[] = []): string {
  const migrations = MIGRATIONS.map(
    (sql, i) => `
DO $migration$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM ${SCHEMA}.migrations WHERE version = ${i + 1}) THEN
    EXECUTE ${dollarQuote(sql)};
    INSERT INTO ${SCHEMA}.migrations (version) VALUES (${i + 1});
  END IF;
END $migration$;`,
  );
  const grants = writers.map((name) => `GRANT ${WRITER_ROLE} TO ${quoteIdent(name)};`);
  return `-- crisis team log: schema ${LATEST_SCHEMA_VERSION}. Safe to run again.
BEGIN;
SELECT pg_advisory_xact_lock(hashtext('crisis log setup'));
CREATE SCHEMA IF NOT EXISTS ${SCHEMA};
CREATE TABLE IF NOT EXISTS ${SCHEMA}.migrations (
  version integer PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  applied_by text NOT NULL DEFAULT session_user
);
${migrations.join('\n')}

DO $roles$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${quoteLiteral(WRITER_ROLE)}) THEN CREATE ROLE ${WRITER_ROLE} NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${quoteLiteral(READER_ROLE)}) THEN CREATE ROLE ${READER_ROLE} NOLOGIN; END IF;
END $roles$;
REVOKE ALL ON SCHEMA ${SCHEMA} FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA ${SCHEMA} FROM PUBLIC, ${WRITER_ROLE}, ${READER_ROLE};
GRANT USAGE ON SCHEMA ${SCHEMA} TO ${WRITER_ROLE}, ${READER_ROLE};
GRANT SELECT ON ALL TABLES IN SCHEMA ${SCHEMA} TO ${WRITER_ROLE}, ${READER_ROLE};
GRANT INSERT ON ${TABLES.map((t) => `${SCHEMA}.${t}`).join(', ')} TO ${WRITER_ROLE};
${grants.join('\n')}
COMMIT;
`;
}

function dollarQuote(sql: string): string {
  if (sql.includes('$body$')) throw new Error('a migration may not contain $body$');
  return `$body$${sql}$body$`;
}

/** A role name as an SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
