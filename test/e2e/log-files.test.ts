// The log database as a file: private modes, reading where crisis cannot write, opening an
// exercise in one transaction, text that UTF-8 cannot hold.
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { execa, execaSync } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { binPath, projectRoot, runCli, tempDir } from '../helpers/run-cli.js';

const dir = tempDir('crisis-log-files-');
afterAll(() => dir.cleanup());
const exercise = join(projectRoot, 'playbooks/exercises/ddos-national.yaml');
const mode = (path: string): number => statSync(path).mode & 0o777;

/** Run an exercise into a new log at `db`; returns the incident id it was kept as. */
async function exerciseLog(db: string, file = exercise): Promise<string> {
  const out = await runCli(['exercise', 'run', file, '--db', db, '--format', 'json']);
  expect(out.stderr).toMatch(/kept in .* as incident ex-/);
  return /as incident (\S+)/.exec(out.stderr)?.[1] ?? '';
}

describe('the log file', () => {
  it('is created 0600, in folders made 0700', async () => {
    const db = join(dir.path, 'made', 'deep', 'crisis.db');
    await exerciseLog(db);
    expect(mode(db)).toBe(0o600);
    expect(mode(join(dir.path, 'made', 'deep'))).toBe(0o700);
    expect(mode(join(dir.path, 'made'))).toBe(0o700);
  });

  it('log verify warns when an existing log is open to its group or others, and still exits 0', async () => {
    const db = join(dir.path, 'loose.db');
    await exerciseLog(db);
    expect((await runCli(['log', 'verify', '--db', db])).stderr).toBe('');
    chmodSync(db, 0o644);
    const out = await runCli(['log', 'verify', '--db', db]);
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toContain(`warning: the incident log ${db} is open to its group or others (mode 0644)`);
    expect(out.stderr).toContain(`chmod 600 '${db}'`);
  });

  it('exercise run --db opens the incident and stores its events in one transaction', async () => {
    const db = join(dir.path, 'refusing.db');
    await exerciseLog(db);
    // Whatever stops the events being stored (a kill, a full disk) must not leave an empty incident.
    const raw = new Database(db);
    raw.exec("CREATE TRIGGER refuse BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    raw.close();
    const out = await runCli(['exercise', 'run', exercise, '--db', db]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toContain('disk full');
    const check = new Database(db, { readonly: true });
    const incidents = check.prepare('SELECT id FROM incidents ORDER BY id').pluck().all();
    check.close();
    expect(incidents).toHaveLength(1); // the first run's, and no second one without events
  });

  it('a lone surrogate in an exercise title leaves a fresh log verifying', async () => {
    const file = join(dir.path, 'surrogate.yaml');
    writeFileSync(file, readFileSync(exercise, 'utf8').replace('title: DDoS campaign against public services, handled nationally', 'title: "DDoS \\ud800 campaign against public services"'));
    const db = join(dir.path, 'surrogate.db');
    const id = await exerciseLog(db, file);
    const out = await runCli(['log', 'verify', '--db', db]);
    expect(out.stdout).toMatch(/^ok: /);
    expect(out.exitCode).toBe(0);
    expect((await runCli(['log', 'show', id, '--db', db])).stdout).toContain('DDoS \ufffd campaign');
  });
});

// Root ignores permission bits, so as root the reads run as nobody (setpriv, util-linux); that
// needs a checkout nobody can read, which a private CI folder may not be.
const asRoot = process.getuid?.() === 0;
const nobodyCanRun = !asRoot || execaSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'test', '-r', binPath], { reject: false }).exitCode === 0;

describe('an archived log in a read-only folder', () => {
  it.skipIf(!nobodyCanRun)('is read by verify, list, show, export and status, and gets no -wal or -shm beside it (skipped where nobody cannot run the checkout)', async () => {
    chmodSync(dir.path, 0o755);
    const archive = join(dir.path, 'archive');
    mkdirSync(archive);
    const db = join(archive, 'crisis.db');
    const id = await exerciseLog(db);
    chmodSync(db, 0o644); // readable, not writable, by nobody
    chmodSync(archive, 0o555);
    const read = (...args: string[]) =>
      asRoot
        ? execa('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'node', binPath, ...args, '--db', db], { reject: false, env: { NO_COLOR: '1', HOME: '/nonexistent' } })
        : runCli([...args, '--db', db]);
    try {
      for (const args of [['log', 'verify'], ['log', 'list'], ['log', 'show', id], ['log', 'export', id, '--format', 'md'], ['status', '--incident', id]]) {
        const out = await read(...args);
        expect({ args, exitCode: out.exitCode, stderr: out.stderr.replace(/^crisis: warning: .* is open to its group or others.*\n?/, '') }).toEqual({ args, exitCode: 0, stderr: '' });
      }
      expect((await read('log', 'verify')).stdout).toMatch(new RegExp(`^head ${id} #\\d+ sha256:`, 'm'));
      expect(readdirSync(archive)).toEqual(['crisis.db']);
    } finally {
      chmodSync(archive, 0o755);
    }
  });
});
