// clock/never-started: a step-entered clock runs only when a step (or a decision option) lists it
// in startsClocks; one that nothing lists never starts on its own, so its deadline is never shown.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from './finding.js';
import { nameOf } from './ref-sites.js';
import type { Rule } from './rule.js';
import { asArray, get, items, pointer, str } from './safe.js';

const meta: RuleMeta = {
  id: 'clock/never-started',
  severity: 'error',
  description: 'Every clock with starts: step-entered is listed in the startsClocks of a step or decision option.',
};

/** Reports each step-entered clock that no startsClocks list names, at its starts. */
export const clockNeverStarted: Rule = {
  ...meta,
  check(ctx) {
    const out: RuleFinding[] = [];
    const started = new Set<string>();
    for (const step of items(ctx.plan, 'steps')) {
      const lists = [get(step, 'startsClocks'), ...asArray(get(get(step, 'decision'), 'options')).map((o) => get(o, 'startsClocks'))];
      for (const id of lists.flatMap((l) => asArray(l))) if (typeof id === 'string') started.add(id);
    }
    items(ctx.plan, 'clocks').forEach((clock, i) => {
      const id = str(get(clock, 'id'));
      if (id === undefined || str(get(clock, 'starts')) !== 'step-entered' || started.has(id)) return;
      const message =
        `${nameOf('clock', clock, i)} starts when a step is entered, but no step or decision option lists it in startsClocks: ` +
        'add it to the startsClocks of the step it runs from, or change starts to the event it runs from';
      out.push(finding(meta, pointer('clocks', i, 'starts'), message));
    });
    return out;
  },
};
