// Several processes on one log, and a process killed right after an acknowledged append.
// The children import the adapter compiled once into a temp folder (Node 20 cannot run .ts).
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventLog } from '../../src/adapters/sqlite/sqlite-event-log.js';
import { createTestIncident, tempDir, type TestEvent } from './sqlite-helpers.js';

const root = resolve(import.meta.dirname, '..', '..');
const child = join(import.meta.dirname, 'fixtures', 'append-child.mjs');
let buildDir = '';

beforeAll(() => {
  buildDir = mkdtempSync(join(tmpdir(), 'crisis-build-'));
  writeFileSync(join(buildDir, 'package.json'), '{"type":"module"}\n');
  symlinkSync(join(root, 'node_modules'), join(buildDir, 'node_modules'), 'dir');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const args = ['--outDir', join(buildDir, 'dist'), '--rootDir', join(root, 'src'), '--module', 'NodeNext', '--moduleResolution', 'NodeNext'];
  args.push('--target', 'ES2022', '--types', 'node', '--skipLibCheck', '--esModuleInterop', '--noCheck');
  const result = spawnSync(process.execPath, [tsc, ...args, join(root, 'src/adapters/sqlite/sqlite-event-log.ts')], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tsc failed: ${result.stdout}${result.stderr}`);
}, 120_000);

afterAll(() => {
  if (buildDir !== '') rmSync(buildDir, { recursive: true, force: true });
});

interface Child {
  proc: ChildProcessWithoutNullStreams;
  lines: AsyncIterableIterator<string>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

function startChild(db: string, incident: string, count: number, actor: string): Child {
  const proc = spawn(process.execPath, [child, join(buildDir, 'dist'), db, incident, String(count), actor]);
  let stderr = '';
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((done) =>
    proc.on('close', (code, signal) => done({ code, signal, stderr })),
  );
  return { proc, lines: createInterface({ input: proc.stdout })[Symbol.asyncIterator](), exit };
}

async function nextLine(c: Child): Promise<string> {
  const next = await c.lines.next();
  if (next.done === true) throw new Error(`child ended early: ${(await c.exit).stderr}`);
  return next.value;
}

async function newLog(): Promise<string> {
  const path = join(tempDir(), 'shared.db');
  const log = openEventLog<TestEvent>(path);
  await createTestIncident(log);
  await log.close();
  return path;
}

describe('several processes on one log', () => {
  it('two processes appending 500 events each to one incident end with 1,000 events in one unbroken chain', async () => {
    const path = await newLog();
    const children = [startChild(path, 'inc-1', 500, 'alice'), startChild(path, 'inc-1', 500, 'bob')];
    for (const c of children) expect(await nextLine(c)).toBe('ready');
    for (const c of children) c.proc.stdin.write('go\n');
    for (const c of children) {
      for await (const line of c.lines) void line; // drain stdout so the child never blocks
      expect(await c.exit).toMatchObject({ code: 0, stderr: '' });
    }
    const log = openEventLog<TestEvent & { n: number }>(path, { readonly: true });
    const events = await log.events('inc-1');
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    for (const actor of ['alice', 'bob']) {
      const mine = events.filter((e) => e.event.actor === actor).map((e) => e.event.n);
      expect(mine).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    }
    // Whether the two actually interleave depends on the scheduler (on a busy machine one may finish
    // first), so it is not asserted: the order of each writer and the unbroken chain are.
    expect(await log.verify()).toMatchObject({ ok: true, incidents: 1, events: 1000 });
    await log.close();
  }, 60_000);

  it('an append acknowledged just before SIGKILL is in the log after reopening', async () => {
    const path = await newLog();
    const c = startChild(path, 'inc-1', 0, 'carol');
    expect(await nextLine(c)).toBe('ready');
    c.proc.stdin.write('go\n');
    let line = '';
    do line = await nextLine(c);
    while (!line.startsWith('acknowledged ') || Number(line.split(' ')[3]) < 25);
    c.proc.kill('SIGKILL');
    expect((await c.exit).signal).toBe('SIGKILL');
    const acknowledged = Number(line.split(' ')[1]);
    const log = openEventLog<TestEvent & { n: number }>(path);
    const events = await log.events('inc-1');
    expect(events.length).toBeGreaterThanOrEqual(acknowledged);
    expect(events[acknowledged - 1]).toMatchObject({ seq: acknowledged, event: { actor: 'carol', n: acknowledged } });
    expect(await log.verify()).toMatchObject({ ok: true, events: events.length });
    await log.close();
  }, 60_000);
});
