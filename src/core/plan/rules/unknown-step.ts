// ref/unknown-step: a next, option next, start or Union-level arrangement names a step that does not exist.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from './finding.js';
import { malformedMessage, resolver, siteText } from './resolve.js';
import { arrangementRefSites, stepRefSites } from './ref-sites.js';
import type { Rule } from './rule.js';
import { suggester } from './words.js';

const meta: RuleMeta = {
  id: 'ref/unknown-step',
  severity: 'error',
  description: 'Every start, next, decision option next and Union-level arrangement names a step that exists.',
};

/** Reports references to steps (local, or PLAN#STEP in a loaded plan) that do not resolve. */
export const unknownStep: Rule = {
  ...meta,
  check(ctx) {
    const didYouMean = suggester();
    const out: RuleFinding[] = [];
    const steps = resolver(ctx, ['steps']);
    // A Union-level arrangement may name a step or a role of the Union-level plan.
    const stepsOrRoles = resolver(ctx, ['steps', 'roles']);
    const sites = [
      ...stepRefSites(ctx.plan).map((site) => ({ site, resolve: steps, noun: 'step' })),
      ...arrangementRefSites(ctx.plan).map((site) => ({ site, resolve: stepsOrRoles, noun: 'step or role' })),
    ];
    for (const { site, resolve, noun } of sites) {
      const r = resolve(site.value);
      let message: string | undefined;
      if (r.status === 'malformed') message = malformedMessage(site, 'step');
      else if (r.status === 'missing' && r.plan === undefined)
        message = `${siteText(site)} is not a ${noun} of this plan${didYouMean(r.id, r.known)}`;
      else if (r.status === 'missing')
        message = `${siteText(site)}: plan "${r.plan}" has no ${noun} "${r.id}"${didYouMean(r.id, r.known)}`;
      if (message !== undefined) out.push(finding(meta, site.path, message));
    }
    return out;
  },
};
