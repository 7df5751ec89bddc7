import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { eventHashV2, LOG_ORIGIN, sha256Hex } from '../../src/adapters/log-chain/hash-chain.js';
import type { JsonValue } from '../../src/adapters/log-chain/canonical-json.js';
import type { EventRow } from '../../src/adapters/sqlite/rows.js';
import { openEventLog } from '../../src/adapters/sqlite/sqlite-event-log.js';
import { buildLog, createTestIncident, rawTamper, tempDir, verifyAt, type TestEvent } from './sqlite-helpers.js';


/** The scheme-2 hash of a stored row, with another payload and links. */
function rehash(row: EventRow, payload: JsonValue, prevHash: string, logPrevHash: string): string {
  return eventHashV2({ incidentId: row.incident_id, seq: row.seq, pos: row.pos, type: row.type, at: row.at, actor: row.actor, payload, prevHash, logPrevHash });
}

/**
 * Change event `from` of an incident and recompute every hash after it in the whole log, as an
 * insider who knows the schemes could: the one rewrite verify cannot see without an anchor.
 */
function rewriteChain(path: string, incidentId: string, from: number): void {
  const raw = new Database(path, { readonly: true });
  const start = raw.prepare(`SELECT pos FROM events WHERE incident_id = ? AND seq = ?`).pluck().get(incidentId, from) as number;
  const rows = raw.prepare(`SELECT * FROM events WHERE pos >= ? ORDER BY pos`).all(start) as EventRow[];
  const logPrev = raw.prepare(`SELECT hash FROM events WHERE pos = ?`).pluck().get(start - 1) as string | undefined;
  raw.close();
  const heads = new Map<string, string>(); // each incident's last rewritten hash
  let logPrevHash = logPrev ?? LOG_ORIGIN;
  for (const row of rows) {
    const original = JSON.parse(row.payload) as { [key: string]: JsonValue };
    const payload = row.incident_id === incidentId && row.seq === from ? { ...original, note: 'rewritten' } : original;
    const prevHash = heads.get(row.incident_id) ?? row.prev_hash;
    const hash = rehash(row, payload, prevHash, logPrevHash);
    rawTamper(path, `UPDATE events SET payload = ?, hash = ?, prev_hash = ?, log_prev_hash = ? WHERE pos = ?`, JSON.stringify(payload), hash, prevHash, logPrevHash, row.pos);
    heads.set(row.incident_id, hash);
    logPrevHash = hash;
  }
}

