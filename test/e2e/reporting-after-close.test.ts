// A closed response whose clocks are still owed stays open for its reporting: a note can still be
// added, status says so, and once every clock is met or waived nothing more can be logged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openIncident, type IncidentEvent } from '../../src/core/engine/index.js';
import type { Plan } from '../../src/core/plan/types.js';
import { openEventLog } from '../../src/adapters/sqlite/sqlite-event-log.js';
import { projectRoot, runCli, tempDir } from '../helpers/run-cli.js';

const dir = tempDir();
const db = join(dir.path, 'crisis.db');
const planText = readFileSync(join(projectRoot, 'test/fixtures/plans/walk-plan.yaml'), 'utf8');
const plan = parse(planText) as Plan;
const aware = new Date(Date.now() - 3600_000);

beforeAll(async () => {
  const log = openEventLog<IncidentEvent>(db);
  const opened = openIncident(new Map([['walk-test', plan]]), { planId: 'walk-test', title: 'Closed early', awareness: aware, at: aware, actor: 'ana' });
  const closed: IncidentEvent = { type: 'incident-closed', summary: 'Contained', at: new Date(aware.getTime() + 60_000).toISOString(), actor: 'ana' };
  await log.createIncident({ id: 'inc-r', title: 'Closed early', planId: 'walk-test', createdAt: aware.toISOString(), plans: [{ planId: 'walk-test', text: planText }], events: [...opened, closed] });
  await log.close();
});
afterAll(() => dir.cleanup());

const crisis = (...args: string[]) => runCli([...args, '--db', db]);

describe('reporting after the close of the response', () => {
  it('status says the response is closed and reporting open; a note can still be added', async () => {
    const status = await crisis('status', '--incident', 'inc-r');
    expect(status.stdout.split('\n')[0]).toContain('response closed, reporting open');
    const json = JSON.parse((await crisis('status', '--incident', 'inc-r', '--format', 'json')).stdout) as { incident: { closed: boolean; reportingOpen: boolean } };
    expect(json.incident).toMatchObject({ closed: true, reportingOpen: true });
    const note = await crisis('note', '--incident', 'inc-r', 'early warning phoned in by the entity');
    expect(note.exitCode, note.stderr).toBe(0);
    expect((await crisis('log', 'show', 'inc-r')).stdout).toContain('early warning phoned in by the entity');
  });

  it('refuses a note once no clock is owed', async () => {
    const log = openEventLog<IncidentEvent>(db);
    await log.append('inc-r', { type: 'clock-waived', planId: 'walk-test', clockId: 'early-warning', reason: 'reported through the sector CSIRT', at: new Date().toISOString(), actor: 'ana' });
    await log.close();
    const note = await crisis('note', '--incident', 'inc-r', 'too late');
    expect(note.exitCode).toBe(2);
    expect(note.stderr).toMatch(/is closed and every clock is met or waived/);
    expect((await crisis('status', '--incident', 'inc-r')).stdout.split('\n')[0]).toMatch(/ · closed · /);
  });
});
