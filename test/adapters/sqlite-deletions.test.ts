// Part 4 of issue 7: what verify finds without an anchor (removed events or incidents, renumbered
// positions, forged incidents, a changed schema) and what only an anchor can show.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../src/adapters/log-chain/canonical-json.js';
import { eventHash, eventHashV2, genesisHash, sha256Hex } from '../../src/adapters/log-chain/hash-chain.js';
import { openEventLog } from '../../src/adapters/sqlite/sqlite-event-log.js';
import { buildLog, rawTamper, tempDir, testEvent, verifyAt, type TestEvent } from './sqlite-helpers.js';

async function heads(path: string): Promise<Map<string, string>> {
  return new Map((await verifyAt(path)).heads.map((h) => [h.incidentId, h.hash]));
}

/** Run several statements as one tamperer with the triggers out of the way (and put back). */
function tamper(path: string, ...statements: string[]): void {
  for (const sql of statements) rawTamper(path, sql);
}

// Positions are UNIQUE, so renumbering goes through a free range.
const lowerPositionsAbove = (pos: number, by: number): string[] => [
  `UPDATE events SET pos = pos + 1000 WHERE pos > ${pos}`,
  `UPDATE events SET pos = pos - 1000 - ${by} WHERE pos > 1000`,
];

describe('verify without an anchor', () => {
  it("finds an incident's removed last events when later events follow them, even with the positions lowered", async () => {
    const gap = await buildLog();
    tamper(gap, `DELETE FROM events WHERE incident_id = 'inc-2' AND seq = 3`);
    expect(await verifyAt(gap)).toMatchObject({ ok: false, broken: { reason: expect.stringMatching(/removed/) } });

    const lowered = await buildLog();
    tamper(lowered, `DELETE FROM events WHERE incident_id = 'inc-2' AND seq = 3`, ...lowerPositionsAbove(6, 1));
    const result = await verifyAt(lowered);
    expect(result.ok).toBe(false);
    expect(result.broken).toMatchObject({ incidentId: 'inc-1', seq: 4 });
  });

  it('finds a removed incident (record, plans and events), even with the positions lowered', async () => {
    const path = await buildLog();
    const raw = new Database(path, { readonly: true });
    const positions = raw.prepare(`SELECT pos FROM events WHERE incident_id = 'inc-2' ORDER BY pos DESC`).pluck().all() as number[];
    raw.close();
    tamper(
      path,
      `DELETE FROM events WHERE incident_id = 'inc-2'`,
      `DELETE FROM plan_snapshots WHERE incident_id = 'inc-2'`,
      `DELETE FROM incidents WHERE id = 'inc-2'`,
      ...positions.flatMap((pos) => lowerPositionsAbove(pos, 1)),
    );
    const result = await verifyAt(path);
    expect(result).toMatchObject({ ok: false, incidents: 1, events: 5 });
    expect(result.broken).toMatchObject({ incidentId: 'inc-1', seq: 2 });
  });

  it('finds a forged incident slipped in between, with every hash of its own chain computed right', async () => {
    const path = await buildLog();
    const plans = [{ planId: 'eu-circp', hash: sha256Hex('x') }];
    const incident = { id: 'inc-forged', title: 'Backdated', planId: 'eu-circp', createdAt: '2025-01-01T02:00:00.000Z', plans };
    const genesis = genesisHash(incident);
    const event = { ...testEvent(0), actor: 'mallory' } as unknown as { [key: string]: JsonValue };
    const raw = new Database(path, { readonly: true });
    const logPrev = raw.prepare('SELECT hash FROM events WHERE pos = 2').pluck().get() as string;
    raw.close();
    const input = { incidentId: 'inc-forged', seq: 1, pos: 3, type: 'note-added', at: String(event['at']), actor: 'mallory', payload: event, prevHash: genesis, logPrevHash: logPrev };
    tamper(
      path,
      `INSERT INTO incidents VALUES ('inc-forged', 'Backdated', 'eu-circp', '2025-01-01T02:00:00.000Z', '${genesis}')`,
      `INSERT INTO plan_snapshots VALUES ('inc-forged', 'eu-circp', '${sha256Hex('x')}', 'x')`,
      `UPDATE events SET pos = pos + 1000 WHERE pos >= 3`,
      `UPDATE events SET pos = pos - 999 WHERE pos > 1000`,
      `INSERT INTO events (incident_id, seq, pos, type, at, actor, payload, prev_hash, hash, scheme, log_prev_hash)
       VALUES ('inc-forged', 1, 3, 'note-added', '${input.at}', 'mallory', '${JSON.stringify(event)}', '${genesis}', '${eventHashV2(input)}', 2, '${logPrev}')`,
    );
    const result = await verifyAt(path);
    expect(result.ok).toBe(false);
    expect(result.broken?.incidentId).not.toBe('inc-forged'); // its own chain holds; the events it pushed aside do not
  });

  it('finds a forged incident appended in the old hash scheme, which crisis no longer writes', async () => {
    const path = await buildLog();
    const plans = [{ planId: 'eu-circp', hash: sha256Hex('x') }];
    const genesis = genesisHash({ id: 'inc-forged', title: 'Forged', planId: 'eu-circp', createdAt: '2025-01-02T00:00:00.000Z', plans });
    const event = testEvent(9) as unknown as { [key: string]: JsonValue };
    const hash = eventHash({ incidentId: 'inc-forged', seq: 1, type: 'note-added', at: String(event['at']), actor: 'alice', payload: event, prevHash: genesis });
    tamper(
      path,
      `INSERT INTO incidents VALUES ('inc-forged', 'Forged', 'eu-circp', '2025-01-02T00:00:00.000Z', '${genesis}')`,
      `INSERT INTO plan_snapshots VALUES ('inc-forged', 'eu-circp', '${sha256Hex('x')}', 'x')`,
      `INSERT INTO events (incident_id, seq, pos, type, at, actor, payload, prev_hash, hash)
       VALUES ('inc-forged', 1, 9, 'note-added', '${String(event['at'])}', 'alice', '${JSON.stringify(event)}', '${genesis}', '${hash}')`,
    );
    expect(await verifyAt(path)).toMatchObject({ ok: false, broken: { incidentId: 'inc-forged', seq: 1, reason: expect.stringMatching(/hash scheme 1 after/) } });
  });

  it('reports dropped append-only triggers, an added trigger and an altered table', async () => {
    const dropped = await buildLog();
    const raw = new Database(dropped);
    raw.exec('DROP TRIGGER events_no_delete; DROP TRIGGER incidents_no_update');
    raw.close();
    const result = await verifyAt(dropped);
    expect(result.ok).toBe(false);
    expect(result.broken).toBeUndefined();
    expect(result.schema).toEqual([
      'trigger events_no_delete is missing (the append-only protection of events was removed)',
      'trigger incidents_no_update is missing (the append-only protection of incidents was removed)',
    ]);

    const added = await buildLog();
    const other = new Database(added);
    other.exec("CREATE TRIGGER quiet AFTER INSERT ON events BEGIN SELECT 1; END; ALTER TABLE incidents ADD COLUMN note TEXT");
    await other.close();
    expect((await verifyAt(added)).schema).toEqual(['table incidents was changed', 'trigger quiet on events was added (crisis never made it)']);
  });

  it('reports a dropped events table as a schema problem, not a crash', async () => {
    const path = await buildLog();
    const raw = new Database(path);
    raw.exec('DROP TABLE events');
    raw.close();
    const result = await verifyAt(path);
    expect(result).toMatchObject({ ok: false, heads: [] });
    expect(result.schema).toContain('table events is missing');
  });
});

