// A SQLite log's changes, polled: a second process's event is told within a poll or two.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEventLog } from '../../src/adapters/sqlite/sqlite-event-log.js';
import { SqlitePolledChanges } from '../../src/adapters/sqlite/polled-changes.js';
import { tempDir } from '../helpers/run-cli.js';

const dir = tempDir();
afterAll(() => dir.cleanup());

describe('SqlitePolledChanges', () => {
  it("tells the incident's last seq at once and again after another connection appends", async () => {
    const path = join(dir.path, 'polled.db');
    const log = openEventLog(path);
    const at = '2026-03-02T08:00:00.000Z';
    await log.createIncident({ id: 'inc-1', title: 't', planId: 'p', createdAt: at, plans: [], events: [{ type: 'note-added', at, actor: 'ana' }] });
    const changes = new SqlitePolledChanges(path, 20);
    const seen: number[] = [];
    const stop = await changes.watch('inc-1', (seq) => seen.push(seq));
    expect(seen).toEqual([1]); // at once: nothing written meanwhile is missed
    await log.append('inc-1', { type: 'note-added', at, actor: 'bob' });
    for (let i = 0; i < 100 && !seen.includes(2); i++) await new Promise((r) => setTimeout(r, 20));
    expect(seen).toContain(2);
    await stop();
    const count = seen.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.length).toBe(count); // stopped: no more looks
    expect(changes.lastSeq('no-such-incident')).toBe(0);
    await changes.close();
    await log.close();
  });

  it('skips a look at a file it cannot read instead of failing the walkthrough', async () => {
    const changes = new SqlitePolledChanges(join(dir.path, 'missing.db'), 20);
    expect(changes.lastSeq('inc-1')).toBeUndefined();
    await changes.close();
  });
});
