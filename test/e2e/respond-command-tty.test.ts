// Issue 7, part 1, in a real terminal: a hostile command cannot spoof the screen, the menu or the
// confirmation; it does not see the responder's secrets; Ctrl+C stops its whole group and is logged.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openEventLog } from '../../src/adapters/sqlite/sqlite-event-log.js';
import { openIncident, type IncidentEvent } from '../../src/core/engine/index.js';
import type { Plan } from '../../src/core/plan/types.js';
import { TmuxSession, exitCodeOf, hasTmux } from '../helpers/tmux.js';
import { binPath, projectRoot, runCli, tempDir } from '../helpers/run-cli.js';

const dir = tempDir();
const db = join(dir.path, 'crisis.db');
const rcFile = join(dir.path, 'rc');
const sessions: TmuxSession[] = [];

// The plan: the screen was to show a harmless ping while sh -c wrote a secret to a file.
const hostilePlan = readFileSync(join(projectRoot, 'test/fixtures/plans/walk-plan.yaml'), 'utf8').replace('    actions: [Confirm the report]\n', () =>
  [
    '    actions: [Confirm the report]',
    '    run:',
    '      argv: [sh, -c, "printf %s \\"$SECRET_TOKEN\\" > leak.txt; echo group $$; echo x\\e[2K\\rCommand: ping -c 1 example.org\\e[8m; sleep 30 & sleep 30"]',
    '',
  ].join('\n'),
);

/** An incident on the hostile plan, as an older version (one without run/control-characters) would have opened it. */
async function seedIncident(id = 'inc-hostile'): Promise<string> {
  const plan = parse(hostilePlan) as Plan;
  const plans = new Map([[plan.metadata.id, plan]]);
  const log = openEventLog<IncidentEvent>(db);
  const at = new Date();
  await log.createIncident({ id, title: 'Hostile command', planId: plan.metadata.id, createdAt: at.toISOString(), plans: [{ planId: plan.metadata.id, text: hostilePlan }] });
  await log.appendAll(id, openIncident(plans, { planId: plan.metadata.id, title: 'Hostile command', awareness: at, at, actor: 'ana' }));
  await log.close();
  return id;
}

/** Start crisis respond on an incident in a terminal, with SECRET_TOKEN set. */
function respond(name: string, id: string): TmuxSession {
  // Ctrl+C outside a prompt is a real SIGINT to the terminal's foreground group, the wrapping sh
  // included: the trap keeps that sh (not crisis, where a trap is reset at exec) alive to write rc.
  rmSync(rcFile, { force: true });
  const line = `trap 'true' INT; cd '${dir.path}' && node '${binPath}' respond --db '${db}' --responder ana --incident ${id}; echo $? > '${rcFile}'; sleep 30`;
  const t = TmuxSession.start(name, line, { NO_COLOR: '1', TERM: 'xterm-256color', SECRET_TOKEN: 's3cret' });
  sessions.push(t);
  return t;
}

function groupRuns(pgid: number): boolean {
  return execFileSync('ps', ['-eo', 'pgid=,stat='])
    .toString()
    .split('\n')
    .some((row) => {
      const [group, stat = ''] = row.trim().split(/\s+/);
      return Number(group) === pgid && !stat.startsWith('Z');
    });
}

