// clock/after-required: a clock that runs from a submitted report must say which report.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from './finding.js';
import { nameOf } from './ref-sites.js';
import type { Rule } from './rule.js';
import { get, has, items, pointer, str } from './safe.js';

const meta: RuleMeta = {
  id: 'clock/after-required',
  severity: 'error',
  description: 'A clock with starts: report-submitted names the earlier clock in after; other clocks have no after.',
};

/**
 * Error: starts: report-submitted without after (the engine cannot tell when it starts).
 * Warning: after on any other anchor, where it is ignored.
 */
export const clockAfterRequired: Rule = {
  ...meta,
  check(ctx) {
    const out: RuleFinding[] = [];
    items(ctx.plan, 'clocks').forEach((clock, i) => {
      const starts = str(get(clock, 'starts'));
      const name = nameOf('clock', clock, i);
      if (starts === 'report-submitted' && !has(clock, 'after')) {
        const message =
          `${name} starts when a report is submitted but does not say which: ` +
          'add after: with the id of the clock whose report starts it (e.g. the NIS2 incident notification)';
        out.push(finding(meta, pointer('clocks', i), message));
      } else if (starts !== undefined && starts !== 'report-submitted' && has(clock, 'after')) {
        const message =
          `${name} has after, which is only used with starts: report-submitted; ` +
          `it is ignored for starts: ${starts}`;
        out.push(finding(meta, pointer('clocks', i, 'after'), message, { severity: 'warning', at: 'key' }));
      }
    });
    return out;
  },
};
