// metadata/review-before-adoption: a plan cannot be due for review before it was adopted; the
// two dates are almost always swapped or mistyped.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from './finding.js';
import { isoDate } from './dates.js';
import type { Rule } from './rule.js';
import { get } from './safe.js';

const meta: RuleMeta = {
  id: 'metadata/review-before-adoption',
  severity: 'error',
  description: 'The review date of a plan (metadata.reviewDue) is not before its adoption date (metadata.adopted).',
};

/** Reports reviewDue before adopted, at reviewDue. */
export const reviewBeforeAdoption: Rule = {
  ...meta,
  check(ctx) {
    const out: RuleFinding[] = [];
    const metadata = get(ctx.plan, 'metadata');
    const adopted = isoDate(get(metadata, 'adopted'));
    const review = isoDate(get(metadata, 'reviewDue'));
    if (adopted === undefined || review === undefined || review >= adopted) return out;
    const message = `reviewDue ${review} is before adopted ${adopted}: check both dates (the review falls after adoption)`;
    out.push(finding(meta, '/metadata/reviewDue', message, { cause: ['/metadata/reviewDue', '/metadata/adopted'] }));
    return out;
  },
};
