// The walkthrough killed with SIGKILL at random points (a seeded generator, so a failure can be run
// again: CRISIS_KILL_SEED=N) and resumed: every event the screen acknowledged is in the log, the
// chain verifies, and the walkthrough resumes at the same step.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TmuxSession, exitCodeOf, hasTmux, startCrisis } from '../helpers/tmux.js';
import { binPath, projectRoot, runCli, tempDir } from '../helpers/run-cli.js';

const plan = join(projectRoot, 'test/fixtures/plans/walk-plan.yaml');
const dir = tempDir();
const db = join(dir.path, 'crisis.db');
const sessions: TmuxSession[] = [];
const seed = Number(process.env['CRISIS_KILL_SEED'] ?? 20261203);

/** mulberry32: a small seeded generator of numbers in [0, 1). */
function seeded(start: number): () => number {
  let a = start >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function notes(id: string): Promise<string[]> {
  const out = await runCli(['log', 'export', id, '--format', 'json', '--db', db]);
  expect(out.exitCode).toBe(0);
  return (JSON.parse(out.stdout) as { events: { type: string; text?: string }[] }).events.filter((e) => e.type === 'note-added').map((e) => e.text ?? '');
}

/** Wait until `text` is a line of the NOTES section (not merely typed into the prompt). */
async function shownAsNote(t: TmuxSession, text: string): Promise<void> {
  const until = Date.now() + 30_000;
  while (!t.capture().split('\n').some((l) => l.trimEnd() === `    ${text}`)) {
    if (Date.now() > until) throw new Error(`note "${text}" was not shown; screen:\n${t.capture()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Kill the crisis process running in the terminal, by its process id. */
async function killCrisis(t: TmuxSession): Promise<void> {
  const pids = t.children();
  expect(pids.length).toBeGreaterThan(0);
  for (const pid of pids) process.kill(pid, 'SIGKILL');
}

describe.runIf(hasTmux() || process.env['CI'] === 'true')(`crisis respond killed at random points (seed ${seed})`, () => {
  beforeAll(() => expect(existsSync(binPath)).toBe(true));
  afterAll(() => {
    sessions.forEach((s) => s.kill());
    dir.cleanup();
  });

  it('keeps every acknowledged event and resumes at the same step, round after round', async () => {
    const random = seeded(seed);
    const acknowledged: string[] = [];
    let id = '';
    for (let round = 0; round < 3; round++) {
      const rc = join(dir.path, `round-${round}.rc`);
      const args = id === '' ? `--new --plan '${plan}' --title 'Killed at random'` : `--incident ${id}`;
      const t = startCrisis(`crisis-kill-${round}`, `respond --db '${db}' --responder ana --aware PT0S ${args}`, rc, projectRoot, binPath);
      sessions.push(t);
      await t.waitFor('STEP  Triage the report', 30_000); // resumed at the same step
      await t.waitFor('What now?', 30_000);
      if (id === '') {
        const list = await runCli(['log', 'list', '--format', 'json', '--db', db]);
        id = (JSON.parse(list.stdout) as { id: string }[])[0]?.id ?? '';
      }
      // A few notes, each acknowledged by the screen drawn again with it...
      const count = Math.floor(random() * 3);
      for (let i = 0; i < count; i++) {
        const text = `round ${round} note ${i}`;
        await t.choose('Add a note');
        await t.waitFor('Note:', 30_000);
        t.type(text);
        t.keys('Enter');
        await shownAsNote(t, text); // the step screen drawn again with it: the log has it
        await t.waitFor('What now?', 30_000);
        acknowledged.push(text);
      }
      // ...then one more, killed at a random point: in the menu, while typing, or just after Enter.
      const point = Math.floor(random() * 3);
      const pending = `round ${round} unacknowledged`;
      if (point >= 1) {
        await t.choose('Add a note');
        await t.waitFor('Note:', 30_000);
        t.type(pending);
      }
      if (point === 2) t.keys('Enter');
      await new Promise((r) => setTimeout(r, Math.floor(random() * 300)));
      await killCrisis(t);
      expect(await exitCodeOf(rc)).toBe(137); // SIGKILL: no chance to clean up
      const logged = await notes(id);
      // Everything acknowledged is there, in order; the note killed mid-way is there whole or not at all.
      expect(logged.filter((n) => n !== pending)).toEqual(acknowledged);
      if (logged.includes(pending)) acknowledged.push(pending);
      if (point < 2) expect(logged).not.toContain(pending); // never recorded before Enter
      const verify = await runCli(['log', 'verify', id, '--db', db]);
      expect(verify.exitCode).toBe(0);
      t.kill();
    }
  }, 300_000);
});
