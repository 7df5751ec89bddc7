// The safe-text boundary in a real terminal: respond and exercise play on a plan and an exercise
// whose prose is hostile. tmux records every byte the program wrote (pipe-pane), and none of the
// corpus's sequences (OSC, DCS, C1 CSI, conceal, bidi, zero-width) may be among them.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeHostileDrill } from '../helpers/hostile-files.js';
import { TmuxSession, exitCodeOf, hasTmux, startCrisis } from '../helpers/tmux.js';
import { binPath, projectRoot, tempDir } from '../helpers/run-cli.js';

const dir = tempDir('crisis-hostile-tty-');
const db = join(dir.path, 'crisis.db');
const rcFile = join(dir.path, 'rc');
const drill = writeHostileDrill(dir.path);
const sessions: TmuxSession[] = [];

/** What the program wrote that a terminal would obey or hide; its own cursor and colour sequences are not among them. */
const FORBIDDEN: [RegExp, string][] = [
  [/\x1b\]/, 'OSC (title, clipboard, hyperlink)'],
  [/\x1bP/, 'DCS'],
  [/\u009b/, 'C1 CSI'],
  [/\x1b\[[0-9;]*8m/, 'SGR 8 (conceal)'],
  [/\x07/, 'BEL'],
  [/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/, 'a bidi control'],
  [/[\u200b-\u200d\ufeff\u2060]/, 'a zero-width character'],
  [/[\u{e0000}-\u{e007f}]/u, 'a tag character'],
];

function record(name: string, args: string): { t: TmuxSession; raw: () => string } {
  const t = startCrisis(name, args, rcFile, projectRoot, binPath);
  sessions.push(t);
  const file = join(dir.path, `${name}.raw`);
  execFileSync('tmux', ['pipe-pane', '-o', '-t', t.name, `cat >> '${file}'`]);
  return { t, raw: () => (existsSync(file) ? readFileSync(file, 'utf8') : '') };
}

function expectNothingForbidden(raw: string): void {
  expect(raw.length).toBeGreaterThan(200);
  expect(FORBIDDEN.filter(([pattern]) => pattern.test(raw)).map(([, what]) => what)).toEqual([]);
}

describe.runIf(hasTmux() || process.env['CI'] === 'true')('hostile plan text in a real terminal', () => {
  afterAll(() => {
    sessions.forEach((s) => s.kill());
    dir.cleanup();
  });

  it('respond shows the escapes, and the terminal gets none of the sequences', async () => {
    const { t, raw } = record('crisis-e2e-hostile-respond', `respond --db '${db}' --responder ana --plan '${drill.planFile}' --title 'Hostile drill' --aware PT1H`);
    // The pane may start before pipe-pane is attached: the first screen is drawn again on every action.
    const screen = await t.waitFor('What now?');
    expect(screen).toContain('\\x1b');
    await t.choose('timeline');
    await t.waitFor('Back to the step');
    t.keys('Enter');
    await t.waitFor('What now?');
    await t.choose('status');
    await t.waitFor('Back to the step');
    t.keys('Enter');
    await t.waitFor('What now?');
    await t.choose('Pause');
    expect(await exitCodeOf(rcFile)).toBe(0);
    expectNothingForbidden(raw());
  }, 60_000);

  it('exercise play shows the banner and injects with escapes only', async () => {
    const { t, raw } = record('crisis-e2e-hostile-play', `exercise play '${drill.exerciseFile}' --db '${db}' --responder ana`);
    await t.waitFor('What now?');
    await t.choose('release the next inject');
    await t.waitFor('What now?');
    await t.choose('Pause');
    expect(await exitCodeOf(rcFile)).toBe(0);
    expectNothingForbidden(raw());
  }, 60_000);
});
