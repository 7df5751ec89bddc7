import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEventLog } from '../../src/adapters/sqlite/sqlite-event-log.js';
import { LogConflict } from '../../src/core/errors.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('SqliteEventLog appendAll with afterSeq', () => {
  it('appends only onto the event the caller saw, atomically', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crisis-conflict-'));
    dirs.push(dir);
    const log = openEventLog(join(dir, 'x.db'));
    await log.createIncident({ id: 'i', title: 't', planId: 'p', createdAt: '2026-03-02T08:00:00.000Z', plans: [{ planId: 'p', text: 'x' }] });
    const e = (n: number) => ({ type: 'note-added', at: '2026-03-02T08:00:00.000Z', actor: 'a', text: String(n) });
    expect((await log.appendAll('i', [e(1), e(2)], { afterSeq: 0 })).map((r) => r.seq)).toEqual([1, 2]);
    await expect(log.appendAll('i', [e(3), e(4)], { afterSeq: 1 })).rejects.toThrow(LogConflict);
    expect(await log.events('i')).toHaveLength(2); // nothing of the refused batch
    expect((await log.appendAll('i', [e(3)], { afterSeq: 2 }))[0]?.seq).toBe(3);
    expect((await log.verify('i')).ok).toBe(true);
    await log.close();
  });
});
