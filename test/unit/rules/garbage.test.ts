// Rules run on documents that failed the schema: no input, however wrong, may make one throw.

import { describe, expect, it } from 'vitest';
import { nis2Rules, planRules } from '../../../src/core/plan/rules/index.js';
import type { RuleContext } from '../../../src/core/plan/rules/rule.js';
import type { Plan } from '../../../src/core/plan/types.js';
import { euPlan, nationalPlan, type Loose } from './plan-builder.js';

const rules = [...planRules, ...nis2Rules];
const asPlan = (x: unknown): Plan => x as Plan;

/** Hand-written malformed documents: wrong types at the top and in the places rules look. */
const handWritten: unknown[] = [
  null,
  undefined,
  0,
  'apiVersion: crisis/v1',
  [],
  [nationalPlan()],
  {},
  true,
  { steps: 'triage' },
  { steps: [null, 1, 'a', [], {}, true] },
  { metadata: null, steps: null, roles: null, levels: null },
  { metadata: 'x', start: 42 },
  { metadata: { id: 7, jurisdiction: 5, parent: [] } },
  { metadata: { jurisdiction: 'XX', parent: {} }, steps: [{ next: 'eu-circp#' }] },
  { metadata: { jurisdiction: 'XX', parent: '' } },
  { start: {}, steps: [{ id: 1, next: 2 }, { id: 2, next: 1 }] },
  { steps: [{ id: 'a', decision: 'yes' }, { id: 'b', decision: { options: 'x' } }] },
  { steps: [{ id: 'a', decision: { options: [null, 'x', { label: 5, next: [] }, { label: null }] } }] },
  { steps: [{ id: 'a', next: '#' }, { id: 'b', next: '###' }, { id: 'c', next: 'a#b#c' }] },
  { steps: [{ id: 'a', next: 'a' }], start: 'a' },
  { steps: [{ id: '~/x', next: '~/x' }] },
  { steps: [{ id: 'a', run: 'ls' }, { id: 'b', run: { argv: 'ls', timeout: 5 } }, { id: 'c', run: { argv: [1, null, ''] } }] },
  { steps: [{ id: 'a', supporting: 'x', notify: {}, startsClocks: 'c', end: 'yes' }] },
  { levels: [{ id: 'a', rank: 'high' }, { id: 'b', rank: null }, 3], steps: [{ level: 'a', decision: { options: [{ escalate: 'b' }] } }] },
  { roles: { a: 1 }, channels: 'phone' },
  { roles: [{ type: 'cyber-crisis-authority', tasks: 'x', contacts: 'y', coordinator: 'yes' }, null] },
  { roles: [{ contacts: [null, 1, { channel: 3 }] }] },
  { clocks: [{ starts: 'report-submitted', after: 3, within: 24 }, { starts: 5, after: 'x' }, null] },
  { clocks: [{ within: 'P'.repeat(10_000) }] },
  { notifications: [{ to: 5, channel: [], clock: {} }, { to: '#' }, 'n'] },
  { preparedness: 'ready', nationalFramework: [], stakeholders: {}, infrastructure: 'grid' },
  { preparedness: { objectives: 'x', measures: [null], exercises: [1], training: {} } },
  { unionArrangements: [{ ref: 5 }, { ref: '' }, null, { ref: 'a#' }], metadata: { jurisdiction: 'XX', parent: 'eu-circp' } },
  { capabilities: [{ owner: null }], stakeholders: [{ role: [] }], levels: [{ actors: 'x' }] },
  JSON.parse('{"__proto__": {"steps": [1]}, "constructor": {"prototype": 1}, "steps": [{"id": "toString", "next": "constructor"}]}'),
  { steps: [{ id: 'x'.repeat(5_000), next: 'y'.repeat(5_000) }] },
  { steps: Array.from({ length: 2_000 }, (_, i) => ({ id: `s${i}`, next: `s${(i + 1) % 2_000}` })) },
];

/** Every path in a value, as key lists, so each can be replaced by garbage. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((k) => paths((value as Loose)[k], [...prefix, k]))];
}

/** A copy of `root` with the value at `path` replaced (or, for a `delete` marker, removed). */
function replaced(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Loose;
  let parent: Loose = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Loose;
  const last = path[path.length - 1] as string | number;
  if (value === DELETE) delete parent[last];
  else parent[last] = value;
  return copy;
}

const DELETE = Symbol('delete');
const replacements: unknown[] = [null, 42, 'zz', [], {}, true, DELETE];
const mutated = paths(nationalPlan()).flatMap((p) => replacements.map((r) => replaced(nationalPlan(), p, r)));
const garbage = [...handWritten, ...mutated];

/** Runs every rule directly (not through runRules, which would hide a crash) and checks the findings' shape. */
function expectNoThrow(ctx: RuleContext): void {
  for (const rule of rules) {
    const out = rule.check(ctx);
    expect(Array.isArray(out)).toBe(true);
    for (const f of out) {
      expect(typeof f.message).toBe('string');
      expect(['error', 'warning']).toContain(f.severity);
      expect(f.path === '' || f.path.startsWith('/')).toBe(true);
    }
  }
}

describe('rules on garbage', () => {
  it('has many malformed plans to try', () => {
    expect(handWritten.length).toBeGreaterThanOrEqual(35);
    expect(garbage.length).toBeGreaterThanOrEqual(500);
  });

  it('never throws on a malformed current plan', () => {
    for (const plan of garbage) {
      const plans = new Map<string, Plan>([['eu-circp', euPlan()]]);
      expectNoThrow({ plan: asPlan(plan), plans });
    }
  });

  it('never throws when the other loaded plans are malformed', () => {
    for (const other of handWritten) {
      const plans = new Map<string, Plan>([['eu-circp', asPlan(other)], ['xx-ncirp', nationalPlan()]]);
      expectNoThrow({ plan: nationalPlan(), plans });
    }
  });
});
