// The safe-text boundary from outside: a plan and an exercise whose every prose field holds a
// hostile string, and hostile notes and ids, through every non-interactive command. No raw control,
// format or bidi character reaches stdout or stderr, in any output format.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIncident, type IncidentEvent } from '../../src/core/engine/index.js';
import { openEventLog } from '../../src/adapters/sqlite/sqlite-event-log.js';
import { writeHostileDrill } from '../helpers/hostile-files.js';
import { hostileStrings, rawUnsafe } from '../helpers/hostile-strings.js';
import { runCli, tempDir, type CliResult } from '../helpers/run-cli.js';

const dir = tempDir('crisis-hostile-');
const db = join(dir.path, 'log.db');
let exerciseFile = '';
let drill = '';
afterAll(() => dir.cleanup());
const cli = (args: readonly string[]): Promise<CliResult> => runCli([...args, '--db', db]);

function expectClean(r: CliResult): void {
  expect(rawUnsafe(r.stdout)).toEqual([]);
  expect(rawUnsafe(r.stderr)).toEqual([]);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

beforeAll(async () => {
  const { plan, planText, exerciseFile: file, folder } = writeHostileDrill(dir.path);
  exerciseFile = file;
  drill = folder;
  const r = await runCli(['exercise', 'run', exerciseFile, '--db', db, '--format', 'json']);
  expect(r.stderr, r.stderr).toMatch(/kept in .* as incident ex-/);
  // A real incident on the poisoned plan, open for notes.
  const log = openEventLog<IncidentEvent>(db);
  const title = hostileStrings[0] ?? '';
  await log.createIncident({ id: 'inc-h', title, planId: 'walk-test', createdAt: new Date().toISOString(), plans: [{ planId: 'walk-test', text: planText }] });
  await log.appendAll('inc-h', openIncident(new Map([['walk-test', plan]]), { planId: 'walk-test', title, awareness: new Date(), at: new Date(), actor: hostileStrings[1] ?? '' }));
  await log.close();
}, 60_000);

describe('hostile text through every command', () => {
  it('validate, in every format', async () => {
    for (const format of ['stylish', 'json', 'junit', 'github', 'sarif']) {
      const r = await runCli(['validate', '--format', format, drill]);
      expect(r.exitCode).toBeLessThan(2);
      expectClean(r);
    }
  });

  it('exercise run, in every format', async () => {
    for (const format of ['md', 'json', 'junit']) {
      const r = await runCli(['exercise', 'run', exerciseFile, '--format', format]);
      expect(r.stdout.length).toBeGreaterThan(100);
      expectClean(r);
    }
  });

  it('note, status, log list, show and export, in every format', async () => {
    const list = await cli(['log', 'list', '--format', 'json']);
    expect((JSON.parse(list.stdout) as { id: string }[]).map((i) => i.id)).toEqual([expect.stringMatching(/^ex-/), 'inc-h']);
    const id = 'inc-h';
    for (const text of hostileStrings) {
      const r = await cli(['note', '--incident', id, text.replaceAll('\0', '')]); // an argument cannot hold NUL
      expect(r.exitCode, r.stderr).toBe(0);
    }
    const runs = [
      await cli(['status', '--incident', id]),
      await cli(['status', '--incident', id, '--format', 'json']),
      await cli(['log', 'list']),
      list,
      await cli(['log', 'show', id]),
      await cli(['log', 'show', (JSON.parse(list.stdout) as { id: string }[])[0]?.id ?? '']),
      ...(await Promise.all(['md', 'json', 'jsonl', 'csv'].map((format) => cli(['log', 'export', id, '--format', format])))),
    ];
    for (const r of runs) {
      expect(r.exitCode).toBe(0);
      expectClean(r);
    }
    const md = runs.at(-4)?.stdout ?? '';
    expect(md).not.toMatch(/<(script|img)/i);
    expect(md.split('\n').filter((l) => /^(#+ |- )Log integrity/.test(l))).toHaveLength(1);
  });

  it('one-line errors that quote a hostile id or value', async () => {
    for (const text of hostileStrings.slice(0, 6)) {
      for (const args of [['status', '--incident', text], ['log', 'show', text], ['respond', '--aware', text], ['exercise', 'run', text]]) {
        const r = await cli(args);
        expect(r.exitCode).toBe(2);
        expectClean(r);
      }
    }
  });
});
