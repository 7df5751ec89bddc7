// metadata/review-before-adoption: a plan cannot be due for review before it was adopted; the
// two dates are almost always swapped or mistyped.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from './finding.js';
import type { Rule } from './rule.js';
import { get, str } from './safe.js';

const meta: RuleMeta = {
  id: 'metadata/review-before-adoption',
  severity: 'error',
  description: 'The review date of a plan (metadata.reviewDue) is not before its adoption date (metadata.adopted).',
};

/** A YYYY-MM-DD date as the text itself (which sorts like the date), or undefined. */
export function isoDate(value: unknown): string | undefined {
  const text = str(value);
  if (text === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined; // the schema's finding
  return Number.isNaN(Date.parse(`${text}T00:00:00Z`)) ? undefined : text;
}

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
