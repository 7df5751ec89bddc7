// The walkthrough's screen stays true while the menu waits, in a real terminal: clocks tick and an
// overdue one is announced, a teammate's note from a second terminal appears, exercise injects come
// out by the clock one by one; the head stays in view at 80x24 and 120x40; shortcut keys work.
// Every wait polls the screen with a generous limit: the machine may be loaded.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { TmuxSession, exitCodeOf, hasTmux, startCrisis } from '../helpers/tmux.js';
import { binPath, projectRoot, runCli, tempDir } from '../helpers/run-cli.js';

const plan = join(projectRoot, 'test/fixtures/plans/walk-plan.yaml');
const drill = join(projectRoot, 'test/fixtures/exercises/walk-drill.yaml');
const dir = tempDir();
const db = join(dir.path, 'crisis.db');
const sessions: TmuxSession[] = [];
const small = { columns: 80, rows: 24 };
const large = { columns: 120, rows: 40 };

function crisis(name: string, args: string, size: { columns: number; rows: number }, env: Record<string, string | null> = {}): { t: TmuxSession; rc: string } {
  const rc = join(dir.path, `${name}.rc`);
  const t = startCrisis(name, args, rc, projectRoot, binPath, env, size);
  sessions.push(t);
  return { t, rc };
}

