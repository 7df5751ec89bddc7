// Files are written only where the responder meant: `log export -o` and `exercise play --output`
// refuse an existing file without --force, never write through a symbolic link or over the log
// (or its -wal/-shm), and write exports readable by the owner alone.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync, linkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openIncident, type IncidentEvent } from '../../src/core/engine/index.js';
import type { Plan } from '../../src/core/plan/types.js';
import { openEventLog } from '../../src/adapters/sqlite/sqlite-event-log.js';
import { projectRoot, runCli, tempDir } from '../helpers/run-cli.js';

const dir = tempDir();
const db = join(dir.path, 'crisis.db');
const planText = readFileSync(join(projectRoot, 'test/fixtures/plans/walk-plan.yaml'), 'utf8');
const plan = parse(planText) as Plan;
const drill = join(projectRoot, 'test/fixtures/exercises/walk-drill.yaml');

beforeAll(async () => {
  const at = new Date('2026-11-29T07:00:00Z');
  const log = openEventLog<IncidentEvent>(db);
  await log.createIncident({ id: 'inc-a', title: 'Ransomware, hospital', planId: 'walk-test', createdAt: at.toISOString(), plans: [{ planId: 'walk-test', text: planText }] });
  await log.appendAll('inc-a', openIncident(new Map([['walk-test', plan]]), { planId: 'walk-test', title: 'Ransomware, hospital', awareness: at, at, actor: 'ana' }));
  await log.close();
});
afterAll(() => dir.cleanup());

const exportTo = (output: string, ...more: string[]) => runCli(['log', 'export', 'inc-a', '--format', 'json', '--db', db, '-o', output, ...more], { cwd: dir.path });
const mode = (path: string): number => statSync(path).mode & 0o777;
const logIntact = async (): Promise<void> => {
  const verify = await runCli(['log', 'verify', '--db', db]);
  expect(verify.stdout).toMatch(/^ok: \d+ events in 1 incident/);
  expect(verify.exitCode).toBe(0);
};

describe('log export -o FILE', () => {
  it('writes a new file readable by the owner alone, and names the incident', async () => {
    const out = join(dir.path, 'new.json');
    const r = await exportTo(out);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe(`Wrote inc-a (Ransomware, hospital) to ${out}\n`);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { events: unknown[] }).events.length).toBeGreaterThan(0);
    expect(mode(out)).toBe(0o600);
  });

  it('refuses an existing file without --force (exit 2) and leaves it alone', async () => {
    const out = join(dir.path, 'existing.json');
    writeFileSync(out, 'keep me', { mode: 0o644 });
    const r = await exportTo(out);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(`crisis: ${out} exists; pass --force to overwrite it\n`);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
  });

  it('overwrites an existing file with --force, and makes it 0600', async () => {
    const out = join(dir.path, 'forced.json');
    writeFileSync(out, 'old content that is much longer than nothing at all '.repeat(1000), { mode: 0o644 });
    const r = await exportTo(out, '--force');
    expect(r.exitCode).toBe(0);
    expect(() => JSON.parse(readFileSync(out, 'utf8')) as unknown).not.toThrow();
    expect(mode(out)).toBe(0o600);
  });

  it.each([
    ['the database', 'crisis.db'],
    ['its -wal file', 'crisis.db-wal'],
    ['its -shm file', 'crisis.db-shm'],
    ['the database through ./', './sub/../crisis.db'],
  ])('never writes over %s, even with --force', async (_what, name) => {
    mkdirSync(join(dir.path, 'sub'), { recursive: true });
    const existed = existsSync(join(dir.path, name));
    for (const force of [[], ['--force']]) {
      const r = await exportTo(name, ...force);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(/^crisis: .*crisis\.db.* is the incident log or one of its files; crisis never writes over it/);
      expect(r.stderr.split('\n')).toHaveLength(2);
    }
    expect(existsSync(join(dir.path, name))).toBe(existed);
    await logIntact();
  });

  it('never writes over the database reached through a linked folder or a hard link', async () => {
    const linked = join(dir.path, 'linked');
    symlinkSync(dir.path, linked);
    const r = await exportTo(join(linked, 'crisis.db'), '--force');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('is the incident log');
    const walFile = join(dir.path, 'crisis.db-wal');
    const before = existsSync(walFile) ? readFileSync(walFile) : undefined;
    const wal = await exportTo(join(linked, 'crisis.db-wal'), '--force');
    expect(wal.exitCode).toBe(2);
    expect(existsSync(walFile) ? readFileSync(walFile) : undefined).toEqual(before);
    const hard = join(dir.path, 'hard.db');
    linkSync(db, hard);
    const viaHardLink = await exportTo(hard, '--force');
    expect(viaHardLink.exitCode).toBe(2);
    expect(viaHardLink.stderr).toContain('is the incident log');
    await logIntact();
  });

  it('does not follow a symbolic link as the last part of the path, even with --force', async () => {
    const victim = join(dir.path, 'victim.txt');
    writeFileSync(victim, 'not yours');
    const link = join(dir.path, 'link.json');
    symlinkSync(victim, link);
    const dangling = join(dir.path, 'dangling.json');
    symlinkSync(join(dir.path, 'would-be-created.txt'), dangling);
    for (const [path, force] of [[link, []], [link, ['--force']], [dangling, ['--force']]] as const) {
      const r = await exportTo(path, ...force);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toBe(`crisis: ${path} is a symbolic link; crisis does not write through links: give the path of a real file\n`);
    }
    expect(readFileSync(victim, 'utf8')).toBe('not yours');
    expect(existsSync(join(dir.path, 'would-be-created.txt'))).toBe(false);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('names a missing folder and a folder given as the file', async () => {
    const missing = await exportTo(join(dir.path, 'no-such-folder', 'x.json'));
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/the folder of .*no-such-folder\/x\.json does not exist/);
    const folder = await exportTo(join(dir.path, 'sub'), '--force');
    expect(folder.exitCode).toBe(2);
    expect(folder.stderr).toMatch(/sub is a folder/);
  });
});

