// Two terminals on one incident in the team log, each its own responder and database connection:
// a teammate's choice shows on the other screen within a second; the server restarted under an
// open walkthrough is reported at once, the responder goes on in a local copy, pushes it back,
// and the team log verifies. This file runs its own cluster, since it restarts the server.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPostgresLog } from '../../src/adapters/postgres/postgres-event-log.js';
import { openIncident, type IncidentEvent } from '../../src/core/engine/index.js';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Plan } from '../../src/core/plan/types.js';
import { pgBinDir, startCluster, type RunningCluster } from '../helpers/pg-cluster.js';
import { describePg, freshTeamDb, type TeamDb } from '../helpers/pg-test-db.js';
import { binPath, projectRoot, runCli, tempDir } from '../helpers/run-cli.js';
import { TmuxSession, exitCodeOf, hasTmux, startCrisis } from '../helpers/tmux.js';

const planText = readFileSync(join(projectRoot, 'test/fixtures/plans/walk-plan.yaml'), 'utf8');
const plan = parse(planText) as Plan;
const dir = tempDir();
const sessions: TmuxSession[] = [];

const describeTty = hasTmux() && pgBinDir() !== undefined ? describePg : describePg.skip;

describeTty('two terminals on the team log', () => {
  let server: RunningCluster;
  let db: TeamDb;
  beforeAll(async () => {
    server = await startCluster();
    db = await freshTeamDb(['ana', 'ben'], server.cluster);
    const log = await openPostgresLog<IncidentEvent>(db.url('ana'));
    const aware = new Date(Date.now() - 3600_000);
    const events = openIncident(new Map([['walk-test', plan]]), { planId: 'walk-test', title: 'Ransomware, hospital', awareness: aware, at: aware, actor: 'ana' });
    await log.createIncident({ id: 'inc-w', title: 'Ransomware, hospital', planId: 'walk-test', createdAt: aware.toISOString(), plans: [{ planId: 'walk-test', text: planText }], events });
    await log.close();
  }, 120_000);
  afterAll(() => {
    sessions.forEach((s) => s.kill());
    server?.stop();
    dir.cleanup();
  });

  const respond = (role: 'ana' | 'ben'): TmuxSession => {
    const env = { PGPASSWORD: db.passwords.get(role) ?? '', XDG_DATA_HOME: join(dir.path, role), CRISIS_DB: null };
    const s = startCrisis(`crisis-team-${role}`, `respond --incident inc-w --responder ${role} --db '${db.bareUrl(role)}'`, join(dir.path, `${role}.rc`), projectRoot, binPath, env);
    sessions.push(s);
    return s;
  };

  it('shows a teammate’s choice live; survives a server restart on a local copy; pushed back, the team log verifies', async () => {
    const ana = respond('ana');
    const ben = respond('ben');
    await ana.waitFor('What now?');
    await ben.waitFor('What now?');
    expect(ana.capture()).not.toContain('[x] Confirm the report');
    await ben.choose('Done: Confirm the report');
    const chosen = Date.now();
    await ana.waitFor('[x] Confirm the report', 1_500); // no key pressed on ana's side
    expect(Date.now() - chosen).toBeLessThan(1_500);
    await ben.choose('Pause');
    expect(await exitCodeOf(join(dir.path, 'ben.rc'))).toBe(0);

    // The server goes down and comes back while ana's menu is open.
    server.restart();
    const told = await ana.waitFor('Continue on a local copy', 5_000);
    expect(told).toContain('The team log went away');
    expect(told).not.toContain(db.passwords.get('ana') ?? '?');
    ana.keys('Enter'); // yes: the default
    await ana.waitFor('What now?');
    expect(ana.capture()).toContain('[x] Confirm the report'); // what the server had confirmed came along
    await ana.choose('Add a note');
    await ana.waitFor('Note');
    ana.type('offline: isolated the VLAN');
    ana.keys('Enter');
    await ana.waitFor('What now?');
    await ana.choose('Pause');
    const end = (await ana.waitFor('When the team log is back')).replace(/\n/g, '');
    expect(end).toMatch(/crisis log push inc-w --to postgres:\/\/ana_\w+@127\.0\.0\.1:\d+\/crisis_\w+/);
    expect(await exitCodeOf(join(dir.path, 'ana.rc'))).toBe(0);

    const local = join(dir.path, 'ana', 'crisis', 'crisis.db');
    const push = await runCli(['log', 'push', 'inc-w', '--to', db.url('ana'), '--db', local]);
    expect(push.exitCode, push.stderr).toBe(0);
    expect(push.stdout).toMatch(/Added 1 event to incident inc-w/);
    const verify = await runCli(['log', 'verify', '--db', db.url('ben')]);
    expect(verify.exitCode, verify.stdout).toBe(0);
    const shown = await runCli(['log', 'show', 'inc-w', '--db', db.url('ben')]);
    expect(shown.stdout).toContain('offline: isolated the VLAN');
  }, 90_000);
});
