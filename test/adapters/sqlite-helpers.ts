// Shared set-up for the SQLite log tests: temp folders, sample incidents and events, raw access.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import type { LoggedEvent, VerifyResult } from '../../src/core/ports.js';
import { openEventLog } from '../../src/adapters/sqlite/sqlite-event-log.js';
import type { SqliteEventLog } from '../../src/adapters/sqlite/sqlite-event-log.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temp folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crisis-sqlite-'));
  made.push(dir);
  return dir;
}

export interface TestEvent extends LoggedEvent {
  note?: string;
  detail?: Record<string, unknown>;
}

/** The n-th test event, one second apart. */
export function testEvent(n: number, actor = 'alice'): TestEvent {
  const at = new Date(Date.UTC(2025, 0, 1, 3, 0, n)).toISOString();
  return { type: 'note-added', at, actor, note: `note ${n}`, detail: { z: n, a: [n, { y: 1, b: 2 }] } };
}

/** Create incident `id` on the eu-circp plan with one extra handover plan. */
export async function createTestIncident(log: SqliteEventLog<TestEvent>, id = 'inc-1'): Promise<void> {
  await log.createIncident({
    id,
    title: `Ransomware at hospital (${id})`,
    planId: 'eu-circp',
    createdAt: '2025-01-01T03:00:00.000Z',
    plans: [
      { planId: 'eu-circp', text: 'apiVersion: crisis/v1\nkind: Plan\n' },
      { planId: 'be-ncccp', text: 'apiVersion: crisis/v1\nkind: Plan\nmetadata: {id: be-ncccp}\n' },
    ],
  });
}

/** SHA-256 of a file's bytes. */
export function fileDigest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * A raw connection that bypasses the adapter, as someone tampering with the file would: drop the
 * triggers in the way, change the rows, and put the triggers back so the schema looks untouched.
 */
export function rawTamper(path: string, sql: string, ...params: unknown[]): void {
  const db = new Database(path);
  try {
    const triggers = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'").all() as { name: string; sql: string }[];
    for (const { name } of triggers) db.exec(`DROP TRIGGER "${name}"`);
    db.prepare(sql).run(...params);
    for (const trigger of triggers) db.exec(trigger.sql);
  } finally {
    db.close();
  }
}

/** A log with incidents inc-1 (5 events) and inc-2 (3 events), interleaved: positions 1 inc-1#1, 2 inc-2#1, 3 inc-1#2, 4 inc-2#2, 5 inc-1#3, 6 inc-2#3, 7 inc-1#4, 8 inc-1#5. */
export async function buildLog(): Promise<string> {
  const path = join(tempDir(), 'crisis.db');
  const log = openEventLog<TestEvent>(path);
  await createTestIncident(log, 'inc-1');
  await createTestIncident(log, 'inc-2');
  for (let n = 1; n <= 5; n++) {
    await log.append('inc-1', testEvent(n));
    if (n <= 3) await log.append('inc-2', testEvent(n, 'bob'));
  }
  await log.close();
  return path;
}

/** Verify the log at `path`, opened read-only. */
export async function verifyAt(path: string, incidentId?: string, anchors?: string[]): Promise<VerifyResult> {
  const log = openEventLog(path, { readonly: true });
  try {
    return await log.verify(incidentId, anchors);
  } finally {
    await log.close();
  }
}
