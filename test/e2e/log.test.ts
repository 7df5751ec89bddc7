// The scriptable companions: status, note, log list|show|export|verify, on a real SQLite log.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openIncident, type IncidentEvent } from '../../src/core/engine/index.js';
import type { Plan } from '../../src/core/plan/types.js';
import { openEventLog } from '../../src/adapters/sqlite/sqlite-event-log.js';
import { eventHashV2, LOG_ORIGIN } from '../../src/adapters/log-chain/hash-chain.js';
import type { EventRow } from '../../src/adapters/sqlite/rows.js';
import type { JsonValue } from '../../src/adapters/log-chain/canonical-json.js';
import { projectRoot, runCli, tempDir } from '../helpers/run-cli.js';

const dir = tempDir();
const db = join(dir.path, 'crisis.db');
const planText = readFileSync(join(projectRoot, 'test/fixtures/plans/walk-plan.yaml'), 'utf8');
const plan = parse(planText) as Plan;
const aware = new Date(Date.now() - 30 * 3600_000); // the 24 h early warning is overdue

beforeAll(async () => {
  const log = openEventLog<IncidentEvent>(db);
  await log.createIncident({ id: 'inc-a', title: 'Ransomware, hospital', planId: 'walk-test', createdAt: aware.toISOString(), plans: [{ planId: 'walk-test', text: planText }] });
  await log.appendAll('inc-a', openIncident(new Map([['walk-test', plan]]), { planId: 'walk-test', title: 'Ransomware, hospital', awareness: aware, at: aware, actor: 'ana' }));
  await log.close();
});
afterAll(() => dir.cleanup());

const crisis = (...args: string[]) => runCli([...args, '--db', db]);

