// ref/unknown-role: an owner, supporting role, recipient, actor or stakeholder role names no role.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from './finding.js';
import { malformedMessage, resolver, siteText } from './resolve.js';
import { roleRefSites } from './ref-sites.js';
import type { Rule } from './rule.js';
import { suggester } from './words.js';

const meta: RuleMeta = {
  id: 'ref/unknown-role',
  severity: 'error',
  description:
    'Every step owner, supporting role, decision owner, notification recipient, capability owner, level actor ' +
    'and stakeholder role names a role that exists.',
};

/** Reports role references (local, or PLAN#ROLE in a loaded plan) that do not resolve. */
export const unknownRole: Rule = {
  ...meta,
  check(ctx) {
    const didYouMean = suggester();
    const out: RuleFinding[] = [];
    const resolve = resolver(ctx, ['roles']);
    for (const site of roleRefSites(ctx.plan)) {
      const r = resolve(site.value);
      let message: string | undefined;
      if (r.status === 'malformed') message = malformedMessage(site, 'role');
      else if (r.status === 'missing' && r.plan === undefined)
        message = `${siteText(site)} is not a role of this plan${didYouMean(r.id, r.known)}`;
      else if (r.status === 'missing')
        message = `${siteText(site)}: plan "${r.plan}" has no role "${r.id}"${didYouMean(r.id, r.known)}`;
      if (message !== undefined) out.push(finding(meta, site.path, message));
    }
    return out;
  },
};