describe('verify', () => {
  it('passes on a clean log and counts incidents and events', async () => {
    const path = await buildLog();
    expect(await verifyAt(path)).toMatchObject({ ok: true, incidents: 2, events: 8 });
    expect(await verifyAt(path, 'inc-2')).toMatchObject({ ok: true, incidents: 1, events: 3 });
  });

  it("gives each incident's head: its last event and that event's hash", async () => {
    const path = await buildLog();
    const raw = new Database(path, { readonly: true });
    const last = raw.prepare(`SELECT hash FROM events WHERE incident_id = 'inc-1' AND seq = 5`).get() as { hash: string };
    raw.close();
    expect((await verifyAt(path)).heads).toEqual([
      { incidentId: 'inc-1', seq: 5, hash: last.hash },
      { incidentId: 'inc-2', seq: 3, hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
    expect((await verifyAt(path, 'inc-2')).heads.map((h) => h.incidentId)).toEqual(['inc-2']);
  });

  it('gives an incident with no events its genesis hash as the head', async () => {
    const path = join(tempDir(), 'crisis.db');
    const log = openEventLog<TestEvent>(path);
    await createTestIncident(log, 'inc-empty');
    await log.close();
    const raw = new Database(path, { readonly: true });
    const { genesis_hash: genesis } = raw.prepare(`SELECT genesis_hash FROM incidents`).get() as { genesis_hash: string };
    raw.close();
    expect((await verifyAt(path)).heads).toEqual([{ incidentId: 'inc-empty', seq: 0, hash: genesis }]);
  });

  it('finds anchors by their leading hex digits in the same pass: an event, a genesis, and not an unknown hash', async () => {
    const path = await buildLog();
    const raw = new Database(path, { readonly: true });
    const third = raw.prepare(`SELECT hash FROM events WHERE incident_id = 'inc-2' AND seq = 3`).get() as { hash: string };
    const { genesis_hash: genesis } = raw.prepare(`SELECT genesis_hash FROM incidents WHERE id = 'inc-1'`).get() as { genesis_hash: string };
    raw.close();
    const unknown = 'f'.repeat(16);
    expect((await verifyAt(path, undefined, [third.hash.slice(0, 16), genesis, unknown])).anchors).toEqual([
      { hex: third.hash.slice(0, 16), at: { incidentId: 'inc-2', seq: 3, hash: third.hash } },
      { hex: genesis, at: { incidentId: 'inc-1', seq: 0, hash: genesis } },
      { hex: unknown, at: undefined },
    ]);
    expect((await verifyAt(path, 'inc-1', [third.hash])).anchors).toEqual([{ hex: third.hash, at: undefined }]); // only the incident asked about
  });

  it('cannot see a rewrite whose whole chain was recomputed, but the old head is gone from it', async () => {
    const path = await buildLog();
    const before = (await verifyAt(path, 'inc-1')).heads[0];
    rewriteChain(path, 'inc-1', 2);
    const after = await verifyAt(path, 'inc-1');
    expect(after.ok).toBe(true); // the limit an anchor kept elsewhere covers
    expect(after.heads[0]?.seq).toBe(5);
    expect(after.heads[0]?.hash).not.toBe(before?.hash);
    expect((await verifyAt(path, 'inc-1', [before?.hash ?? ''])).anchors[0]?.at).toBeUndefined();
  });

  it('catches an altered payload at its seq', async () => {
    const path = await buildLog();
    rawTamper(path, `UPDATE events SET payload = json_set(payload, '$.note', 'nothing happened') WHERE incident_id = 'inc-1' AND seq = 3`);
    expect(await verifyAt(path)).toMatchObject({ ok: false, broken: { incidentId: 'inc-1', seq: 3, reason: expect.stringMatching(/altered/) } });
    expect((await verifyAt(path, 'inc-2')).ok).toBe(true);
  });

  it('catches an altered column and an altered stored hash', async () => {
    const path = await buildLog();
    rawTamper(path, `UPDATE events SET at = '2024-12-31T23:00:00.000Z' WHERE incident_id = 'inc-2' AND seq = 2`);
    expect((await verifyAt(path)).broken).toMatchObject({ incidentId: 'inc-2', seq: 2 });
    const other = await buildLog();
    rawTamper(other, `UPDATE events SET hash = ? WHERE incident_id = 'inc-1' AND seq = 5`, 'f'.repeat(64));
    expect((await verifyAt(other)).broken).toMatchObject({ incidentId: 'inc-1', seq: 5, reason: expect.stringMatching(/altered/) });
  });

  it('catches a row whose hash was recomputed: the next row no longer chains', async () => {
    const path = await buildLog();
    const raw = new Database(path, { readonly: true });
    const row = raw.prepare(`SELECT * FROM events WHERE incident_id = 'inc-1' AND seq = 2`).get() as EventRow;
    raw.close();
    const payload = { ...(JSON.parse(row.payload) as { [key: string]: JsonValue }), note: 'rewritten' };
    const hash = rehash(row, payload, row.prev_hash, row.log_prev_hash ?? '');
    rawTamper(path, `UPDATE events SET payload = ?, hash = ? WHERE incident_id = 'inc-1' AND seq = 2`, JSON.stringify(payload), hash);
    expect((await verifyAt(path)).broken).toMatchObject({ incidentId: 'inc-1', seq: 3, reason: expect.stringMatching(/does not chain/) });
  });

  it('catches a deleted row in the middle as a missing seq', async () => {
    const path = await buildLog();
    rawTamper(path, `DELETE FROM events WHERE incident_id = 'inc-1' AND seq = 2`);
    expect((await verifyAt(path)).broken).toMatchObject({ incidentId: 'inc-1', seq: 2, reason: expect.stringMatching(/event 2 is missing/) });
  });

  it('catches a deleted last event of an incident through the log positions', async () => {
    const path = await buildLog();
    rawTamper(path, `DELETE FROM events WHERE incident_id = 'inc-2' AND seq = 3`);
    const result = await verifyAt(path, 'inc-2');
    expect(result.ok).toBe(false);
    expect(result.broken?.reason).toMatch(/removed from the log/);
  });

  it('catches an inserted row in the middle and one at the end', async () => {
    const path = await buildLog();
    rawTamper(path, `UPDATE events SET seq = seq + 100 WHERE incident_id = 'inc-1' AND seq >= 3`);
    rawTamper(path, `UPDATE events SET seq = seq - 99 WHERE incident_id = 'inc-1' AND seq >= 103`);
    rawTamper(
      path,
      `INSERT INTO events SELECT incident_id, 3, 99, 'note-added', at, actor, payload, hash, ?, scheme, log_prev_hash FROM events WHERE incident_id = 'inc-1' AND seq = 2`,
      'a'.repeat(64),
    );
    expect((await verifyAt(path)).broken).toMatchObject({ incidentId: 'inc-1', seq: 3 });

    const other = await buildLog();
    rawTamper(
      other,
      `INSERT INTO events SELECT incident_id, 6, 9, type, at, actor, payload, hash, ?, scheme, hash FROM events WHERE incident_id = 'inc-1' AND seq = 5`,
      'b'.repeat(64),
    );
    expect((await verifyAt(other)).broken).toMatchObject({ incidentId: 'inc-1', seq: 6, reason: expect.stringMatching(/altered/) });
  });

  it('catches a changed incident record or plan snapshot (genesis)', async () => {
    const path = await buildLog();
    rawTamper(path, `UPDATE incidents SET title = 'Nothing to see' WHERE id = 'inc-2'`);
    expect((await verifyAt(path)).broken).toEqual({ incidentId: 'inc-2', seq: 0, reason: expect.stringMatching(/genesis hash mismatch/) });
    const other = await buildLog();
    rawTamper(other, `UPDATE plan_snapshots SET text = 'kind: Plan' WHERE incident_id = 'inc-1' AND plan_id = 'be-ncccp'`);
    expect((await verifyAt(other)).broken).toMatchObject({ incidentId: 'inc-1', seq: 0, reason: expect.stringMatching(/be-ncccp/) });
    const third = await buildLog();
    rawTamper(third, `INSERT INTO plan_snapshots VALUES ('inc-1', 'zz-extra', ?, 'x')`, sha256Hex('x'));
    expect((await verifyAt(third)).broken).toMatchObject({ incidentId: 'inc-1', seq: 0, reason: expect.stringMatching(/genesis/) });
  });

  it('catches a deleted incident row whose events remain', async () => {
    const path = await buildLog();
    const raw = new Database(path);
    raw.pragma('foreign_keys = OFF');
    raw.exec(`DROP TRIGGER incidents_no_delete; DELETE FROM incidents WHERE id = 'inc-2'`);
    raw.close();
    expect(await verifyAt(path)).toMatchObject({ ok: false, incidents: 1, broken: { incidentId: 'inc-2', seq: 0, reason: expect.stringMatching(/record is missing/) } });
  });
});
