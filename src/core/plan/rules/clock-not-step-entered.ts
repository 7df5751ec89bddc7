// clock/not-step-entered: a step's startsClocks starts clocks when the step is entered, so each
// must be a step-entered clock. An awareness or report clock listed there would be started by the
// engine at the wrong time (or never, when it already runs), and the plan would say two things.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from './finding.js';
import { nameOf } from './ref-sites.js';
import type { Rule } from './rule.js';
import { asArray, get, idIndex, items, pointer, str } from './safe.js';

const meta: RuleMeta = {
  id: 'clock/not-step-entered',
  severity: 'error',
  description:
    'A step lists in startsClocks only clocks with starts: step-entered; a decision option lists no clock the engine starts by itself (awareness, report-submitted).',
};

// A decision option records what the responder decided, so it may also start a clock that runs
// from a request or a classification; the engine alone starts these two, from the incident.
const AUTOMATIC = new Set(['awareness', 'report-submitted']);

/** Reports each startsClocks entry that names a local clock with the wrong `starts`. */
export const clockNotStepEntered: Rule = {
  ...meta,
  check(ctx) {
    const out: RuleFinding[] = [];
    const clocks = items(ctx.plan, 'clocks');
    const index = idIndex(clocks);
    const startsOf = (id: unknown): string | undefined => {
      const at = typeof id === 'string' ? index.get(id) : undefined;
      return at === undefined ? undefined : str(get(clocks[at], 'starts')); // unknown: ref/unknown-clock
    };
    items(ctx.plan, 'steps').forEach((step, i) => {
      const name = nameOf('step', step, i);
      asArray(get(step, 'startsClocks')).forEach((id, j) => {
        const starts = startsOf(id);
        if (starts === undefined || starts === 'step-entered') return;
        const instead = AUTOMATIC.has(starts)
          ? 'remove it from startsClocks (the engine starts it by itself)'
          : `start it from the decision option that records the ${starts} event instead`;
        const message =
          `${name}: startsClocks "${String(id)}" is a clock with starts: ${starts}, which entering a step does not start: ` +
          `${instead}, or make it a step-entered clock if it is a plan deadline that runs from this step`;
        out.push(finding(meta, pointer('steps', i, 'startsClocks', j), message));
      });
      asArray(get(get(step, 'decision'), 'options')).forEach((option, k) => {
        asArray(get(option, 'startsClocks')).forEach((id, j) => {
          const starts = startsOf(id);
          if (starts === undefined || !AUTOMATIC.has(starts)) return;
          const message =
            `${name}, ${nameOf('option', option, k)}: startsClocks "${String(id)}" is a clock with starts: ${starts}, ` +
            'which the engine starts by itself: remove it from startsClocks';
          out.push(finding(meta, pointer('steps', i, 'decision', 'options', k, 'startsClocks', j), message));
        });
      });
    });
    return out;
  },
};
