// Which incident `status` and `note` mean without --incident: never an exercise (whose simulated
// time may be 2099) while a real incident is open; `note` refuses to guess between two real ones;
// confirmations name the incident's title.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openIncident, type IncidentEvent } from '../../src/core/engine/index.js';
import type { Plan } from '../../src/core/plan/types.js';
import { openEventLog } from '../../src/adapters/sqlite/sqlite-event-log.js';
import { projectRoot, runCli, tempDir } from '../helpers/run-cli.js';

const dir = tempDir();
afterAll(() => dir.cleanup());
const planText = readFileSync(join(projectRoot, 'test/fixtures/plans/walk-plan.yaml'), 'utf8');
const plan = parse(planText) as Plan;

/** Add an open incident on the walk-test plan, opened at `at`. */
async function addIncident(db: string, id: string, title: string, at: Date): Promise<void> {
  const log = openEventLog<IncidentEvent>(db);
  await log.createIncident({ id, title, planId: 'walk-test', createdAt: at.toISOString(), plans: [{ planId: 'walk-test', text: planText }] });
  await log.appendAll(id, openIncident(new Map([['walk-test', plan]]), { planId: 'walk-test', title, awareness: at, at, actor: 'ana' }));
  await log.close();
}

const hoursAgo = (h: number): Date => new Date(Date.now() - h * 3600_000);
const future = new Date('2099-01-01T08:00:00Z');

describe('crisis status and note without --incident', () => {
  const db = join(dir.path, 'mixed.db');
  beforeAll(async () => {
    await addIncident(db, 'inc-20261129-a3f9', 'Ransomware, hospitals', hoursAgo(2));
    await addIncident(db, 'ex-20990101-drill', 'Exercise Drill: future outage', future);
  });

  it('status shows the real incident, not an exercise in simulated 2099', async () => {
    const text = await runCli(['status', '--db', db]);
    expect(text.exitCode).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe('inc-20261129-a3f9 · Ransomware, hospitals · open · TLP:CLEAR');
    const json = await runCli(['status', '--format', 'json', '--db', db]);
    expect((JSON.parse(json.stdout) as { incident: { id: string } }).incident.id).toBe('inc-20261129-a3f9');
  });

  it('note goes to the real incident and names it by its title', async () => {
    const note = await runCli(['note', 'PACS', 'servers', 'encrypted', '--db', db]);
    expect(note.exitCode).toBe(0);
    expect(note.stdout).toMatch(/^Note added to inc-20261129-a3f9 \(Ransomware, hospitals\) as event \d+\.\n$/);
    const exercise = await runCli(['log', 'export', 'ex-20990101-drill', '--format', 'jsonl', '--db', db]);
    expect(exercise.stdout).not.toContain('PACS');
  });

  it('note refuses to choose between two open real incidents, listing them with printable titles', async () => {
    await addIncident(db, 'inc-20261129-b7c2', 'DDoS, ministries\u001b[2J', hoursAgo(1));
    const note = await runCli(['note', 'which one?', '--db', db]);
    expect(note.exitCode).toBe(2);
    expect(note.stderr).toBe(
      // most recently active first: a3f9 just had a note
      `crisis: 2 incidents are open in ${db}: inc-20261129-a3f9 (Ransomware, hospitals), inc-20261129-b7c2 (DDoS, ministries\\x1b[2J); say which with --incident ID\n`,
    );
    const named = await runCli(['note', 'this one', '--incident', 'inc-20261129-b7c2', '--db', db]);
    expect(named.exitCode).toBe(0);
    expect(named.stdout).toContain('Note added to inc-20261129-b7c2 (DDoS, ministries\\x1b[2J)');
    // status still shows the most recently active real incident.
    const status = await runCli(['status', '--db', db]);
    expect(status.stdout.split('\n')[0]).toMatch(/^inc-20261129-b7c2 · /);
  });

  it('takes the exercise when it is the only open incident, naming it', async () => {
    const only = join(dir.path, 'exercise-only.db');
    await addIncident(only, 'ex-20990101-drill', 'Exercise Drill: future outage', future);
    const note = await runCli(['note', 'players', 'ready', '--db', only]);
    expect(note.exitCode).toBe(0);
    expect(note.stdout).toMatch(/^Note added to ex-20990101-drill \(Exercise Drill: future outage\) as event \d+\.\n$/);
  });
});