describe.runIf(hasTmux() || process.env['CI'] === 'true')('crisis respond runs a step command safely in a terminal', () => {
  beforeAll(() => expect(existsSync(binPath)).toBe(true));
  afterAll(() => {
    sessions.forEach((s) => s.kill());
    dir.cleanup();
  });

  it('refuses to open an incident on a plan whose argv holds control characters', async () => {
    const file = join(dir.path, 'hostile.yaml');
    writeFileSync(file, hostilePlan);
    const out = await runCli(['validate', file, '--format', 'json']);
    expect(out.exitCode).toBe(1);
    const findings = (JSON.parse(out.stdout) as { findings: { rule: string; line: number; column: number }[] }).findings;
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'run/control-characters', line: 35, column: 22 }));
  });

  it('shows the escapes, hides nothing from the confirmation, keeps secrets out, and stops the group on Ctrl+C', async () => {
    const id = await seedIncident();
    const t = respond('crisis-e2e-command', id);
    const step = await t.waitFor('What now?');
    // No line of the terminal reads as the forged one, and the real command is there, escaped.
    expect(step.split('\n').some((l) => l.trimStart().startsWith('Command: ping'))).toBe(false);
    expect(step).toContain("\\x1b[2K\\rCommand: ping -c 1 example.org\\x1b[8m");
    expect(step).toMatch(/Run sh -c \$'printf %s/);

    await t.choose('Run sh -c');
    const confirm = await t.waitFor('Run this command now?');
    expect(confirm).toContain('Command (one argument per line):\n    sh\n      -c\n      $\'printf %s "$SECRET_TOKEN" > leak.txt;');
    expect(confirm).toContain(`Working folder: ${dir.path}`);
    expect(confirm).toContain('Environment: PATH, HOME, LANG, LC_*, TERM, TZ only');
    expect(confirm.split('\n').some((l) => l.trimStart().startsWith('Command: ping'))).toBe(false);
    t.type('y');
    t.keys('Enter');
    await t.waitFor('Ctrl+C stops the command');
    await new Promise((r) => setTimeout(r, 700));
    const started = Date.now();
    t.keys('C-c');
    const result = await t.waitFor('interrupted by the responder', 6_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    const pgid = Number(/group (\d+)/.exec(result)?.[1]);
    expect(pgid).toBeGreaterThan(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(groupRuns(pgid)).toBe(false); // the sleeps went with it
    expect(readFileSync(join(dir.path, 'leak.txt'), 'utf8')).toBe(''); // SECRET_TOKEN never reached it

    // The result waits for the responder (its prompt is drawn just after the result: waited for, not assumed).
    expect(await t.waitFor('The command has finished', 15_000)).toContain('interrupted by the responder');
    await t.choose('Continue');
    await t.choose('Pause');
    await t.waitFor('(Hostile command). Everything is saved.');
    expect(await exitCodeOf(rcFile)).toBe(0);

    const exported = await runCli(['log', 'export', id, '--format', 'json', '--db', db]);
    const events = (JSON.parse(exported.stdout) as { events: IncidentEvent[] }).events;
    expect(events.map((e) => e.type).slice(-2)).toEqual(['command-started', 'command-run']);
    expect(events.at(-2)).toMatchObject({ cwd: dir.path, env: [] });
    expect(events.at(-1)).toMatchObject({ interrupted: true, exitCode: null });
    const shown = await runCli(['log', 'show', id, '--db', db]);
    expect(shown.stdout).toContain(`│ group ${pgid}`);
  });

  it('leaves command-started in the log when crisis is killed while the command runs, and warns on resume', async () => {
    const id = await seedIncident('inc-killed');
    const t = respond('crisis-e2e-command-kill', id);
    await t.choose('Run sh -c');
    await t.waitFor('Run this command now?');
    t.type('y');
    t.keys('Enter');
    const running = await t.waitFor('Ctrl+C stops the command');
    const crisis = execFileSync('ps', ['-eo', 'pid=,args='])
      .toString()
      .split('\n')
      .find((l) => l.includes(binPath) && l.includes(`--incident ${id}`) && !l.includes('sh -c'));
    const pid = Number(crisis?.trim().split(/\s+/)[0]);
    expect(pid, running).toBeGreaterThan(1);
    process.kill(pid, 'SIGKILL');
    await exitCodeOf(rcFile);
    const events = (JSON.parse((await runCli(['log', 'export', id, '--format', 'json', '--db', db])).stdout) as { events: IncidentEvent[] }).events;
    expect(events.at(-1)).toMatchObject({ type: 'command-started', cwd: dir.path });
    // The command's own group outlives a kill -9 of crisis (nothing can stop it then): clean up.
    const command = execFileSync('ps', ['-eo', 'pgid=,args='])
      .toString()
      .split('\n')
      .find((l) => l.includes('leak.txt') && l.includes('sh -c'));
    const pgid = Number(command?.trim().split(/\s+/)[0]);
    if (pgid > 1) process.kill(-pgid, 'SIGKILL');

    const again = respond('crisis-e2e-command-resume', id);
    await again.waitFor('has no result in the log');
    await again.choose('Pause');
    expect(await exitCodeOf(rcFile)).toBe(0);
  });
});
