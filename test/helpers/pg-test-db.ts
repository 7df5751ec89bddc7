// A fresh crisis team log for one test file in the run's PostgreSQL cluster (pg-cluster.ts): its
// own database, set up by `crisis log setup`'s code, and login roles that are members of
// crisis_writer only, as a responder's would be.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { runSetup } from '../../src/adapters/postgres/setup.js';
import type { PgCluster } from './pg-cluster.js';

const cluster = inject('pgCluster');

/** describe() when a PostgreSQL cluster runs for this test run, else a visibly skipped describe. */
export const describePg: typeof describe = cluster === null ? (describe.skip as typeof describe) : describe;
if (cluster === null) console.warn(`PostgreSQL tests skipped: ${inject('pgSkipReason')}`);

export interface TeamDb {
  name: string;
  cluster: PgCluster;
  /** A connection string for `role` (its password inside, as a user might paste it). */
  url(role: string): string;
  /** The same without a password: the password must come from PGPASSWORD or ~/.pgpass. */
  bareUrl(role: string): string;
  adminUrl: string;
  /** The password of each login role made here. */
  passwords: Map<string, string>;
  /** Run SQL as the administrator on this database. */
  admin<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
  drop(): Promise<void>;
}

function need(): PgCluster {
  if (cluster === null) throw new Error('no PostgreSQL cluster in this test run');
  return cluster;
}

/** Connection string for `user` on `db`. */
export function urlFor(c: PgCluster, user: string, password: string | undefined, db: string): string {
  const auth = password === undefined ? encodeURIComponent(user) : `${encodeURIComponent(user)}:${encodeURIComponent(password)}`;
  return `postgres://${auth}@${c.host}:${c.port}/${db}`;
}

/** A new database with the crisis schema and login roles (each file gets its own, so names never clash). */
export async function freshTeamDb(roles: readonly string[] = ['ana', 'ben'], on?: PgCluster): Promise<TeamDb> {
  const c = on ?? need();
  const suffix = randomBytes(4).toString('hex');
  const name = `crisis_${suffix}`;
  const adminOn = (db: string) => urlFor(c, c.admin.user, c.admin.password, db);
  const root = new pg.Client({ connectionString: adminOn('postgres') });
  await root.connect();
  const passwords = new Map<string, string>();
  const logins = roles.map((r) => `${r}_${suffix}`);
  try {
    await root.query(`CREATE DATABASE ${name}`);
    for (const login of logins) {
      const password = `pw-${randomBytes(6).toString('hex')}`;
      passwords.set(login, password);
      await root.query(`CREATE ROLE ${login} LOGIN PASSWORD '${password}'`);
    }
  } finally {
    await root.end();
  }
  const adminUrl = adminOn(name);
  await runSetup(adminUrl, logins);
  const admin = async <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return await client.query<R>(sql, params);
    } finally {
      await client.end();
    }
  };
  const login = (role: string): string => (role.endsWith(suffix) ? role : `${role}_${suffix}`);
  return {
    name,
    cluster: c,
    url: (role) => urlFor(c, login(role), passwords.get(login(role)), name),
    bareUrl: (role) => urlFor(c, login(role), undefined, name),
    adminUrl,
    passwords: new Map([...passwords].map(([k, v]) => [k.slice(0, -suffix.length - 1), v])),
    admin,
    drop: async () => {
      const client = new pg.Client({ connectionString: adminOn('postgres') });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        for (const l of logins) await client.query(`DROP ROLE IF EXISTS ${l}`);
      } finally {
        await client.end();
      }
    },
  };
}
