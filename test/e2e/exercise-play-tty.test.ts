// A facilitated exercise in a real terminal: injects on Enter, players' choices through the
// walkthrough, pause and resume keeping exercise time, ENDEX with a scored report.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TmuxSession, exitCodeOf, hasTmux, startCrisis } from '../helpers/tmux.js';
import { binPath, projectRoot, runCli, tempDir } from '../helpers/run-cli.js';

const drill = join(projectRoot, 'test/fixtures/exercises/walk-drill.yaml');
const dir = tempDir();
const db = join(dir.path, 'crisis.db');
const rcFile = join(dir.path, 'rc');
const report = join(dir.path, 'report.json');
const sessions: TmuxSession[] = [];

function play(name: string, args: string): TmuxSession {
  // --allow-outside: the drill's plan is in a sibling fixtures folder.
  const s = startCrisis(name, `exercise play '${drill}' --allow-outside --db '${db}' --responder players ${args}`, rcFile, projectRoot, binPath);
  sessions.push(s);
  return s;
}

const exitCode = (): Promise<number> => exitCodeOf(rcFile);

describe.runIf(hasTmux() || process.env['CI'] === 'true')('crisis exercise play in a terminal', () => {
  afterAll(() => {
    sessions.forEach((s) => s.kill());
    dir.cleanup();
  });

  it('plays, pauses, resumes at the same exercise time, ends and scores', async () => {
    const t = play('crisis-e2e-play', '');
    await t.waitFor('EXERCISE  Walkthrough drill');
    await t.choose('release the next inject "First call"');
    await t.waitFor('Latest inject: First call');
    await t.choose('Record receipt of the early warning');
    await t.waitFor('went through');
    await t.choose('Duty phone');
    await t.waitFor('When was it sent?');
    t.keys('Enter');
    await t.waitFor('Record Early warning →');
    t.type('y');
    t.keys('Enter');
    await t.choose('move exercise time forward');
    await t.waitFor('Move exercise time forward by');
    t.type('PT1H');
    t.keys('Enter');
    await t.waitFor('T+1 h (paced by the facilitator)');
    await t.choose('Pause');
    await t.waitFor('Paused at T+1 h: ex-20260302-walk-drill (Exercise Walkthrough drill: Drill incident)');
    expect(await exitCode()).toBe(0);

    const list = await runCli(['log', 'list', '--format', 'json', '--db', db]);
    const id = (JSON.parse(list.stdout) as { id: string }[])[0]?.id ?? '';
    expect(id).toMatch(/^ex-20260302-walk-drill/);

    const r = play('crisis-e2e-play-resume', `--incident ${id} --format json --output '${report}'`);
    await r.waitFor('T+1 h (paced by the facilitator)');
    await r.choose('release the next inject "Second Member State"');
    await r.waitFor('Latest inject: Second Member State');
    await r.choose('Continue to assess');
    await r.waitFor('Move on anyway?'); // the action was left open
    r.type('y');
    r.keys('Enter');
    await r.waitFor('Why move on with these open?');
    r.type('Confirmed by the hospital');
    r.keys('Enter');
    await r.waitFor('Decision: Is it large-scale?');
    await r.choose('Is it large-scale?');
    await r.choose('Escalate');
    await r.waitFor('Coordinate at the operational level');
    await r.choose('end the exercise');
    await r.waitFor('End the exercise now and score it?');
    r.type('y');
    r.keys('Enter');
    await r.waitFor('Report written to');
    expect(await exitCode()).toBe(0);

    expect(statSync(report).mode & 0o777).toBe(0o600); // reports carry what the log holds
    const scored = JSON.parse(readFileSync(report, 'utf8')) as { passed: boolean; expectations: { id: string; met: boolean }[] };
    expect(scored.passed).toBe(true);
    expect(scored.expectations.map((e) => [e.id, e.met])).toEqual([
      ['warned', true],
      ['escalated', true],
    ]);
    const exported = await runCli(['log', 'export', id, '--format', 'jsonl', '--db', db]);
    const types = exported.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { type: string }).type);
    expect(types.filter((x) => x === 'inject-released')).toHaveLength(2);
    expect(types.at(-1)).toBe('incident-closed');
  }, 120_000);
});

describe('crisis exercise play without a terminal', () => {
  it('exits 2 and points at exercise run', async () => {
    const out = await runCli(['exercise', 'play', drill, '--db', db]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toContain('crisis exercise run');
  });
});
