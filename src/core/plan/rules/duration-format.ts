// format/duration: deadlines and timeouts are ISO 8601 durations the engine can compute with.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { parseDuration } from '../../time/duration.js';
import { finding } from './finding.js';
import { nameOf } from './ref-sites.js';
import type { Rule } from './rule.js';
import { get, items, pointer, str } from './safe.js';

const meta: RuleMeta = {
  id: 'format/duration',
  severity: 'error',
  description:
    'Clock deadlines (within) and command timeouts (run.timeout) are ISO 8601 durations such as PT24H or P1M.',
};

const EXAMPLE =
  'write it like PT24H (24 hours), PT30M (30 minutes), P3D (3 days), P1DT2H (1 day 2 hours) or P1M (1 month); ' +
  'only the last component may have a fraction';

/** Reports within and run.timeout values that are strings but not ISO 8601 durations. */
export const durationFormat: Rule = {
  ...meta,
  check(ctx) {
    const sites: { value: unknown; path: string; what: string }[] = [
      ...items(ctx.plan, 'clocks').map((c, i) => ({
        value: get(c, 'within'),
        path: pointer('clocks', i, 'within'),
        what: `${nameOf('clock', c, i)}: within`,
      })),
      ...items(ctx.plan, 'clocks').map((c, i) => ({
        value: get(get(c, 'noLaterThan'), 'within'),
        path: pointer('clocks', i, 'noLaterThan', 'within'),
        what: `${nameOf('clock', c, i)}: noLaterThan.within`,
      })),
      ...items(ctx.plan, 'steps').map((s, i) => ({
        value: get(get(s, 'run'), 'timeout'),
        path: pointer('steps', i, 'run', 'timeout'),
        what: `${nameOf('step', s, i)}: run.timeout`,
      })),
    ];
    return durationFindings(meta, sites, EXAMPLE);
  },
};

/** A place that should hold an ISO 8601 duration, and how to name it in a message. */
export interface DurationSite {
  value: unknown;
  path: string;
  what: string;
}

/** Findings for the sites whose string value is not an ISO 8601 duration (other types are the schema's). */
export function durationFindings(meta: RuleMeta, sites: readonly DurationSite[], example: string): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const { value, path, what } of sites) {
    const text = str(value);
    if (text === undefined || parseDuration(text) !== undefined) continue;
    out.push(finding(meta, path, `${what} "${text}" is not an ISO 8601 duration: ${example}`));
  }
  return out;
}