describe('what only an anchor shows', () => {
  it('cannot see events cut from the very end of the log, but the head kept before is gone', async () => {
    const path = await buildLog();
    const kept = (await heads(path)).get('inc-1') ?? '';
    tamper(path, `DELETE FROM events WHERE pos >= 7`); // inc-1 #4 and #5, the last two of the whole log
    expect((await verifyAt(path)).ok).toBe(true);
    expect((await verifyAt(path, undefined, [kept])).anchors[0]?.at).toBeUndefined();
  });

  it("an anchor on the log's last event vouches for every incident before it", async () => {
    const path = await buildLog();
    const kept = (await heads(path)).get('inc-1') ?? ''; // pos 8, the last event of the log
    tamper(path, `DELETE FROM events WHERE incident_id = 'inc-2' AND seq = 3`, ...lowerPositionsAbove(6, 1));
    const result = await verifyAt(path, undefined, [kept]);
    expect(result.ok).toBe(false);
    expect(result.anchors[0]?.at).toBeUndefined(); // anchors are looked for in intact chains only
  });
});

describe('text that cannot be stored as it was given', () => {
  it('keeps a fresh log with lone surrogates verifying: what is hashed is what is stored', async () => {
    const path = join(tempDir(), 'crisis.db');
    const log = openEventLog<TestEvent>(path);
    await log.createIncident({
      id: 'inc-s',
      title: 'Exercise \ud800 title',
      planId: 'eu-circp',
      createdAt: '2025-01-01T03:00:00.000Z',
      plans: [{ planId: 'eu-circp', text: 'title: "\udc00"\n' }],
      events: [{ ...testEvent(1, 'ana\udbff'), note: 'lone \ud83d end' }],
    });
    const recorded = await log.append('inc-s', { ...testEvent(2), note: '\ud800', detail: { '\udc00': 1 } });
    await log.close();
    expect(await verifyAt(path)).toMatchObject({ ok: true, events: 2 });
    const reopened = openEventLog<TestEvent>(path, { readonly: true });
    expect((await reopened.incident('inc-s'))?.title).toBe('Exercise \ufffd title');
    expect((await reopened.events('inc-s'))[0]?.event.actor).toBe('ana\ufffd');
    expect(recorded.event.note).toBe('\ufffd'); // what append returns is what a later read gives
    expect((await reopened.events('inc-s'))[1]?.event).toEqual(recorded.event);
    await reopened.close();
  });
});