describe('incident companions', () => {
  it('status puts the overdue clock first, in text and json', async () => {
    const text = await crisis('status');
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toMatch(/Early warning OVERDUE by 6 h/);
    const json = await crisis('status', '--format', 'json', '--incident', 'inc-a');
    const body = JSON.parse(json.stdout) as { clocks: { id: string; status: string }[]; current: { stepId: string } };
    expect(body.clocks[0]).toMatchObject({ id: 'early-warning', status: 'overdue' });
    expect(body.current.stepId).toBe('triage');
  });

  it('note appends from another terminal, and the timeline shows it', async () => {
    const note = await runCli(['note', 'Hospital', 'CISO', 'called', '--db', db], { env: { CRISIS_RESPONDER: 'ben' } });
    expect(note.exitCode).toBe(0);
    const show = await crisis('log', 'show', 'inc-a');
    expect(show.stdout).toContain('Hospital CISO called');
    expect(show.stdout).toContain('(ben)');
  });

  it('lists incidents', async () => {
    const list = await crisis('log', 'list', '--format', 'json');
    expect((JSON.parse(list.stdout) as { id: string; closed: boolean }[]).map((i) => [i.id, i.closed])).toEqual([['inc-a', false]]);
  });

  it.each(['md', 'json', 'jsonl', 'csv'])('exports %s', async (format) => {
    const out = await crisis('log', 'export', 'inc-a', '--format', format);
    expect(out.exitCode).toBe(0);
    // Every export carries the incident's TLP marking (the walk-test plan is CLEAR).
    if (format === 'json') expect(JSON.parse(out.stdout) as { tlp: string; events: unknown[] }).toMatchObject({ tlp: 'CLEAR', events: expect.objectContaining({ length: 4 }) });
    if (format === 'jsonl') {
      const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; tlp: string });
      expect(lines.map((l) => l.type)).toEqual(['incident-opened', 'clock-started', 'step-entered', 'note-added']);
      expect(new Set(lines.map((l) => l.tlp))).toEqual(new Set(['CLEAR']));
    }
    if (format === 'csv') {
      expect(out.stdout.split('\r\n')[0]).toBe('tlp,seq,at,actor,type,plan,step,summary,hash');
      expect(out.stdout.split('\r\n')[1]).toMatch(/^TLP:CLEAR,1,/);
    }
    if (format === 'md') {
      expect(out.stdout).toContain('# Incident inc-a: Ransomware, hospital');
      expect(out.stdout.split('\n')[0]).toBe('**TLP:CLEAR**');
      expect(out.stdout.trimEnd().split('\n').at(-1)).toBe('**TLP:CLEAR**');
    }
  });

  it('verify passes, then finds the altered row and exits 1', async () => {
    const ok = await crisis('log', 'verify');
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).toMatch(/^ok: 4 events in 1 incident, hash chain intact/);
    const tampered = join(dir.path, 'tampered.db');
    copyFileSync(db, tampered);
    const raw = new Database(tampered);
    for (const { name } of raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'").all() as { name: string }[]) raw.exec(`DROP TRIGGER "${name}"`);
    raw.prepare("UPDATE events SET payload = replace(payload, 'Hospital', 'Clinic') WHERE seq = 4").run();
    raw.close();
    const out = await runCli(['log', 'verify', '--db', tampered]);
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toContain('first broken sequence number 4');
  });

  it('verify prints the head to keep; --anchor finds it, and misses it once the chain was rewritten', async () => {
    const ok = await crisis('log', 'verify', 'inc-a');
    const head = /^head inc-a #(\d+) (sha256:[0-9a-f]{64})$/m.exec(ok.stdout);
    expect(head).not.toBeNull();
    const [, seq = '', anchor = ''] = head ?? [];
    const found = await crisis('log', 'verify', '--anchor', anchor);
    expect(found.exitCode).toBe(0);
    expect(found.stdout).toContain(`event #${seq} of inc-a, unchanged up to there`);
    expect((await crisis('log', 'export', 'inc-a', '--format', 'md')).stdout).toContain(`head #${seq} \`${anchor}\``);

    // An insider rewrites the first event, recomputes every hash after it and puts the
    // triggers back: verify alone passes, the kept anchor does not.
    const rewritten = join(dir.path, 'rewritten.db');
    copyFileSync(db, rewritten);
    const raw = new Database(rewritten);
    const triggers = raw.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as { name: string; sql: string }[];
    for (const { name } of triggers) raw.exec(`DROP TRIGGER "${name}"`);
    const rows = raw.prepare('SELECT * FROM events ORDER BY pos').all() as EventRow[];
    let prevHash = rows[0]?.prev_hash ?? '';
    let logPrevHash = LOG_ORIGIN;
    for (const row of rows) {
      const original = JSON.parse(row.payload) as { [key: string]: JsonValue };
      const payload = row.seq === 1 ? { ...original, title: 'Nothing happened' } : original;
      const hash = eventHashV2({ incidentId: row.incident_id, seq: row.seq, pos: row.pos, type: row.type, at: row.at, actor: row.actor, payload, prevHash, logPrevHash });
      raw.prepare('UPDATE events SET payload = ?, hash = ?, prev_hash = ?, log_prev_hash = ? WHERE pos = ?').run(JSON.stringify(payload), hash, prevHash, logPrevHash, row.pos);
      prevHash = hash;
      logPrevHash = hash;
    }
    for (const { sql } of triggers) raw.exec(sql);
    // The note left a replay checkpoint naming the old last hash: verify sees that it is gone...
    const kept = await runCli(['log', 'verify', '--db', rewritten]);
    expect(kept.exitCode).toBe(1);
    expect(kept.stdout).toMatch(/^BROKEN: the replay checkpoint of incident inc-a at event \d+ names an event hash the log does not have/m);
    // ...so a careful insider deletes it too (a cache, not evidence): then only the anchor tells.
    raw.exec('DELETE FROM state_checkpoints');
    raw.close();
    const plain = await runCli(['log', 'verify', '--db', rewritten]);
    expect(plain.exitCode).toBe(0);
    const anchored = await runCli(['log', 'verify', '--db', rewritten, '--anchor', anchor]);
    expect(anchored.exitCode).toBe(1);
    // The verdict first, and no 'ok' anywhere once a kept anchor is gone.
    expect(anchored.stdout.split('\n')[0]).toMatch(new RegExp(`^ANCHOR NOT FOUND: ${anchor}`));
    expect(anchored.stdout).not.toMatch(/^ok: /m);
  });

  it('verify reports dropped append-only triggers with exit 1, though no hash changed', async () => {
    const dropped = join(dir.path, 'dropped.db');
    copyFileSync(db, dropped);
    const raw = new Database(dropped);
    raw.exec('DROP TRIGGER events_no_delete');
    raw.close();
    const out = await runCli(['log', 'verify', '--db', dropped]);
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toBe("BROKEN: the log's schema was altered: trigger events_no_delete is missing (the append-only protection of events was removed)\n");
    const md = await runCli(['log', 'export', 'inc-a', '--format', 'md', '--db', dropped]);
    expect(md.stdout).toContain("- Log integrity: BROKEN: the log's schema was altered: trigger events\\_no\\_delete is missing");
  });

  it('verify --help says what only an anchor can prove', async () => {
    const out = await runCli(['log', 'verify', '--help']);
    expect(out.stdout).toContain('Only an anchor can prove:');
    expect(out.stdout).toContain('nothing was cut from the very end of the log');
    expect(out.stdout).toContain('the log was not rewritten consistently');
  });

  it('verify refuses an anchor that is not a hash with exit 2', async () => {
    const out = await crisis('log', 'verify', '--anchor', 'yesterday');
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toContain("'yesterday' is not a chain hash");
  });

  it('refuses a file that is not a crisis log with exit 2 and leaves it alone', async () => {
    const notOurs = join(dir.path, 'notes.db');
    writeFileSync(notOurs, 'this is not sqlite');
    const out = await runCli(['log', 'list', '--db', notOurs]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(/notes\.db/);
    expect(readFileSync(notOurs, 'utf8')).toBe('this is not sqlite');
  });

  it('exits 2 for an unknown incident', async () => {
    const out = await crisis('log', 'show', 'inc-none');
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toContain('no incident inc-none');
  });
});
