// `crisis log setup URL`: run the set-up script (schema.ts) as a database administrator.
import pg from 'pg';
import { UsageError } from '../../core/errors.js';
import { redactUrl } from './connection-string.js';
import { toPgUsageError } from './pg-errors.js';
import { LATEST_SCHEMA_VERSION, SCHEMA, setupScript } from './schema.js';

/** Apply the set-up script; returns the schema version found before and the one now. */
export async function runSetup(url: string, writers: readonly string[] = []): Promise<{ from: number; to: number }> {
  const client = new pg.Client({ connectionString: url, application_name: 'crisis setup', connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined); // reported by the failing query
  try {
    await client.connect();
    const from = await schemaVersion(client);
    // Several statements in one simple query: PostgreSQL runs them as one transaction (BEGIN ... COMMIT in the script).
    await client.query(setupScript(writers));
    return { from, to: LATEST_SCHEMA_VERSION };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if ((error as { code?: unknown }).code === '42501') {
      throw new UsageError(`crisis log setup needs a database administrator's role on ${redactUrl(url)} (one that may create schemas and roles); run it as one, or give them the SQL from crisis log setup --print.`, { cause: error });
    }
    throw toPgUsageError(error, url);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The schema version of the crisis log in the database `client` is connected to; 0 when there is none. */
export async function schemaVersion(client: pg.Client): Promise<number> {
  const found = await client.query<{ table: string | null }>(`SELECT to_regclass('${SCHEMA}.migrations')::text AS table`);
  if ((found.rows[0]?.table ?? null) === null) return 0;
  const version = await client.query<{ v: number | null }>(`SELECT max(version) AS v FROM ${SCHEMA}.migrations`);
  return version.rows[0]?.v ?? 0;
}
