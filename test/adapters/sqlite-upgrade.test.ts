// A log is evidence: a log written before hash scheme 2 (fixtures/v1-log.db, made by the code of
// commit 2e03802) reads and verifies as it is, upgrades without a stored event changing, and
// the heads printed before the upgrade are still found after it.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../src/adapters/sqlite/migrations.js';
import { openEventLog } from '../../src/adapters/sqlite/sqlite-event-log.js';
import type { ChainHead } from '../../src/core/ports.js';
import { rawTamper, tempDir, testEvent, type TestEvent } from './sqlite-helpers.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const keptHeads = JSON.parse(readFileSync(join(fixtures, 'v1-log.heads.json'), 'utf8')) as ChainHead[];
const kept = keptHeads.map((h) => h.hash);

function oldLog(): string {
  const path = join(tempDir(), 'crisis.db');
  copyFileSync(join(fixtures, 'v1-log.db'), path);
  return path;
}

function raw<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const storedEvents = (db: Database.Database): unknown[] =>
  db.prepare('SELECT incident_id, seq, pos, type, at, actor, payload, prev_hash, hash FROM events ORDER BY pos').all();

describe('a log written before hash scheme 2', () => {
  it('reads and verifies without being upgraded, and finds the heads kept from it', async () => {
    const path = oldLog();
    const log = openEventLog(path, { readonly: true });
    const result = await log.verify(undefined, kept);
    expect(await log.events('inc-old-1')).toHaveLength(4);
    await log.close();
    expect(result).toMatchObject({ ok: true, incidents: 2, events: 7, heads: keptHeads });
    expect(result.anchors.map((a) => a.at)).toEqual(keptHeads);
    expect(raw(path, (db) => db.pragma('user_version', { simple: true }))).toBe(1);
  });

  it('upgrades without changing a stored event; old heads are found and new events use scheme 2', async () => {
    const path = oldLog();
    const before = raw(path, storedEvents);
    const log = openEventLog<TestEvent>(path);
    await log.append('inc-old-1', testEvent(5));
    await log.createIncident({ id: 'inc-new', title: 'After the upgrade', planId: 'eu-circp', createdAt: '2026-02-01T00:00:00.000Z', plans: [], events: [testEvent(1)] });
    const result = await log.verify(undefined, kept);
    await log.close();
    expect(raw(path, (db) => db.pragma('user_version', { simple: true }))).toBe(LATEST_SCHEMA_VERSION);
    expect(raw(path, storedEvents).slice(0, before.length)).toEqual(before);
    expect(result).toMatchObject({ ok: true, incidents: 3, events: 9 });
    expect(result.anchors.map((a) => a.at)).toEqual(keptHeads);
    const schemes = raw(path, (db) => db.prepare('SELECT scheme, log_prev_hash FROM events ORDER BY pos').all()) as { scheme: number; log_prev_hash: string | null }[];
    expect(schemes.map((s) => s.scheme)).toEqual([1, 1, 1, 1, 1, 1, 1, 2, 2]);
    // The first new event vouches for the last old one.
    expect(schemes[7]?.log_prev_hash).toBe((before.at(-1) as { hash: string }).hash);
  });

  it('still finds tampering with an old event after the upgrade', async () => {
    const path = oldLog();
    openEventLog(path).close();
    rawTamper(path, `UPDATE events SET payload = json_set(payload, '$.text', 'nothing') WHERE incident_id = 'inc-old-2' AND seq = 2`);
    const log = openEventLog(path, { readonly: true });
    expect(await log.verify()).toMatchObject({ ok: false, broken: { incidentId: 'inc-old-2', seq: 2, reason: expect.stringMatching(/altered/) } });
    await log.close();
  });
});
