// A throwaway PostgreSQL cluster for the bench (as test/helpers/pg-cluster.ts makes for tests):
// initdb in a temporary folder, a free loopback port, run as postgres when we are root.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/** The newest PostgreSQL binaries Debian installed, or undefined. */
export function pgBinDir() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const v = readdirSync(root).filter((d) => existsSync(join(root, d, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))[0];
  return v === undefined ? undefined : join(root, v, 'bin');
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer().once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Start a cluster; returns its admin URL and stop(). */
export async function startCluster(bin) {
  const folder = mkdtempSync(join(tmpdir(), 'crisis-bench-pg-'));
  const root = userInfo().uid === 0;
  const ids = root ? { uid: Number(execFileSync('id', ['-u', 'postgres'])), gid: Number(execFileSync('id', ['-g', 'postgres'])) } : undefined;
  const run = (cmd, args) => {
    const argv = [...(root ? ['runuser', '-u', 'postgres', '--'] : []), join(bin, cmd), ...args];
    execFileSync(argv[0], argv.slice(1), { stdio: 'ignore', timeout: 60_000 });
  };
  if (ids) chownSync(folder, ids.uid, ids.gid);
  chmodSync(folder, 0o700);
  const password = `bench-${process.pid}`;
  const pwfile = join(folder, 'pw');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (ids) chownSync(pwfile, ids.uid, ids.gid);
  const data = join(folder, 'data');
  run('initdb', ['-D', data, '-U', 'crisis_admin', '--pwfile', pwfile, '-A', 'scram-sha-256', '-E', 'UTF8', '--locale', 'C.UTF-8', '--no-sync']);
  const port = await freePort();
  run('pg_ctl', ['-D', data, '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${folder}`, '-l', join(folder, 'log'), '-w', 'start']);
  return {
    url: `postgres://crisis_admin:${password}@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
