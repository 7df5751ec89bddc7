// ids/duplicate-rank: ranks order the severity scale and the cooperation levels (escalation
// only goes up a rank), so two entries of one list with the same rank leave the order undefined.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from './finding.js';
import { nameOf } from './ref-sites.js';
import type { Rule } from './rule.js';
import { get, items, num, pointer } from './safe.js';

const meta: RuleMeta = {
  id: 'ids/duplicate-rank',
  severity: 'error',
  description: 'No two severities, and no two levels, have the same rank.',
};

const LISTS = [
  { list: 'severities', noun: 'severity' },
  { list: 'levels', noun: 'level' },
] as const;

/** Reports each entry whose rank an earlier entry of the same list already has, at its rank. */
export const duplicateRank: Rule = {
  ...meta,
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const { list, noun } of LISTS) {
      const first = new Map<number, string>();
      items(ctx.plan, list).forEach((entry, i) => {
        const rank = num(get(entry, 'rank'));
        if (rank === undefined) return; // missing or mistyped: the schema's finding
        const name = nameOf(noun, entry, i);
        const earlier = first.get(rank);
        if (earlier === undefined) {
          first.set(rank, name);
          return;
        }
        const message = `${name} has rank ${rank}, like ${earlier}: give each ${noun} its own rank (a higher rank is more ${noun === 'level' ? 'senior' : 'severe'})`;
        out.push(finding(meta, pointer(list, i, 'rank'), message));
      });
    }
    return out;
  },
};
