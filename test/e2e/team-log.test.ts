// The team log end to end: `crisis` against a real PostgreSQL server, with responders' roles on
// separate connections; passwords only in PGPASSWORD or the URL, never printed; push and pull
// between a laptop's SQLite log and the team log; status --watch told by the server.
import { execa } from 'execa';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openEventLog } from '../../src/adapters/sqlite/sqlite-event-log.js';
import { openIncident, type IncidentEvent } from '../../src/core/engine/index.js';
import type { Plan } from '../../src/core/plan/types.js';
import { describePg, freshTeamDb, type TeamDb } from '../helpers/pg-test-db.js';
import { binPath, projectRoot, runCli, tempDir } from '../helpers/run-cli.js';

const planText = readFileSync(join(projectRoot, 'test/fixtures/plans/walk-plan.yaml'), 'utf8');
const plan = parse(planText) as Plan;
const dir = tempDir();
const laptop = join(dir.path, 'laptop.db');

describePg('the team log on PostgreSQL', () => {
  let db: TeamDb;
  // Each responder's password comes from PGPASSWORD, as a .pgpass or a session would give it.
  const as = (role: 'ana' | 'ben', ...args: string[]) => runCli([...args, '--db', db.bareUrl(role)], { env: { PGPASSWORD: db.passwords.get(role) ?? '' } });
  const secretsOf = () => [...db.passwords.values(), db.cluster.admin.password];

  beforeAll(async () => {
    db = await freshTeamDb(['ana', 'ben']);
    const aware = new Date(Date.now() - 3600_000);
    const log = openEventLog<IncidentEvent>(laptop);
    await log.createIncident({ id: 'inc-t', title: 'Ransomware, hospital', planId: 'walk-test', createdAt: aware.toISOString(), plans: [{ planId: 'walk-test', text: planText }] });
    await log.appendAll('inc-t', openIncident(new Map([['walk-test', plan]]), { planId: 'walk-test', title: 'Ransomware, hospital', awareness: aware, at: aware, actor: 'ana' }));
    await log.close();
  });
  afterAll(async () => {
    await db.drop();
    dir.cleanup();
  });

  it('setup is idempotent, --print shows the SQL only, and neither prints a password', async () => {
    const printed = await runCli(['log', 'setup', db.adminUrl, '--print']);
    expect(printed.exitCode).toBe(0);
    expect(printed.stdout).toMatch(/CREATE TRIGGER events_no_update/);
    expect(printed.stdout).toMatch(/GRANT INSERT ON crisis\.incidents, crisis\.plan_snapshots, crisis\.events TO crisis_writer/);
    const again = await runCli(['log', 'setup', db.adminUrl]);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/up to date \(schema 1\)/);
    const migrations = await db.admin<{ n: number }>('SELECT count(*)::integer AS n FROM crisis.migrations');
    expect(migrations.rows[0]?.n).toBe(1);
    const responder = await runCli(['log', 'setup', db.url('ana')]);
    expect(responder.exitCode).toBe(2);
    expect(responder.stderr).toMatch(/needs a database administrator's role/);
    for (const out of [printed, again, responder]) for (const secret of secretsOf()) expect(out.stdout + out.stderr).not.toContain(secret);
  });

  it('never shows a password: not in errors, not in --help, not in the log', async () => {
    const wrongPort = db.url('ana').replace(`:${db.cluster.port}/`, ':1/');
    const refused = await runCli(['log', 'list', '--db', wrongPort]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/Cannot reach the team log at postgres:\/\/ana_\w+@127\.0\.0\.1:1\//);
    const badPassword = db.url('ana').replace(/:pw-\w+@/, ':wrong-secret@');
    const denied = await runCli(['log', 'list', '--db', badPassword]);
    expect(denied.exitCode).toBe(2);
    expect(denied.stderr).toMatch(/refused the login/);
    // TLS options in the string are honoured: this test server has no TLS, so a required one fails.
    const tls = await runCli(['log', 'list', '--db', `${db.url('ana')}?sslmode=verify-full`]);
    expect(tls.exitCode).toBe(2);
    expect(tls.stderr).toMatch(/does not support SSL/);
    const help = await runCli(['status', '--help'], { env: { CRISIS_DB: db.url('ana') } });
    for (const out of [refused, denied, tls, help]) {
      for (const secret of [...secretsOf(), 'wrong-secret']) expect(out.stdout + out.stderr).not.toContain(secret);
    }
  });

  it('takes the password from a .pgpass file when the string and the environment have none', async () => {
    const pgpass = join(dir.path, 'pgpass');
    const login = new URL(db.bareUrl('ben')).username;
    writeFileSync(pgpass, `${db.cluster.host}:${db.cluster.port}:${db.name}:${login}:${db.passwords.get('ben') ?? ''}\n`, { mode: 0o600 });
    const list = await runCli(['log', 'list', '--db', db.bareUrl('ben')], { env: { PGPASSFILE: pgpass, PGPASSWORD: undefined } });
    expect(list.exitCode, list.stderr).toBe(0);
    const none = await runCli(['log', 'list', '--db', db.bareUrl('ben')], { env: { PGPASSFILE: join(dir.path, 'missing'), PGPASSWORD: undefined } });
    expect(none.exitCode).toBe(2);
  });

  it('push creates the incident on the team log; every command works there; the server stamps who wrote it', async () => {
    const push = await runCli(['log', 'push', 'inc-t', '--to', db.url('ana'), '--db', laptop]);
    expect(push.exitCode, push.stderr).toBe(0);
    expect(push.stdout).toMatch(/Copied incident inc-t with \d+ events to postgres:\/\/ana_\w+@/);
    expect(push.stdout).not.toContain(db.passwords.get('ana') ?? '?');
    const note = await as('ben', 'note', '--incident', 'inc-t', '--responder', 'ben', 'called the hospital CISO');
    expect(note.exitCode, note.stderr).toBe(0);
    const list = await as('ana', 'log', 'list');
    expect(list.stdout).toMatch(/inc-t\s+open/);
    expect((await as('ana', 'log', 'show', 'inc-t')).stdout).toContain('called the hospital CISO');
    const status = await as('ana', 'status', '--incident', 'inc-t', '--format', 'json');
    expect(JSON.parse(status.stdout)).toMatchObject({ incident: { id: 'inc-t' } });
    const verify = await as('ben', 'log', 'verify');
    expect(verify.exitCode, verify.stdout).toBe(0);
    expect(verify.stdout).toMatch(/ok: \d+ events in 1 incident, hash chain intact \(postgres:/);
    const stamps = await db.admin<{ db_user: string; actor: string }>("SELECT db_user, actor FROM crisis.events WHERE incident_id = 'inc-t' ORDER BY seq");
    // The opening events claim ana and were pushed by her role; the note was written by ben's.
    expect(stamps.rows.at(-1)).toMatchObject({ actor: 'ben', db_user: expect.stringMatching(/^ben_/) });
    expect(stamps.rows[0]).toMatchObject({ actor: 'ana', db_user: expect.stringMatching(/^ana_/) });
    // The json export shows both: the responder's claim and the server's stamp.
    const exported = JSON.parse((await as('ana', 'log', 'export', 'inc-t', '--format', 'json')).stdout) as { events: { actor: string; at: string; server: { user: string; at: string } }[] };
    expect(exported.events.at(-1)).toMatchObject({ actor: 'ben', server: { user: expect.stringMatching(/^ben_/), at: expect.stringMatching(/^\d{4}-/) } });
  });

  it('pull brings the team events to the laptop; offline notes are pushed back; a divergence is refused and loses nothing', async () => {
    const pull = await runCli(['log', 'pull', 'inc-t', '--from', db.url('ana'), '--db', laptop]);
    expect(pull.exitCode, pull.stderr).toBe(0);
    expect(pull.stdout).toMatch(/Added 1 event to incident inc-t/);
    // On the train: ana works on the laptop alone.
    expect((await runCli(['note', '--incident', 'inc-t', '--db', laptop, '--responder', 'ana', 'offline: isolated the VLAN'])).exitCode).toBe(0);
    const back = await runCli(['log', 'push', 'inc-t', '--to', db.url('ana'), '--db', laptop]);
    expect(back.stdout).toMatch(/Added 1 event to incident inc-t .* \(after event #\d+\)/);
    expect((await runCli(['log', 'push', 'inc-t', '--to', db.url('ana'), '--db', laptop])).stdout).toMatch(/already the same/);
    // Both write while apart: the chains diverge.
    expect((await runCli(['note', '--incident', 'inc-t', '--db', laptop, '--responder', 'ana', 'laptop only'])).exitCode).toBe(0);
    expect((await as('ben', 'note', '--incident', 'inc-t', '--responder', 'ben', 'team only')).exitCode).toBe(0);
    const before = (await as('ana', 'log', 'export', 'inc-t', '--format', 'json')).stdout;
    const refused = await runCli(['log', 'push', 'inc-t', '--to', db.url('ana'), '--db', laptop]);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/incident inc-t has diverged: event #(\d+) is note-added by ana at .* but note-added by ben at .*; nothing was copied/);
    expect(JSON.parse((await as('ana', 'log', 'export', 'inc-t', '--format', 'json')).stdout).events).toEqual(JSON.parse(before).events);
    expect((await runCli(['log', 'show', 'inc-t', '--db', laptop])).stdout).toContain('laptop only');
    expect((await as('ana', 'log', 'verify')).exitCode).toBe(0);
    expect((await runCli(['log', 'verify', '--db', laptop])).exitCode).toBe(0);
  });

  it('status --watch shows a teammate’s event within a second, told by the server', async () => {
    const watch = execa('node', [binPath, 'status', '--incident', 'inc-t', '--watch', '--format', 'json', '--db', db.bareUrl('ana')], {
      env: { NO_COLOR: '1', PGPASSWORD: db.passwords.get('ana') ?? '' },
      reject: false,
    });
    const lines: string[] = [];
    watch.stdout?.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter((l) => l.trim() !== '')));
    const waitLines = async (n: number, ms: number) => {
      const until = Date.now() + ms;
      while (lines.length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      return lines.length;
    };
    try {
      expect(await waitLines(1, 10_000)).toBe(1);
      const note = await as('ben', 'note', '--incident', 'inc-t', '--responder', 'ben', 'watch this');
      expect(note.exitCode).toBe(0);
      const told = Date.now();
      expect(await waitLines(2, 1_000)).toBe(2);
      expect(Date.now() - told).toBeLessThan(1_000);
      expect(JSON.parse(lines[1] ?? '{}')).toMatchObject({ incident: { id: 'inc-t' } });
    } finally {
      watch.kill('SIGTERM');
      await watch;
    }
  });
});
