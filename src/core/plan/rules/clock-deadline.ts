// clock/no-deadline: only a report asked for "upon request" may have no deadline of its own (its
// due time is the request's); any other clock without `within` would never fall due.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from './finding.js';
import { clockRefSites, nameOf } from './ref-sites.js';
import type { Rule } from './rule.js';
import { get, has, items, pointer, str } from './safe.js';

const meta: RuleMeta = {
  id: 'clock/no-deadline',
  severity: 'error',
  description:
    'Every clock has `within`, except one that starts on-request, whose due time the request names; such a clock is started with "Start a clock", never by startsClocks.',
};

/** Reports a clock with no `within` that does not start on request. */
export const clockNoDeadline: Rule = {
  ...meta,
  check(ctx) {
    const out: RuleFinding[] = [];
    items(ctx.plan, 'clocks').forEach((clock, i) => {
      const starts = str(get(clock, 'starts'));
      if (has(clock, 'within') || starts === undefined || starts === 'on-request') return;
      const message =
        `${nameOf('clock', clock, i)} has no within, so it would never fall due: add within: (e.g. PT72H); ` +
        'only a clock that starts on-request may leave it out, when the law sets no deadline and the request names one';
      out.push(finding(meta, pointer('clocks', i), message));
    });
    // startsClocks has no one to ask the due time: the responder starts it and says when it is due.
    const noDeadline = new Set(items(ctx.plan, 'clocks').flatMap((c) => (has(c, 'within') ? [] : [str(get(c, 'id')) ?? ''])));
    for (const site of clockRefSites(ctx.plan)) {
      if (!/startsClocks/.test(site.path) || !noDeadline.has(site.value)) continue;
      const message =
        `${site.context ? `${site.context}: ` : ""}clock "${site.value}" has no deadline of its own, so it cannot start by itself: remove it from startsClocks; ` +
        'the responder starts it with "Start a clock" and gives the due time the request names';
      out.push(finding(meta, site.path, message));
    }
    return out;
  },
};
