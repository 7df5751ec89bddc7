// ids/duplicate: ids must be unique within each list of a plan, or references become ambiguous.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from './finding.js';
import type { Rule } from './rule.js';
import { get, items, pointer, str } from './safe.js';
import { ordinal } from './words.js';

/** The lists whose entries carry ids, with the noun messages use for an entry. */
const LISTS: readonly (readonly [key: string, noun: string])[] = [
  ['steps', 'step'],
  ['roles', 'role'],
  ['levels', 'level'],
  ['phases', 'phase'],
  ['clocks', 'clock'],
  ['channels', 'channel'],
  ['notifications', 'notification'],
  ['severities', 'severity'],
  ['stakeholders', 'stakeholder'],
  ['infrastructure', 'infrastructure entry'],
  ['capabilities', 'capability'],
  ['unionArrangements', 'union arrangement'],
];

const meta: RuleMeta = {
  id: 'ids/duplicate',
  severity: 'error',
  description: 'Ids are unique within each list of a plan (steps, roles, levels, clocks, channels and the others).',
};

/** Reports every repeated id at the repeat, naming the entry that first used it. */
export const duplicateIds: Rule = {
  ...meta,
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const [key, noun] of LISTS) {
      const first = new Map<string, number>();
      items(ctx.plan, key).forEach((entry, i) => {
        const id = str(get(entry, 'id'));
        if (id === undefined) return;
        const earlier = first.get(id);
        if (earlier === undefined) {
          first.set(id, i);
          return;
        }
        const message =
          `duplicate ${noun} id "${id}": the ${ordinal(earlier)} ${noun} (${key}[${earlier}]) already uses it; ` +
          `ids must be unique within ${key}`;
        out.push(finding(meta, pointer(key, i, 'id'), message));
      });
    }
    return out;
  },
};
