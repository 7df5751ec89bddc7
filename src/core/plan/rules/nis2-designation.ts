// nis2/art9-5-designation-late: NIS2 Art. 9(5) has the Member State notify the Commission of the
// cyber crisis management authority it designates within three months of the designation.
// Plans record both dates on the authority's role (designated, designationNotified). A warning:
// a legal deadline read from dates the plan records about itself.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { isoDate, threeMonthsAfter } from './dates.js';
import { finding } from './finding.js';
import { nameOf } from './ref-sites.js';
import type { Rule } from './rule.js';
import { get, items, pointer } from './safe.js';

const meta: RuleMeta = {
  id: 'nis2/art9-5-designation-late',
  severity: 'warning',
  description:
    "A role's designationNotified date is at most three months after its designated date (NIS2 Art. 9(5)).",
};

/** Reports each role whose designation reached the Commission more than three months after it was made. */
export const nis2DesignationLate: Rule = {
  ...meta,
  check(ctx) {
    const out: RuleFinding[] = [];
    items(ctx.plan, 'roles').forEach((role, i) => {
      const designated = isoDate(get(role, 'designated'));
      const notified = isoDate(get(role, 'designationNotified'));
      if (designated === undefined || notified === undefined) return;
      const deadline = threeMonthsAfter(designated);
      if (notified <= deadline) return;
      const message =
        `${nameOf('role', role, i)}: designationNotified ${notified} is more than three months after designated ${designated} ` +
        `(by ${deadline}): NIS2 Art. 9(5) has the Commission notified of a designated cyber crisis management authority ` +
        'within three months; check the dates, or record why it was late in the description';
      const path = pointer('roles', i, 'designationNotified');
      out.push(finding(meta, path, message, { cause: [path, pointer('roles', i, 'designated')] }));
    });
    return out;
  },
};
