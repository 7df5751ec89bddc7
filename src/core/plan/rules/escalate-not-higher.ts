// escalate/not-higher: escalating should raise the cooperation level, not keep or lower it.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from './finding.js';
import { nameOf } from './ref-sites.js';
import type { Rule } from './rule.js';
import { get, items, num, pointer, str } from './safe.js';

const meta: RuleMeta = {
  id: 'escalate/not-higher',
  severity: 'warning',
  description: "A decision option escalates to a level ranked above the step's own level.",
};

/** Reports options whose escalate level does not rank above the step's level (unknown levels are skipped). */
export const escalateNotHigher: Rule = {
  ...meta,
  check(ctx) {
    const ranks = new Map<string, number>();
    for (const level of items(ctx.plan, 'levels')) {
      const id = str(get(level, 'id'));
      const rank = num(get(level, 'rank'));
      if (id !== undefined && rank !== undefined && !ranks.has(id)) ranks.set(id, rank);
    }
    const out: RuleFinding[] = [];
    items(ctx.plan, 'steps').forEach((step, i) => {
      const from = str(get(step, 'level'));
      const fromRank = from === undefined ? undefined : ranks.get(from);
      if (fromRank === undefined) return;
      items(get(step, 'decision'), 'options').forEach((option, j) => {
        const to = str(get(option, 'escalate'));
        const toRank = to === undefined ? undefined : ranks.get(to);
        if (toRank === undefined || toRank > fromRank) return;
        const message =
          `${nameOf('step', step, i)}, ${nameOf('option', option, j)} escalates to level "${to}" (rank ${toRank}), ` +
          `which is not above the step's level "${from}" (rank ${fromRank})`;
        out.push(finding(meta, pointer('steps', i, 'decision', 'options', j, 'escalate'), message));
      });
    });
    return out;
  },
};