/** The screen as the responder sees it, once `check` holds (polled; the limit is generous). */
async function screenWhen(t: TmuxSession, check: (screen: string) => boolean, what: string, timeoutMs = 45_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const screen = t.capture();
    if (check(screen)) return screen;
    if (Date.now() > until) throw new Error(`${what} did not happen; screen:\n${screen}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Press `key` until `text` shows: a key sent while the screen is between two prompts may be
 * lost, and a press that lands adds nothing (the key does nothing on the screen it leads to).
 */
async function pressUntil(t: TmuxSession, key: string, text: string): Promise<string> {
  for (let i = 0; i < 10; i++) {
    t.keys(key);
    try {
      return await t.waitFor(text, 5_000);
    } catch {
      // not yet: press again
    }
  }
  return t.waitFor(text, 5_000);
}

async function incidentId(title: string): Promise<string> {
  const list = await runCli(['log', 'list', '--format', 'json', '--db', db]);
  return (JSON.parse(list.stdout) as { id: string; title: string }[]).find((i) => i.title.includes(title))?.id ?? '';
}

describe.runIf(hasTmux() || process.env['CI'] === 'true')('the live walkthrough screen', () => {
  beforeAll(() => expect(existsSync(binPath)).toBe(true));
  afterAll(() => {
    sessions.forEach((s) => s.kill());
    dir.cleanup();
  });

  it('counts a clock down while the menu waits and announces it when it goes overdue, head in view at 80x24', async () => {
    // Aware 23 h 59 min 40 s ago: the 24-hour early warning is due in about 20 s.
    const { t, rc } = crisis('crisis-live-clock', `respond --db '${db}' --responder ana --new --plan '${plan}' --title 'Clock drill' --aware PT23H59M40S`, small);
    const first = await t.waitFor('What now?', 30_000);
    const seconds = (screen: string): number => Number(/Early warning due in (\d+) s/.exec(screen)?.[1] ?? NaN);
    expect(seconds(first)).toBeGreaterThan(0);
    // No key pressed: the countdown moves on its own...
    await screenWhen(t, (s) => seconds(s) < seconds(first), 'the countdown moving');
    // ...and the overdue clock is said in words, with the announcement.
    const overdue = await screenWhen(t, (s) => s.includes('went OVERDUE while this screen waited'), 'the overdue announcement', 60_000);
    expect(overdue).toMatch(/Early warning OVERDUE by \d+ s/);
    // At 80x24 the incident, the step, the clocks and the shortcut footer are all on the screen.
    const id = await incidentId('Clock drill');
    expect(overdue).toContain(id);
    expect(overdue).toContain('STEP');
    expect(overdue).toContain('Triage the report');
    expect(overdue).toContain('s status · t timeline · p pause');
    expect(overdue.split('\n').every((l) => l.length <= 80)).toBe(true);
    await pressUntil(t, 'p', 'Paused'); // pause, one key away
    expect(await exitCodeOf(rc)).toBe(0);
  }, 150_000);

  it("shows a teammate's note from a second terminal within seconds, with its author, without a key", async () => {
    const { t, rc } = crisis('crisis-live-note', `respond --db '${db}' --responder ana --new --plan '${plan}' --title 'Note drill' --aware PT1H`, large);
    await t.waitFor('What now?', 30_000);
    const id = await incidentId('Note drill');
    const note = await runCli(['note', '--db', db, '--incident', id, '--responder', 'bob', 'Hospital confirms two servers encrypted']);
    expect(note.exitCode).toBe(0);
    const shown = await screenWhen(t, (x) => x.includes('Hospital confirms two servers encrypted') && x.includes('What now?'), 'the note with the menu');
    expect(shown).toMatch(/NOTES\n {2}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d · bob/); // local time and author
    // The timeline is one key away too, and Back returns to the step.
    await pressUntil(t, 't', 'Back to the step');
    await t.choose('Back');
    // Up from the first entry wraps round to the last (Pause); Home goes back to the first.
    await pressUntil(t, 'Up', '❯ Pause (resume later'); // again if a press fell between two prompts
    t.keys('Home');
    await t.waitFor('❯ Done: Confirm the report', 15_000);
    t.keys('End');
    await t.waitFor('❯ Pause (resume later', 15_000);
    await pressUntil(t, 'p', 'Paused');
    expect(await exitCodeOf(rc)).toBe(0);
  }, 120_000);

  it('hands the timeline to $PAGER when it is set, and comes back to the step', async () => {
    const paged = join(dir.path, 'paged.txt');
    const { t, rc } = crisis('crisis-live-pager', `respond --db '${db}' --responder ana --new --plan '${plan}' --title 'Pager drill' --aware PT1H`, large, { PAGER: `cat > '${paged}'` });
    await t.waitFor('What now?', 30_000);
    const handed = (): boolean => existsSync(paged) && readFileSync(paged, 'utf8').includes('Clock Early warning started');
    for (let press = 0; press < 10 && !handed(); press++) {
      t.keys('t'); // again if the first press fell between two prompts
      for (let i = 0; i < 30 && !handed(); i++) await new Promise((r) => setTimeout(r, 100));
    }
    expect(readFileSync(paged, 'utf8')).toContain('Timeline');
    expect(t.capture()).not.toContain('Back to the step'); // no page of its own in between
    await pressUntil(t, 'p', 'Paused'); // back at the step's menu
    expect(await exitCodeOf(rc)).toBe(0);
  }, 120_000);

  it('releases exercise injects by the clock while the menu waits, one by one, exercise clock in view at 120x40', async () => {
    const { t } = crisis('crisis-live-injects', `exercise play '${drill}' --allow-outside --speed 3600 --db '${db}' --responder players`, large);
    // The second inject is due 2 s of real time after the first: each is shown before the next.
    const firstShown = await screenWhen(t, (x) => x.includes('Latest inject: First call') && x.includes('What now?'), 'the first inject with its menu');
    expect(firstShown).toContain('Next inject at T+2 h');
    // The static part is written before the menu draws: wait for both, never for one alone.
    const second = await screenWhen(t, (x) => x.includes('Latest inject: Second Member State') && x.includes('What now?') && x.includes('EXERCISE'), 'the second inject with its menu');
    expect(second).toContain('All injects released');
    expect(second).toMatch(/EXERCISE {2}Walkthrough drill .* \(×3600\)/);
    expect(second).toContain('What now?');
    const id = await incidentId('Walkthrough drill');
    const exported = await runCli(['log', 'export', id, '--format', 'jsonl', '--db', db]);
    const injects = exported.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string }).filter((e) => e.type === 'inject-released');
    expect(injects).toHaveLength(2);
    await pressUntil(t, 'p', 'Paused at');
  }, 120_000);
});
