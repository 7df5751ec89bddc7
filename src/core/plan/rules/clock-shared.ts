// clock/shared-id-mismatch: the engine treats clocks with the same id in a national plan and in
// the Union-level plan as one legal deadline (a run in either counts), so they must agree on
// when the clock starts and how long it runs; otherwise which plan started it decides the deadline.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import type { Plan } from '../types.js';
import { parseDuration } from '../../time/duration.js';
import { finding } from './finding.js';
import { nameOf } from './ref-sites.js';
import type { Rule, RuleContext } from './rule.js';
import { get, has, idIndex, items, planId, pointer, str } from './safe.js';

const meta: RuleMeta = {
  id: 'clock/shared-id-mismatch',
  severity: 'error',
  description: 'A clock with the id of a clock in the parent or Union-level plan has the same starts, after, within and noLaterThan.',
};

// Each plan's clocks by id (the first of an id) with a key that is equal for two clocks exactly
// when this rule finds nothing to report between them. Built once per plan: a repository of many
// EU-jurisdiction plans compares every clock of each with every other plan's.
const clockKeys = new WeakMap<object, Map<string, { index: number; key: number }>>();
function clockIndex(plan: Plan): Map<string, { index: number; key: number }> {
  const cached = typeof plan === 'object' && plan !== null ? clockKeys.get(plan) : undefined;
  if (cached !== undefined) return cached;
  const clocks = items(plan, 'clocks');
  const index = new Map<string, { index: number; key: number }>();
  for (const [id, i] of idIndex(get(plan, 'clocks'))) index.set(id, { index: i, key: clockKey(clocks[i]) });
  if (typeof plan === 'object' && plan !== null) clockKeys.set(plan, index); // a malformed plan is not cached
  return index;
}

/**
 * What the rule compares (starts, after, within as a time span, noLaterThan), as a number that
 * is the same for the same text: comparing the texts themselves for every pair was the cost.
 */
const keyNumbers = new Map<string, number>();
function clockKey(clock: unknown): number {
  const within = str(get(clock, 'within'));
  const span = parseDuration(within);
  const text = JSON.stringify([str(get(clock, 'starts')) ?? null, str(get(clock, 'after')) ?? null, span === undefined ? ['text', within ?? null] : ['span', span], get(clock, 'noLaterThan') ?? null]);
  let n = keyNumbers.get(text);
  if (n === undefined) keyNumbers.set(text, (n = keyNumbers.size));
  return n;
}

/** A clock of a counterpart plan: the plan, its place in the plans map and the clock's key. */
interface Counterpart {
  pos: number;
  id: string;
  plan: Plan;
  index: number;
  key: number;
}

/** The clocks of every EU-jurisdiction plan by clock id, in plans order, and how many share each key. */
interface SharedIndex {
  byClock: Map<string, { entries: Counterpart[]; keys: Map<number, number> }>;
  positions: Map<string, number>;
}

// Built once per set of plans: looking up a clock id here instead of walking every EU plan for
// every clock of every plan keeps a repository of many EU-jurisdiction plans linear.
const sharedIndexes = new WeakMap<ReadonlyMap<string, Plan>, SharedIndex>();
function sharedIndex(plans: ReadonlyMap<string, Plan>): SharedIndex {
  const cached = sharedIndexes.get(plans);
  if (cached !== undefined) return cached;
  const index: SharedIndex = { byClock: new Map(), positions: new Map() };
  let pos = 0;
  for (const [id, plan] of plans) {
    index.positions.set(id, pos);
    if (str(get(get(plan, 'metadata'), 'jurisdiction')) === 'EU') {
      for (const [clockId, c] of clockIndex(plan)) {
        let group = index.byClock.get(clockId);
        if (group === undefined) index.byClock.set(clockId, (group = { entries: [], keys: new Map() }));
        group.entries.push({ pos, id, plan, index: c.index, key: c.key });
        group.keys.set(c.key, (group.keys.get(c.key) ?? 0) + 1);
      }
    }
    pos++;
  }
  sharedIndexes.set(plans, index);
  return index;
}

