// What the PostgreSQL server itself holds, whatever client writes: the tool's role may only
// select and insert, rows are never changed (even by the owner: triggers), each event is stamped
// with who wrote it and when by the server, chains are forked by no race, and a client killed
// mid-transaction leaves nothing. Several processes on separate connections share one incident.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPostgresLog } from '../../src/adapters/postgres/postgres-event-log.js';
import { describePg, freshTeamDb, type TeamDb } from '../helpers/pg-test-db.js';
import { sampleIncident } from './event-log-contract.js';
import { testEvent, type TestEvent } from './sqlite-helpers.js';

const child = join(import.meta.dirname, 'fixtures', 'pg-append-child.mjs');
const dist = resolve(import.meta.dirname, '..', '..', 'dist', 'adapters', 'postgres', 'postgres-event-log.js');

async function asRole(url: string, sql: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

describePg('the PostgreSQL server keeps the log', () => {
  let db: TeamDb;
  beforeAll(async () => {
    db = await freshTeamDb(['ana', 'ben', 'cleo', 'dan']);
    const log = await openPostgresLog<TestEvent>(db.url('ana'));
    await log.createIncident(sampleIncident('inc-1', [testEvent(1), testEvent(2)]));
    await log.close();
  });
  afterAll(async () => db.drop());

  it("refuses UPDATE, DELETE and TRUNCATE as the tool's role, and even as the tables' owner", async () => {
    for (const sql of ["UPDATE crisis.events SET actor = 'mallory'", 'DELETE FROM crisis.events', 'TRUNCATE crisis.events', "UPDATE crisis.incidents SET title = 'quiet'", 'DELETE FROM crisis.plan_snapshots']) {
      await expect(asRole(db.url('ana'), sql), sql).rejects.toThrow(/permission denied/);
      await expect(asRole(db.adminUrl, sql), sql).rejects.toThrow(/append-only/);
    }
    const log = await openPostgresLog<TestEvent>(db.url('ben'));
    expect(await log.verify()).toMatchObject({ ok: true });
    expect((await log.events('inc-1')).map((r) => r.event.actor)).toEqual(['alice', 'alice']);
    await log.close();
  });

  it('refuses an event added out of sequence or not linked to the one before it', async () => {
    const insert = (seq: number, pos: number, prev: string) =>
      asRole(db.url('ana'), `INSERT INTO crisis.events (incident_id, seq, pos, type, at, actor, payload, prev_hash, hash, scheme, log_prev_hash) VALUES ('inc-1', ${seq}, ${pos}, 't', 'a', 'b', '{}', '${prev}', 'h', 2, 'x')`);
    await expect(insert(5, 5, 'p')).rejects.toThrow(/added at the end, in sequence/);
    await expect(insert(3, 3, 'not-the-last-hash')).rejects.toThrow(/linked to the events before them/);
  });

  it('stamps each event with the authenticated user and the server clock, whatever the client claims', async () => {
    const log = await openPostgresLog<TestEvent>(db.url('cleo'));
    const before = Date.now();
    const recorded = await log.append('inc-1', { ...testEvent(3), actor: 'someone else' });
    const stamp = (await log.stamps('inc-1')).get(recorded.seq);
    await log.close();
    expect(recorded.event).toMatchObject({ actor: 'someone else', at: testEvent(3).at });
    expect(stamp?.user).toMatch(/^cleo_/);
    expect(stamp?.role).toMatch(/^cleo_/);
    expect(Date.parse(stamp?.at ?? '')).toBeGreaterThanOrEqual(before - 2_000);
    expect(Date.parse(stamp?.at ?? '')).toBeLessThanOrEqual(Date.now() + 2_000);
  });

  it('verify reports a trigger disabled, a trigger dropped and an UPDATE granted by someone', async () => {
    await db.admin('ALTER TABLE crisis.events DISABLE TRIGGER events_no_update');
    await db.admin('DROP TRIGGER plan_snapshots_no_delete ON crisis.plan_snapshots');
    await db.admin('GRANT UPDATE ON crisis.events TO crisis_writer');
    const log = await openPostgresLog<TestEvent>(db.url('ana'));
    const result = await log.verify();
    expect(result.ok).toBe(false);
    expect(result.schema).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/events_no_update on events is disabled/),
        expect.stringMatching(/plan_snapshots_no_delete on plan_snapshots is missing/),
        expect.stringMatching(/crisis_writer may UPDATE events/),
      ]),
    );
    await db.admin('ALTER TABLE crisis.events ENABLE TRIGGER events_no_update');
    await db.admin('REVOKE UPDATE ON crisis.events FROM crisis_writer');
    // Until the dropped trigger is made again, verify keeps saying so.
    expect((await log.verify()).schema).toEqual([expect.stringMatching(/plan_snapshots_no_delete/)]);
    await db.admin('CREATE TRIGGER plan_snapshots_no_delete BEFORE DELETE ON crisis.plan_snapshots FOR EACH ROW EXECUTE FUNCTION crisis.refuse_change()');
    expect(await log.verify()).toMatchObject({ ok: true });
    await log.close();
  });

  it('four processes on separate connections append 500 events each to one incident: nothing lost or duplicated, chain valid', async () => {
    expect(existsSync(dist), 'npm run build first').toBe(true);
    const log = await openPostgresLog<TestEvent>(db.url('ana'));
    await log.createIncident(sampleIncident('inc-busy'));
    const writers = (['ana', 'ben', 'cleo', 'dan'] as const).map((role) => {
      const proc = spawn(process.execPath, [child, db.url(role), 'inc-busy', '500', role]);
      let stderr = '';
      proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const acks: string[] = [];
      createInterface({ input: proc.stdout }).on('line', (l) => acks.push(l));
      return new Promise<{ code: number | null; stderr: string; acks: string[] }>((done) => proc.on('close', (code) => done({ code, stderr, acks })));
    });
    const results = await Promise.all(writers);
    for (const r of results) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.acks).toHaveLength(500);
    }
    const events = await log.events('inc-busy');
    expect(events).toHaveLength(2000);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 2000 }, (_, i) => i + 1));
    const keys = new Set(events.map((e) => `${e.event.actor}/${(e.event as TestEvent & { n: number }).n}`));
    expect(keys.size).toBe(2000);
    // Every acknowledged append is there at the seq it was acknowledged with.
    const bySeq = new Map(events.map((e) => [e.seq, `${e.event.actor}/${(e.event as TestEvent & { n: number }).n}`]));
    for (const r of results) for (const ack of r.acks) {
      const [, seq, actor, n] = ack.split(' ');
      expect(bySeq.get(Number(seq))).toBe(`${actor}/${n}`);
    }
    expect(await log.verify()).toMatchObject({ ok: true });
    await log.close();
  }, 120_000);

  it('a client killed with SIGKILL mid-transaction leaves no partial event, and the next writer goes on', async () => {
    const log = await openPostgresLog<TestEvent>(db.url('ana'));
    const before = (await log.events('inc-1')).length;
    const proc = spawn(process.execPath, [child, db.url('ben'), 'inc-1', '0', 'ben', 'hold']);
    const lines = createInterface({ input: proc.stdout })[Symbol.asyncIterator]();
    expect((await lines.next()).value).toBe('inserted');
    const exited = new Promise((done) => proc.on('close', (_code, signal) => done(signal)));
    proc.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    // The server notices the dead connection and rolls it back; the row is never visible.
    expect(await log.events('inc-1')).toHaveLength(before);
    const next = await log.append('inc-1', testEvent(9));
    expect(next.seq).toBe(before + 1);
    expect(await log.verify()).toMatchObject({ ok: true });
    await log.close();
  });
});
