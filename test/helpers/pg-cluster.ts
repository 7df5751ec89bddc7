// A throwaway PostgreSQL cluster for one test run (vitest globalSetup): initdb in a temporary
// folder, a free loopback port, run as an unprivileged user (postgres, when we are root), with
// password (SCRAM) logins only; stopped and removed afterwards. Each test file makes its own
// database in it (pg-test-db.ts), so files running in parallel never share a log.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

export interface PgCluster {
  host: string;
  port: number;
  /** The superuser, for setting up test databases. */
  admin: { user: string; password: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgCluster: PgCluster | null;
    pgSkipReason: string;
  }
}

/** The PostgreSQL binaries Debian installs, newest first. */
export function pgBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Who the server runs as: never root (postgres refuses it), the postgres user when we are root. */
function runAs(): { uid: number; gid: number; prefix: string[] } | undefined {
  if (userInfo().uid !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid, prefix: ['runuser', '-u', 'postgres', '--'] };
}

/** A running cluster and how to stop it (or restart it, as an administrator would). */
export interface RunningCluster {
  cluster: PgCluster;
  stop(): void;
  restart(): void;
  /** Stop the server without removing it (start brings it back). */
  halt(): void;
  start(): void;
}

/** Start a new cluster; throws when the PostgreSQL binaries are missing. */
export async function startCluster(): Promise<RunningCluster> {
  const bin = pgBinDir();
  if (bin === undefined) throw new Error(SKIP_REASON);
  const folder = mkdtempSync(join(tmpdir(), 'crisis-pg-'));
  const user = runAs();
  const run = (cmd: string, args: string[]): void => {
    const [file, ...rest] = [...(user?.prefix ?? []), join(bin, cmd), ...args];
    execFileSync(file ?? cmd, rest, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 });
  };
  if (user !== undefined) chownSync(folder, user.uid, user.gid);
  chmodSync(folder, 0o700);
  const password = `admin-${process.pid}-${Date.now()}`;
  const pwfile = join(folder, 'pw');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (user !== undefined) chownSync(pwfile, user.uid, user.gid);
  const data = join(folder, 'data');
  run('initdb', ['-D', data, '-U', 'crisis_admin', '--pwfile', pwfile, '-A', 'scram-sha-256', '-E', 'UTF8', '--locale', 'C.UTF-8', '--no-sync']);
  rmSync(pwfile);
  const port = await freePort();
  // fsync stays on: commits are real. Sockets in the folder, not /var/run.
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${folder} -c max_connections=80 -c shared_buffers=32MB`;
  const start = (): void => run('pg_ctl', ['-D', data, '-o', options, '-l', join(folder, 'server.log'), '-w', '-t', '60', 'start']);
  const halt = (): void => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  return {
    cluster: { host: '127.0.0.1', port, admin: { user: 'crisis_admin', password } },
    start,
    halt,
    restart: () => run('pg_ctl', ['-D', data, '-o', options, '-l', join(folder, 'server.log'), '-m', 'fast', '-w', 'restart']),
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already stopped: remove the folder anyway
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

const SKIP_REASON = 'PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb); .ci/run installs it with apt-get install postgresql';

let running: RunningCluster | undefined;

/** vitest globalSetup: start the run's cluster and provide its address to the tests. */
export async function setup(project: TestProject): Promise<void> {
  if (pgBinDir() === undefined) {
    if (process.env['CI'] !== undefined) throw new Error(SKIP_REASON);
    project.provide('pgCluster', null);
    project.provide('pgSkipReason', SKIP_REASON);
    return;
  }
  running = await startCluster();
  project.provide('pgCluster', running.cluster);
  project.provide('pgSkipReason', '');
}

/** vitest globalSetup: stop and remove the cluster. */
export function teardown(): void {
  running?.stop();
}
