// nis2/art9-5-plan-info-late: NIS2 Art. 9(5) has the Member State send the Commission and
// EU-CyCLONe the relevant information on its national plan within three months of adopting it.
// A warning: a legal deadline read from two dates the plan records about itself.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from './finding.js';
import { isoDate, threeMonthsAfter } from './dates.js';
import type { Rule } from './rule.js';
import { get } from './safe.js';

const meta: RuleMeta = {
  id: 'nis2/art9-5-plan-info-late',
  severity: 'warning',
  description:
    'The plan information is sent to the Commission and EU-CyCLONe (metadata.notifiedToCommission, notifiedToCyclone) at most three months after metadata.adopted (NIS2 Art. 9(5)).',
};

const RECIPIENTS = [
  { key: 'notifiedToCommission', to: 'the Commission' },
  { key: 'notifiedToCyclone', to: 'EU-CyCLONe' },
] as const;

/** Reports each notification date later than adoption plus three calendar months, at that date. */
export const nis2PlanInfoLate: Rule = {
  ...meta,
  check(ctx) {
    const out: RuleFinding[] = [];
    const metadata = get(ctx.plan, 'metadata');
    const adopted = isoDate(get(metadata, 'adopted'));
    if (adopted === undefined) return out;
    const deadline = threeMonthsAfter(adopted);
    for (const { key, to } of RECIPIENTS) {
      const sent = isoDate(get(metadata, key));
      if (sent === undefined || sent <= deadline) continue;
      const message =
        `${key} ${sent} is more than three months after adopted ${adopted} (by ${deadline}): NIS2 Art. 9(5) has the plan ` +
        `information sent to ${to} within three months of adoption; check the date, or record why it was late in the description`;
      out.push(finding(meta, `/metadata/${key}`, message, { cause: [`/metadata/${key}`, '/metadata/adopted'] }));
    }
    return out;
  },
};
