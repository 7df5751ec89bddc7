// The walkthrough in a real terminal: open, act, decide, escalate, pause, resume, close, Ctrl+C.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TmuxSession, exitCodeOf, hasTmux, startCrisis } from '../helpers/tmux.js';
import { binPath, projectRoot, runCli, tempDir } from '../helpers/run-cli.js';

const plan = join(projectRoot, 'test/fixtures/plans/walk-plan.yaml');
const dir = tempDir();
const db = join(dir.path, 'crisis.db');
const rcFile = join(dir.path, 'rc');
const sessions: TmuxSession[] = [];

function respond(name: string, args: string): TmuxSession {
  const s = startCrisis(name, `respond --db '${db}' --responder ana ${args}`, rcFile, projectRoot, binPath);
  sessions.push(s);
  return s;
}

const exitCode = (): Promise<number> => exitCodeOf(rcFile);

async function eventTypes(id: string): Promise<string[]> {
  const out = await runCli(['log', 'export', id, '--format', 'json', '--db', db]);
  expect(out.exitCode).toBe(0);
  return (JSON.parse(out.stdout) as { events: { type: string }[] }).events.map((e) => e.type);
}

// In CI the terminal test must run (.ci/run installs tmux); elsewhere it needs tmux on the machine.
describe.runIf(hasTmux() || process.env['CI'] === 'true')('crisis respond in a terminal', () => {
  beforeAll(() => expect(existsSync(binPath)).toBe(true));
  afterAll(() => {
    sessions.forEach((s) => s.kill());
    dir.cleanup();
  });

  it('opens, walks a decision with escalation, pauses, resumes and closes', async () => {
    const t = respond('crisis-e2e-walk', `--plan '${plan}' --title 'Ransomware drill' --aware PT1H`);
    await t.waitFor('What now?');
    expect(t.capture()).toContain('Early warning due in 23 h');
    await t.choose('Done: Confirm the report');
    await t.waitFor('[x] Confirm the report');
    await t.choose('Record receipt of the early warning');
    await t.waitFor('went through (choose the channel)'); // no channel in the plan: none is pre-selected
    await t.choose('Duty phone');
    await t.waitFor('When was it sent?');
    t.keys('Enter');
    await t.waitFor('Record Early warning → Test CSIRT via Duty phone, sent now?');
    t.keys('Enter'); // Enter twice records nothing: the answer defaults to No
    await t.waitFor('What now?');
    await t.choose('Record receipt of the early warning');
    await t.waitFor('went through');
    await t.choose('Duty phone');
    await t.waitFor('When was it sent?');
    t.type('PT20M'); // phoned in 20 minutes ago
    t.keys('Enter');
    await t.waitFor('Record Early warning →');
    t.type('y');
    t.keys('Enter');
    await t.waitFor('What now?');
    await t.choose('Continue to assess');
    await t.waitFor('Decision: Is it large-scale?');
    await t.choose('Is it large-scale?');
    await t.choose('Escalate');
    await t.waitFor('Coordinate at the operational level');
    await t.choose('Pause');
    // The hint works as it is: it names the log, which is not the default one.
    expect((await t.waitFor('Resume with: crisis respond --incident')).replace(/\n/g, '')).toMatch(new RegExp(`Resume with: crisis respond --incident inc-\\S+ --db ${db}`));
    expect(await exitCode()).toBe(0);
    // The head to keep outside the log, printed where the responder stops.
    const paused = /head (inc-\S+) #9 (sha256:[0-9a-f]{64})/.exec((await t.waitFor('Keep this line outside the log')).replace(/\n/g, ''));
    expect(paused).not.toBeNull();

    const list = await runCli(['log', 'list', '--format', 'json', '--db', db]);
    const [incident] = JSON.parse(list.stdout) as { id: string; closed: boolean }[];
    expect(incident?.closed).toBe(false);
    const id = incident?.id ?? '';

    const r = respond('crisis-e2e-resume', `--incident ${id}`);
    await r.waitFor('Coordinate at the operational level');
    await r.choose('Continue to wrap up');
    await r.waitFor('STEP  Wrap up');
    await r.choose('Close the incident');
    await r.waitFor('Closing summary');
    r.type('Contained by the hospital; lessons noted');
    r.keys('Enter');
    await r.waitFor('Close the incident?');
    r.type('y');
    r.keys('Enter');
    await r.waitFor(`Incident ${id} (Ransomware drill) is closed`);
    expect(await exitCode()).toBe(0);
    expect((await r.waitFor('Keep this line outside the log')).replace(/\n/g, '')).toMatch(new RegExp(`head ${id} #11 sha256:[0-9a-f]{64}`));
    expect(paused?.[1]).toBe(id);
    const anchored = await runCli(['log', 'verify', '--db', db, '--anchor', paused?.[2] ?? '']);
    expect(anchored.stdout).toContain(`event #9 of ${id}, unchanged up to there`);

    expect(await eventTypes(id)).toEqual([
      'incident-opened',
      'clock-started',
      'step-entered',
      'action-done',
      'notification-sent',
      'step-entered',
      'decision-taken',
      'level-escalated',
      'step-entered',
      'step-entered',
      'incident-closed',
    ]);
    const out = await runCli(['log', 'export', id, '--format', 'json', '--db', db]);
    const sent = (JSON.parse(out.stdout) as { events: { type: string; at: string; sentAt?: string }[] }).events.find((e) => e.type === 'notification-sent');
    expect(Date.parse(sent?.at ?? '') - Date.parse(sent?.sentAt ?? '')).toBeGreaterThanOrEqual(20 * 60_000);
    const verify = await runCli(['log', 'verify', id, '--db', db]);
    expect(verify.exitCode).toBe(0);
  }, 90_000);

  it('exits 130 on Ctrl+C, says how to resume, and keeps what was confirmed', async () => {
    const t = respond('crisis-e2e-ctrlc', `--new --plan '${plan}' --title 'Interrupted' --aware PT0S`);
    await t.waitFor('What now?');
    await t.choose('Done: Confirm the report');
    await t.waitFor('[x] Confirm the report');
    t.keys('C-c');
    const screen = await t.waitFor('Resume with: crisis respond --incident');
    expect(screen).not.toMatch(/at .*\.js:\d+/); // no stack trace
    expect(await exitCode()).toBe(130);
    const list = await runCli(['log', 'list', '--format', 'json', '--db', db]);
    const interrupted = (JSON.parse(list.stdout) as { id: string; title: string }[]).find((i) => i.title === 'Interrupted');
    expect(await eventTypes(interrupted?.id ?? '')).toContain('action-done');
  }, 60_000);
  it('offers severities under the ids --severity takes', async () => {
    const northland = join(projectRoot, 'playbooks/national/example-northland.yaml');
    const t = respond('crisis-e2e-severity', `--new --plan '${northland}' --title 'Which severity' --aware PT0S`);
    const screen = await t.waitFor('Severity');
    expect(screen).toMatch(/\(national-crisis; significant incident\)/);
    expect(screen).toMatch(/\(significant; /);
    t.keys('C-c');
    expect(await exitCode()).toBe(130);
  }, 60_000);
});

describe.runIf(hasTmux() || process.env['CI'] === 'true')('crisis respond after kill -9', () => {
  it('loses nothing that was acknowledged and resumes at the same step', async () => {
    const t = respond('crisis-e2e-kill', `--new --plan '${plan}' --title 'Killed' --aware PT0S`);
    await t.waitFor('What now?');
    await t.choose('Done: Confirm the report');
    await t.waitFor('[x] Confirm the report');
    await t.choose('Continue to assess');
    await t.waitFor('Move on anyway?');
    t.type('y');
    t.keys('Enter');
    await t.waitFor('Why move on with these open?');
    t.type('Warning phoned in already');
    t.keys('Enter');
    await t.waitFor('Decision: Is it large-scale?');
    execFileSync('pkill', ['-KILL', '-f', `respond --db ${db} --responder ana --new --plan ${plan} --title Killed`]);
    expect(await exitCode()).toBe(137); // killed by SIGKILL: no chance to clean up

    const list = await runCli(['log', 'list', '--format', 'json', '--db', db]);
    const killed = (JSON.parse(list.stdout) as { id: string; title: string; closed: boolean }[]).find((i) => i.title === 'Killed');
    expect(killed?.closed).toBe(false);
    const r = respond('crisis-e2e-after-kill', `--incident ${killed?.id ?? ''}`);
    await r.waitFor('STEP  Assess the scale');
    expect(await eventTypes(killed?.id ?? '')).toEqual(['incident-opened', 'clock-started', 'step-entered', 'action-done', 'step-entered']);
    const out = await runCli(['log', 'export', killed?.id ?? '', '--format', 'json', '--db', db]);
    const moved = (JSON.parse(out.stdout) as { events: { leftOpen?: unknown }[] }).events.at(-1);
    expect(moved?.leftOpen).toEqual({ actions: [], notifications: ['warn'], reason: 'Warning phoned in already' });
    await r.choose('Pause');
    expect(await exitCode()).toBe(0);
    expect((await runCli(['log', 'verify', '--db', db])).exitCode).toBe(0);
  }, 60_000);
});

describe('crisis respond without a terminal', () => {
  it('exits 2 and names the non-interactive commands', async () => {
    const out = await runCli(['respond', '--db', db]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toContain('needs a terminal');
    expect(out.stderr).toContain('crisis status');
    expect(out.stdout).toBe('');
  });
});
