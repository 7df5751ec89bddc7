// The EventLog contract, run against every adapter (SQLite and PostgreSQL) alike: what the
// engine and the CLI may rely on whichever log they were given.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openEventLog } from '../../src/adapters/sqlite/sqlite-event-log.js';
import { LogConflict, UsageError } from '../../src/core/errors.js';
import type { EventLog } from '../../src/core/ports.js';
import { sha256Hex } from '../../src/adapters/log-chain/hash-chain.js';
import { tempDir, testEvent, type TestEvent } from './sqlite-helpers.js';

/** Makes a new, empty log for one test; the suite closes it. */
export type MakeLog = () => Promise<EventLog<TestEvent>>;

const PLANS = [
  { planId: 'eu-circp', text: 'apiVersion: crisis/v1\nkind: Plan\n' },
  { planId: 'be-ncccp', text: 'apiVersion: crisis/v1\nkind: Plan\nmetadata: {id: be-ncccp}\n' },
];

/** A sample incident, as createTestIncident makes it. */
export function sampleIncident(id: string, events: TestEvent[] = []) {
  return { id, title: `Ransomware at hospital (${id})`, planId: 'eu-circp', createdAt: '2025-01-01T03:00:00.000Z', plans: PLANS, events };
}

/** The same scripted work on any log: what its hashes must come to. */
export async function scriptedWork(log: EventLog<TestEvent>): Promise<string[]> {
  const hashes: string[] = [];
  for (const r of await log.createIncident(sampleIncident('inc-1', [testEvent(1)]))) hashes.push(r.hash);
  await log.createIncident(sampleIncident('inc-2'));
  hashes.push((await log.append('inc-2', testEvent(2, 'bob'))).hash);
  for (const r of await log.appendAll('inc-1', [testEvent(3), { ...testEvent(4), note: 'é \u0000 \ud800' }], { afterSeq: 1 })) hashes.push(r.hash);
  return hashes;
}

/** Register the contract's tests for one adapter. */
export function eventLogContract(make: MakeLog): void {
  const withLog = (name: string, body: (log: EventLog<TestEvent>) => Promise<void>) =>
    it(name, async () => {
      const log = await make();
      try {
        await body(log);
      } finally {
        await log.close();
      }
    });

  withLog('creates an incident with its first events, chained from the genesis, and reads them back', async (log) => {
    const created = await log.createIncident(sampleIncident('inc-1', [testEvent(1), testEvent(2, 'bob')]));
    expect(created.map((r) => r.seq)).toEqual([1, 2]);
    expect(created[1]?.prevHash).toBe(created[0]?.hash);
    expect(created[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    const third = await log.append('inc-1', testEvent(3));
    expect(third).toMatchObject({ seq: 3, prevHash: created[1]?.hash });
    expect(await log.events('inc-1')).toEqual([...created, third]);
    expect((await log.events('inc-1'))[1]?.event).toEqual(testEvent(2, 'bob'));
    expect(await log.events('nope')).toEqual([]);
  });

  withLog('keeps snapshots by plan id with their hashes, and summarises incidents', async (log) => {
    await log.createIncident(sampleIncident('inc-b'));
    await log.createIncident(sampleIncident('inc-a'));
    const snapshots = await log.snapshots('inc-a');
    expect(snapshots.map((s) => s.planId)).toEqual(['be-ncccp', 'eu-circp']);
    expect(snapshots[1]).toEqual({ planId: 'eu-circp', text: PLANS[0]?.text, hash: sha256Hex(PLANS[0]?.text ?? '') });
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
  });

  withLog('refuses a duplicate incident, an unknown incident and a wrong snapshot hash, and writes nothing for them', async (log) => {
    await log.createIncident(sampleIncident('inc-1'));
    await expect(log.createIncident(sampleIncident('inc-1', [testEvent(1)]))).rejects.toThrow(/already exists/);
    await expect(log.append('ghost', testEvent(1))).rejects.toThrow(UsageError);
    const bad = { ...sampleIncident('x'), plans: [{ planId: 'p', text: 'a', hash: sha256Hex('b') }] };
    await expect(log.createIncident(bad)).rejects.toThrow(/does not match/);
    expect(await log.incidents()).toHaveLength(1);
    expect(await log.events('inc-1')).toEqual([]);
  });

  withLog('appends onto the event a choice was decided on, or refuses with LogConflict and appends nothing', async (log) => {
    await log.createIncident(sampleIncident('inc-1', [testEvent(1)]));
    await log.appendAll('inc-1', [testEvent(2)], { afterSeq: 1 });
    await expect(log.appendAll('inc-1', [testEvent(3), testEvent(4)], { afterSeq: 1 })).rejects.toThrow(LogConflict);
    expect((await log.events('inc-1')).map((r) => r.seq)).toEqual([1, 2]);
    expect(await log.appendAll('inc-1', [], { afterSeq: 2 })).toEqual([]);
  });

  withLog('verifies, gives each head, finds anchors, and stores text as it hashes it', async (log) => {
    await log.createIncident({ ...sampleIncident('inc-1'), title: 'lone \ud800 title' });
    const recorded = await log.append('inc-1', { ...testEvent(1), note: 'lone \udc00', detail: { '\ud83d': 1 } });
    expect(recorded.event.note).toBe('lone \ufffd');
    expect((await log.events('inc-1'))[0]?.event).toEqual(recorded.event);
    expect((await log.incident('inc-1'))?.title).toBe('lone \ufffd title');
    const result = await log.verify(undefined, [recorded.hash.slice(0, 12), 'abcdef123456']);
    expect(result).toMatchObject({ ok: true, incidents: 1, events: 1, heads: [{ incidentId: 'inc-1', seq: 1, hash: recorded.hash }] });
    expect(result.anchors).toEqual([
      { hex: recorded.hash.slice(0, 12), at: { incidentId: 'inc-1', seq: 1, hash: recorded.hash } },
      { hex: 'abcdef123456', at: undefined },
    ]);
    expect(await log.verify('inc-1')).toMatchObject({ ok: true, incidents: 1 });
  });

  withLog('gives the same hashes for the same work as a fresh SQLite log', async (log) => {
    const reference = openEventLog<TestEvent>(join(tempDir(), 'reference.db'));
    const expected = await scriptedWork(reference);
    await reference.close();
    expect(await scriptedWork(log)).toEqual(expected);
    expect(await log.verify()).toMatchObject({ ok: true, events: 4 });
  });
}