/** The parent plan when it is not an EU-jurisdiction plan (those are in the index already). */
function parentCounterpart(ctx: RuleContext, shared: SharedIndex): { pos: number; id: string; plan: Plan } | undefined {
  const parent = str(get(get(ctx.plan, 'metadata'), 'parent'));
  if (parent === undefined || parent === planId(ctx.plan)) return undefined;
  const plan = ctx.plans.get(parent);
  const pos = shared.positions.get(parent);
  if (plan === undefined || pos === undefined || plan === ctx.plan) return undefined;
  if (str(get(get(plan, 'metadata'), 'jurisdiction')) === 'EU') return undefined;
  return { pos, id: parent, plan };
}

/** The counterparts' clocks with this id whose key differs from this clock's, in plans order. */
function differing(
  ctx: RuleContext,
  own: string | undefined,
  group: { entries: Counterpart[]; keys: Map<number, number> } | undefined,
  parent: { pos: number; id: string; plan: Plan } | undefined,
  clockId: string,
  mineKey: number,
): Counterpart[] {
  const out: Counterpart[] = [];
  if (group !== undefined && group.entries.length - (group.keys.get(mineKey) ?? 0) > 0) {
    for (const e of group.entries) if (e.key !== mineKey && e.id !== own && e.plan !== ctx.plan) out.push(e);
  }
  if (parent !== undefined) {
    const found = clockIndex(parent.plan).get(clockId);
    if (found !== undefined && found.key !== mineKey) {
      const at = out.findIndex((e) => e.pos > parent.pos);
      const entry = { ...parent, index: found.index, key: found.key };
      if (at === -1) out.push(entry);
      else out.splice(at, 0, entry);
    }
  }
  return out;
}

/** Two `within` values mean the same time span: equal text, or the same parsed components. */
function sameDuration(a: string | undefined, b: string | undefined): boolean {
  if (a === b) return true;
  const da = parseDuration(a);
  const db = parseDuration(b);
  return da !== undefined && db !== undefined && JSON.stringify(da) === JSON.stringify(db);
}

/** Reports each differing field of a clock that shares its id with a counterpart plan's clock. */
export const sharedClockMismatch: Rule = {
  ...meta,
  check(ctx) {
    const out: RuleFinding[] = [];
    const shared = sharedIndex(ctx.plans);
    const own = planId(ctx.plan);
    const parent = parentCounterpart(ctx, shared);
    items(ctx.plan, 'clocks').forEach((clock, i) => {
      const id = str(get(clock, 'id'));
      if (id === undefined) return;
      const mineKey = clockKey(clock);
      for (const other of differing(ctx, own, shared.byClock.get(id), parent, id, mineKey)) {
        const theirs = items(other.plan, 'clocks')[other.index];
        const name = nameOf('clock', clock, i);
        for (const field of ['starts', 'after', 'within'] as const) {
          const mine = str(get(clock, field));
          const want = str(get(theirs, field));
          const same = field === 'within' ? sameDuration(mine, want) : mine === want;
          if (same) continue;
          const path = mine === undefined ? pointer('clocks', i, 'id') : pointer('clocks', i, field);
          const shown = (v: string | undefined) => (v === undefined ? 'not set' : `"${v}"`);
          const message =
            `${name} has the id of a clock of plan "${other.id}", so the engine runs them as one deadline, ` +
            `but its ${field} is ${shown(mine)} here and ${shown(want)} there: ` +
            `${want === undefined ? `remove ${field}` : `use ${field}: ${want}`}, or rename this clock if it is a different deadline`;
          out.push(finding(meta, path, message));
        }
        if (JSON.stringify(get(clock, 'noLaterThan') ?? null) !== JSON.stringify(get(theirs, 'noLaterThan') ?? null)) {
          const message =
            `${name} has the id of a clock of plan "${other.id}", so the engine runs them as one deadline, ` +
            'but their outer limits (noLaterThan) differ: give both the same one, or rename this clock if it is a different deadline';
          out.push(finding(meta, pointer('clocks', i, has(clock, 'noLaterThan') ? 'noLaterThan' : 'id'), message));
        }
      }
    });
    return out;
  },
};
