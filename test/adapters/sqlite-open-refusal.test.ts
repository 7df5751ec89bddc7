import { existsSync, mkdirSync, readdirSync, truncateSync, writeFileSync, openSync, writeSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../src/adapters/sqlite/migrations.js';
import { openEventLog } from '../../src/adapters/sqlite/sqlite-event-log.js';
import { UsageError } from '../../src/core/errors.js';
import { createTestIncident, fileDigest, tempDir, testEvent, type TestEvent } from './sqlite-helpers.js';

/** Opening `path` throws a UsageError naming it, in both modes, and leaves its bytes alone. */
function expectRefused(path: string, message: RegExp): void {
  const before = fileDigest(path);
  for (const readonly of [false, true]) {
    let thrown: unknown;
    try {
      openEventLog(path, { readonly }).close();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as Error).message).toContain(path);
    expect((thrown as Error).message).toMatch(message);
  }
  expect(fileDigest(path)).toBe(before);
}

/** A real log with some events, checkpointed into the main file. */
async function ourLog(dir: string): Promise<string> {
  const path = join(dir, 'crisis.db');
  const log = openEventLog<TestEvent>(path);
  await createTestIncident(log);
  for (let n = 1; n <= 60; n++) await log.append('inc-1', { ...testEvent(n), note: 'x'.repeat(1000) });
  await log.close();
  return path;
}

describe('refusing files that are not ours', () => {
  it('a text file', async () => {
    const path = join(tempDir(), 'notes.db');
    writeFileSync(path, 'these are my notes, not a database\n'.repeat(10));
    expectRefused(path, /not a SQLite database/);
  });

  it('a short binary file', async () => {
    const path = join(tempDir(), 'tiny.db');
    writeFileSync(path, 'SQLite format 3\0');
    expectRefused(path, /not a SQLite database/);
  });

  it('a foreign SQLite database without an application id, and leaves no side files', async () => {
    const dir = tempDir();
    const path = join(dir, 'other.db');
    const other = new Database(path);
    other.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('ana')");
    other.close();
    expectRefused(path, /does not belong to crisis/);
    expect(readdirSync(dir)).toEqual(['other.db']);
  });

  it('a foreign SQLite database with another application id', async () => {
    const path = join(tempDir(), 'other.db');
    const other = new Database(path);
    other.pragma('application_id = 1234');
    other.exec('CREATE TABLE t (a)');
    other.close();
    expectRefused(path, /does not belong to crisis/);
  });

  it('a database claiming our application id but lacking our marker', async () => {
    const path = join(tempDir(), 'fake.db');
    const fake = new Database(path);
    fake.pragma('application_id = 1129468755');
    fake.pragma('user_version = 1');
    fake.exec('CREATE TABLE events (a)');
    fake.close();
    expectRefused(path, /does not belong to crisis/);
  });

  it('a log written by a newer crisis', async () => {
    const path = await ourLog(tempDir());
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    expectRefused(path, /newer version of crisis/);
  });

  it('a truncated log', async () => {
    const path = await ourLog(tempDir());
    truncateSync(path, Math.floor(statSync(path).size / 2));
    expectRefused(path, /damaged/);
  });

  it('a log with garbage written over a page', async () => {
    const path = await ourLog(tempDir());
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 3);
    closeSync(fd);
    expectRefused(path, /damaged/);
  });

  it('a folder', async () => {
    const path = join(tempDir(), 'folder.db');
    mkdirSync(path);
    expect(() => openEventLog(path)).toThrow(/is a folder/);
  });

  it('an empty file is initialised as a new log', async () => {
    const path = join(tempDir(), 'empty.db');
    writeFileSync(path, '');
    const log = openEventLog(path);
    expect(await log.verify()).toEqual({ ok: true, incidents: 0, events: 0, heads: [], anchors: [] });
    await log.close();
    expect(existsSync(path)).toBe(true);
  });
});
