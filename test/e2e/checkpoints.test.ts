// Replay checkpoints on a real SQLite log: a note leaves one, status resumes from it and says
// exactly what a full replay says, a checkpoint that no longer fits the log is not used, and
// `crisis log verify` catches one that was changed by hand.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
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
const aware = new Date(Date.now() - 30 * 3600_000);
const NOTES = 500;

beforeAll(async () => {
  const log = openEventLog<IncidentEvent>(db);
  await log.createIncident({ id: 'inc-a', title: 'Ransomware, hospital', planId: 'walk-test', createdAt: aware.toISOString(), plans: [{ planId: 'walk-test', text: planText }] });
  await log.appendAll('inc-a', openIncident(new Map([['walk-test', plan]]), { planId: 'walk-test', title: 'Ransomware, hospital', awareness: aware, at: aware, actor: 'ana' }));
  const notes = Array.from({ length: NOTES }, (_, i): IncidentEvent => ({ type: 'note-added', text: `note ${i}`, at: new Date(aware.getTime() + 1000 + i).toISOString(), actor: 'ana' }));
  await log.appendAll('inc-a', notes);
  await log.close();
});
afterAll(() => dir.cleanup());

interface Row { seq: number; hash: string; format: string; state: string }
const checkpointOf = (path: string): Row | undefined => {
  const sqlite = new Database(path, { readonly: true });
  try {
    return sqlite.prepare('SELECT seq, hash, format, state FROM state_checkpoints WHERE incident_id = ?').get('inc-a') as Row | undefined;
  } finally {
    sqlite.close();
  }
};
const edit = (path: string, sql: string, ...params: unknown[]): void => {
  const sqlite = new Database(path);
  try {
    sqlite.prepare(sql).run(...params);
  } finally {
    sqlite.close();
  }
};
const copy = (name: string): string => {
  const path = join(dir.path, name);
  copyFileSync(db, path);
  return path;
};
const statusOf = async (path: string): Promise<unknown> => {
  const out = await runCli(['status', '--format', 'json', '--db', path]);
  expect(out.exitCode, out.stderr).toBe(0);
  // Without the moment it was asked and the clocks' times left, which move between two runs.
  return JSON.parse(out.stdout, (key, value: unknown) => (key === 'at' || key.endsWith('Ms') ? undefined : value)) as unknown;
};

describe('replay checkpoints', () => {
  it('a note leaves one at its event; status from it says what a full replay says', async () => {
    const before = await statusOf(db); // no checkpoint yet: a full replay
    const note = await runCli(['note', 'Backups', 'verified', '--db', db]);
    expect(note.exitCode, note.stderr).toBe(0);
    const kept = checkpointOf(db);
    expect(kept?.seq).toBeGreaterThan(NOTES);
    expect(note.stdout).toContain(`as event ${kept?.seq}.`);
    const resumed = await statusOf(db);
    const replayed = copy('replayed.db');
    edit(replayed, 'DELETE FROM state_checkpoints');
    expect(await statusOf(replayed)).toEqual(resumed);
    expect(resumed).toMatchObject((before as Record<string, unknown>));
    const verify = await runCli(['log', 'verify', '--db', db]);
    expect(verify.exitCode, verify.stdout).toBe(0);
  });

  it('a later note resumes from it and keeps it until enough events were added', async () => {
    const first = checkpointOf(db);
    const note = await runCli(['note', 'Call', 'at', '09:00', '--db', db]);
    expect(note.exitCode, note.stderr).toBe(0);
    expect(checkpointOf(db)?.seq).toBe(first?.seq);
    const timeline = await runCli(['log', 'show', 'inc-a', '--db', db]);
    expect(timeline.stdout).toContain('Call at 09:00');
  });

  it('is not used when the event it names no longer has its hash', async () => {
    const path = copy('stale.db');
    edit(path, "UPDATE state_checkpoints SET hash = 'f00d', state = json_set(state, '$.state.meta.title', 'FORGED')");
    const out = await runCli(['status', '--db', path]);
    expect(out.exitCode, out.stderr).toBe(0);
    expect(out.stdout).not.toContain('FORGED');
    const verify = await runCli(['log', 'verify', '--db', path]);
    expect(verify.exitCode).toBe(1);
    expect(verify.stdout).toMatch(/^BROKEN: the replay checkpoint of incident inc-a at event \d+ names an event hash the log does not have/m);
  });

  it('log verify finds one changed by hand, by a full replay', async () => {
    const path = copy('forged.db');
    edit(path, "UPDATE state_checkpoints SET state = json_set(state, '$.state.meta.title', 'FORGED')");
    // status trusts it (that is what makes it fast), as it trusts the events without re-hashing them...
    expect((await runCli(['status', '--db', path])).stdout).toContain('FORGED');
    // ...and verify, which vouches for the log, replays everything.
    const verify = await runCli(['log', 'verify', '--db', path]);
    expect(verify.exitCode).toBe(1);
    expect(verify.stdout).toMatch(/^BROKEN: the replay checkpoint of incident inc-a at event \d+ differs from a full replay of the log/m);
    expect(verify.stdout).toContain('its events are intact');
  });

  it('an exercise run kept in a log leaves one at its last event', async () => {
    const path = join(dir.path, 'exercise.db');
    const run = await runCli(['exercise', 'run', join(projectRoot, 'playbooks/exercises/ddos-national.yaml'), '--db', path]);
    expect(run.exitCode, run.stderr).toBe(0);
    const sqlite = new Database(path, { readonly: true });
    const last = sqlite.prepare('SELECT incident_id, max(seq) AS seq FROM events').get() as { incident_id: string; seq: number };
    const kept = sqlite.prepare('SELECT seq FROM state_checkpoints WHERE incident_id = ?').get(last.incident_id) as { seq: number } | undefined;
    sqlite.close();
    expect(kept?.seq).toBe(last.seq);
    expect((await runCli(['log', 'verify', '--db', path])).exitCode).toBe(0);
  });

  it('one written by another version is left alone: replayed, not judged', async () => {
    const path = copy('other-version.db');
    edit(path, "UPDATE state_checkpoints SET format = 'head-0 crisis 0.0.1', state = json_set(state, '$.state.meta.title', 'FORGED')");
    const out = await runCli(['status', '--db', path]);
    expect(out.stdout).not.toContain('FORGED');
    expect((await runCli(['log', 'verify', '--db', path])).exitCode).toBe(0);
  });
});
