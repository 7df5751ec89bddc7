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

/** The plans whose clocks share ids with this one's: its parent and every EU-jurisdiction plan. */
function counterparts(ctx: RuleContext): { id: string; plan: Plan }[] {
  const own = planId(ctx.plan);
  const parent = str(get(get(ctx.plan, 'metadata'), 'parent'));
  const out: { id: string; plan: Plan }[] = [];
  for (const [id, plan] of ctx.plans) {
    if (id === own || plan === ctx.plan) continue;
    const eu = str(get(get(plan, 'metadata'), 'jurisdiction')) === 'EU';
    if (id === parent || eu) out.push({ id, plan });
  }
  return out;
}

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
    const others = counterparts(ctx);
    if (others.length === 0) return out;
    const indexes = others.map((o) => clockIndex(o.plan));
    items(ctx.plan, 'clocks').forEach((clock, i) => {
      const id = str(get(clock, 'id'));
      if (id === undefined) return;
      const mineKey = clockKey(clock);
      for (const [o, other] of others.entries()) {
        const found = indexes[o]?.get(id);
        if (found === undefined || found.key === mineKey) continue; // the same clock: nothing to report
        const theirs = items(other.plan, 'clocks')[found.index];
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