describe('exercise play --output FILE', () => {
  it('refuses an existing report file before play starts', async () => {
    const out = join(dir.path, 'report.md');
    writeFileSync(out, 'last week');
    const r = await runCli(['exercise', 'play', drill, '--db', join(dir.path, 'play.db'), '--output', out]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(`crisis: ${out} exists; pass --force to overwrite it\n`);
    expect(readFileSync(out, 'utf8')).toBe('last week');
  });

  it('refuses the log database as the report file, even with --force', async () => {
    const r = await runCli(['exercise', 'play', drill, '--db', db, '--output', db, '--force']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('is the incident log or one of its files');
    await logIntact();
  });
});

describe('exercise run --output FILE', () => {
  const exercise = 'playbooks/exercises/ddos-national.yaml';

  it('writes the report 0600, refuses it next time without --force, and overwrites it with --force', async () => {
    const out = join(dir.path, 'run-report.json');
    const first = await runCli(['exercise', 'run', exercise, '--format', 'json', '--output', out]);
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toBe('');
    expect((JSON.parse(readFileSync(out, 'utf8')) as { passed: boolean }).passed).toBe(true);
    expect(mode(out)).toBe(0o600);
    const again = await runCli(['exercise', 'run', exercise, '--output', out]);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toBe(`crisis: ${out} exists; pass --force to overwrite it\n`);
    const forced = await runCli(['exercise', 'run', exercise, '--output', out, '--force']);
    expect(forced.exitCode).toBe(0);
    // The report holds AMBER reports of the plan: it is marked AMBER (README, TLP-aware sharing).
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('**TLP:AMBER**');
  });

  it('never writes the report over the log it keeps the run in', async () => {
    const runDb = join(dir.path, 'run.db');
    expect((await runCli(['exercise', 'run', exercise, '--db', runDb])).exitCode).toBe(0);
    const r = await runCli(['exercise', 'run', exercise, '--db', runDb, '--output', `${runDb}-wal`, '--force']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('is the incident log or one of its files');
    expect((await runCli(['log', 'verify', '--db', runDb])).exitCode).toBe(0);
  });
});

describe('output files that are not regular files', () => {
  it('refuses a FIFO without hanging, with or without --force', async () => {
    const fifo = join(dir.path, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const plain = await exportTo(fifo);
    expect(plain.stderr).toBe(`crisis: ${fifo} is not a regular file: give the path of a file\n`);
    const forced = await exportTo(fifo, '--force');
    expect(forced.timedOut).toBe(false);
    expect(forced.exitCode).toBe(2);
    expect(forced.stderr).toBe(`crisis: ${fifo} is not a regular file: give the path of a file\n`);
  });
});
