import { describe, expect, it } from 'vitest';
import { commitFromLatest } from '../../src/core/commit.js';
import { fold, openIncident, type IncidentEvent } from '../../src/core/engine/index.js';
import { LogConflict } from '../../src/core/errors.js';
import type { Plan } from '../../src/core/plan/types.js';
import { MemoryEventLog } from '../helpers/fakes.js';

const plan: Plan = {
  apiVersion: 'crisis/v1',
  kind: 'Plan',
  metadata: { id: 'p', title: 'P', version: '1', jurisdiction: 'EU', tlp: 'CLEAR' },
  levels: [{ id: 't', title: 'T', rank: 1 }],
  roles: [{ id: 'r', title: 'R', type: 'csirt' }],
  steps: [{ id: 's', title: 'S', phase: 'detection', level: 't', owner: 'r', basis: 'b', end: true }],
};
const plans = new Map([['p', plan]]);
const at = '2026-03-02T08:00:00.000Z';
const note = (text: string, actor: string): IncidentEvent => ({ type: 'note-added', text, at, actor });

function log() {
  const l = new MemoryEventLog<IncidentEvent>();
  l.createNow({ id: 'i', title: 't', planId: 'p', createdAt: at, plans: [] });
  l.appendAllNow('i', openIncident(plans, { planId: 'p', title: 't', awareness: new Date(at), at: new Date(at), actor: 'a' }));
  return l;
}

describe('commitFromLatest', () => {
  it('decides again when another writer appended in between', async () => {
    const l = log();
    const seen: number[] = [];
    await commitFromLatest(l, 'i', plans, (state) => {
      seen.push(state.notes.length);
      if (seen.length === 1) l.appendAllNow('i', [note('from terminal two', 'ben')]); // the race
      return [note('from terminal one', 'ana')];
    });
    expect(seen).toEqual([0, 1]);
    expect(l.eventsNow('i').map((r) => (r.event.type === 'note-added' ? r.event.text : r.event.type)).slice(-2)).toEqual(['from terminal two', 'from terminal one']);
  });

  it('starts from a state the caller folded, and replays only when the log moved past it', async () => {
    const l = log();
    const seq = l.eventsNow('i').length;
    const known = { seq, state: fold(plans, l.eventsNow('i').map((r) => r.event)) };
    const seen: number[] = [];
    await commitFromLatest(l, 'i', plans, (state) => (seen.push(state.notes.length), [note('one', 'ana')]), known);
    expect(seen).toEqual([0]);
    // Stale: another note came in after the caller folded; the first append conflicts, the retry sees it.
    l.appendAllNow('i', [note('two', 'ben')]);
    const stale = { seq: seq + 1, state: fold(plans, l.eventsNow('i').slice(0, seq + 1).map((r) => r.event)) };
    await commitFromLatest(l, 'i', plans, (state) => (seen.push(state.notes.length), [note('three', 'ana')]), stale);
    expect(seen).toEqual([0, 1, 2]);
    expect(l.eventsNow('i').map((r) => (r.event.type === 'note-added' ? r.event.text : '')).slice(-3)).toEqual(['one', 'two', 'three']);
  });

  it('gives up with LogConflict when the log never settles', async () => {
    const l = log();
    await expect(
      commitFromLatest(l, 'i', plans, () => {
        l.appendAllNow('i', [note('busy', 'ben')]);
        return [note('mine', 'ana')];
      }),
    ).rejects.toThrow(LogConflict);
  });

  it('appends nothing when the decision is nothing', async () => {
    const l = log();
    const before = l.eventsNow('i').length;
    expect(await commitFromLatest(l, 'i', plans, () => [])).toEqual([]);
    expect(l.eventsNow('i')).toHaveLength(before);
  });
});
