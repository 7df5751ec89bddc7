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

// Each counterpart's clock index, built once per plan rather than once per clock of every file
// (a repository of many EU-jurisdiction plans compares each with every other).
const clockIndexes = new WeakMap<Plan, Map<string, number>>();
function clockIndex(plan: Plan): Map<string, number> {
  if (typeof plan !== 'object' || plan === null) return idIndex(get(plan, 'clocks')); // a malformed plan
  let index = clockIndexes.get(plan);
  if (index === undefined) clockIndexes.set(plan, (index = idIndex(get(plan, 'clocks'))));
  return index;
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
    items(ctx.plan, 'clocks').forEach((clock, i) => {
      const id = str(get(clock, 'id'));
      if (id === undefined) return;
      for (const other of others) {
        const at = clockIndex(other.plan).get(id);
        if (at === undefined) continue;
        const theirs = items(other.plan, 'clocks')[at];
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
