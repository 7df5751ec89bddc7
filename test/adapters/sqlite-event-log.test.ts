import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/adapters/log-chain/hash-chain.js';
import { APPLICATION_ID, LATEST_SCHEMA_VERSION } from '../../src/adapters/sqlite/migrations.js';
import { openDatabase } from '../../src/adapters/sqlite/open-database.js';
import { openEventLog } from '../../src/adapters/sqlite/sqlite-event-log.js';
import { UsageError } from '../../src/core/errors.js';
import { createTestIncident, tempDir, testEvent, type TestEvent } from './sqlite-helpers.js';

describe('opening and migrating', () => {
  it('creates missing parent folders and sets user_version and application_id', async () => {
    const path = join(tempDir(), 'deep', 'er', 'crisis.db');
    openEventLog(path).close();
    expect(existsSync(path)).toBe(true);
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(raw.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(raw.prepare("SELECT value FROM meta WHERE key = 'application'").pluck().get()).toBe('crisis-incident-log');
    raw.close();
  });

  it('is idempotent: reopening keeps the schema and the data', async () => {
    const path = join(tempDir(), 'crisis.db');
    const first = openEventLog<TestEvent>(path);
    await createTestIncident(first);
    await first.append('inc-1', testEvent(1));
    await first.close();
    const schemaBefore = readSchema(path);
    for (let i = 0; i < 3; i++) openEventLog(path).close();
    expect(readSchema(path)).toEqual(schemaBefore);
    const again = openEventLog<TestEvent>(path);
    expect(await again.events('inc-1')).toHaveLength(1);
    await again.close();
  });

  it('sets WAL, synchronous FULL and foreign keys on every open, read-only included', async () => {
    const path = join(tempDir(), 'crisis.db');
    openEventLog(path).close();
    for (const readonly of [false, true]) {
      const db = openDatabase(path, { readonly });
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(10_000);
      db.close();
    }
  });

  it('refuses to create a log when read-only or create is false', async () => {
    const path = join(tempDir(), 'none.db');
    expect(() => openEventLog(path, { readonly: true })).toThrow(UsageError);
    expect(() => openEventLog(path, { create: false })).toThrow(/no incident log at .*none\.db/);
    expect(existsSync(path)).toBe(false);
  });
});

describe('appending and reading', () => {
  it('chains events from the genesis hash and reads them back in order', async () => {
    const log = openEventLog<TestEvent>(join(tempDir(), 'crisis.db'));
    await createTestIncident(log);
    const first = await log.append('inc-1', testEvent(1));
    const second = await log.append('inc-1', testEvent(2, 'bob'));
    expect(first.seq).toBe(1);
    expect(second.seq).toBe(2);
    expect(second.prevHash).toBe(first.hash);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await log.events('inc-1')).toEqual([first, second]);
    expect((await log.events('inc-1'))[1]?.event).toEqual(testEvent(2, 'bob'));
    await log.close();
  });

  it('keeps snapshots with their hashes and summarises incidents', async () => {
    const log = openEventLog<TestEvent>(join(tempDir(), 'crisis.db'));
    await createTestIncident(log, 'inc-b');
    await createTestIncident(log, 'inc-a');
    const snapshots = await log.snapshots('inc-a');
    expect(snapshots.map((s) => s.planId)).toEqual(['be-ncccp', 'eu-circp']);
    expect(snapshots[1]?.hash).toBe(sha256Hex('apiVersion: crisis/v1\nkind: Plan\n'));
    await log.append('inc-a', testEvent(1));
    await log.append('inc-a', { ...testEvent(2), type: 'incident-closed' });
    expect(await log.incident('inc-a')).toEqual({
      id: 'inc-a',
      title: 'Ransomware at hospital (inc-a)',
      planId: 'eu-circp',
      createdAt: '2025-01-01T03:00:00.000Z',
      closed: true,
      events: 2,
      lastEventAt: testEvent(2).at,
    });
    expect(await log.incident('inc-b')).toMatchObject({ closed: false, events: 0, lastEventAt: null });
    expect((await log.incidents()).map((i) => i.id)).toEqual(['inc-a', 'inc-b']);
    expect(await log.incident('nope')).toBeUndefined();
    await log.close();
  });

  it('rejects a duplicate incident, an unknown incident and a wrong snapshot hash', async () => {
    const log = openEventLog<TestEvent>(join(tempDir(), 'crisis.db'));
    await createTestIncident(log);
    await expect(createTestIncident(log)).rejects.toThrow(/already exists/);
    await expect(log.append('ghost', testEvent(1))).rejects.toThrow(UsageError);
    const bad = { id: 'x', title: 't', planId: 'p', createdAt: '2025-01-01T00:00:00.000Z', plans: [{ planId: 'p', text: 'a', hash: sha256Hex('b') }] };
    await expect(log.createIncident(bad)).rejects.toThrow(/does not match/);
    expect(await log.incidents()).toHaveLength(1);
    await log.close();
  });

  it('refuses writes through a read-only log', async () => {
    const path = join(tempDir(), 'crisis.db');
    const log = openEventLog<TestEvent>(path);
    await createTestIncident(log);
    await log.close();
    const reader = openEventLog<TestEvent>(path, { readonly: true });
    await expect(reader.append('inc-1', testEvent(1))).rejects.toThrow(/read-only/);
    expect(await reader.incidents()).toHaveLength(1);
    await reader.close();
  });
});

describe('append-only triggers', () => {
  const refusals = [
    ['UPDATE events SET actor = ?', 'mallory', /append-only: rows of events cannot be changed/],
    ['DELETE FROM events WHERE seq = ?', 1, /append-only: rows of events cannot be deleted/],
    ['UPDATE incidents SET title = ?', 'quiet', /rows of incidents cannot be changed/],
    ['DELETE FROM plan_snapshots WHERE plan_id = ?', 'eu-circp', /rows of plan_snapshots cannot be deleted/],
    ['UPDATE plan_snapshots SET text = ?', 'x', /rows of plan_snapshots cannot be changed/],
  ] as const;
  for (const [sql, param, message] of refusals) {
    it(`refuses ${sql.split(' ').slice(0, 2).join(' ')}`, async () => {
      const path = join(tempDir(), 'crisis.db');
      const log = openEventLog<TestEvent>(path);
      await createTestIncident(log);
      await log.append('inc-1', testEvent(1));
      await log.close();
      const raw = new Database(path);
      expect(() => raw.prepare(sql).run(param)).toThrow(message);
      raw.close();
      const again = openEventLog<TestEvent>(path);
      expect(await again.verify()).toMatchObject({ ok: true, events: 1 });
      await again.close();
    });
  }

  it('refuses an event inserted out of sequence', async () => {
    const path = join(tempDir(), 'crisis.db');
    const log = openEventLog<TestEvent>(path);
    await createTestIncident(log);
    await log.close();
    const raw = new Database(path);
    const insert = raw.prepare("INSERT INTO events (incident_id, seq, pos, type, at, actor, payload, prev_hash, hash) VALUES ('inc-1', ?, ?, 't', 'a', 'b', '{}', 'p', 'h')");
    expect(() => insert.run(2, 1)).toThrow(/added at the end, in sequence/);
    expect(() => insert.run(1, 5)).toThrow(/added at the end, in sequence/);
    raw.close();
  });
});

function readSchema(path: string): unknown {
  const raw = new Database(path, { readonly: true });
  const schema = raw.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all();
  raw.close();
  return schema;
}
