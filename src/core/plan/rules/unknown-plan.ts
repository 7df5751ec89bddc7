// ref/unknown-plan: a PLAN#ID reference names a plan that was not loaded.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from './finding.js';
import { resolver, siteText } from './resolve.js';
import { arrangementRefSites, roleRefSites, stepRefSites } from './ref-sites.js';
import type { Rule } from './rule.js';
import { quoteList, suggester } from './words.js';

const meta: RuleMeta = {
  id: 'ref/unknown-plan',
  severity: 'error',
  description:
    'Every PLAN#STEP or PLAN#ROLE reference names a plan that is loaded (bundled, or given in the same run).',
};

/** Reports cross-plan references whose plan is not among the loaded plans. */
export const unknownPlan: Rule = {
  ...meta,
  check(ctx) {
    const didYouMean = suggester();
    const out: RuleFinding[] = [];
    // Sorted only for a finding: sorting every plan id for every file made many files quadratic.
    let sorted: string[] | undefined;
    const knownIds = (): string[] => (sorted ??= [...ctx.plans.keys()].sort());
    const sites = [...stepRefSites(ctx.plan), ...arrangementRefSites(ctx.plan), ...roleRefSites(ctx.plan)];
    const resolve = resolver(ctx, []);
    for (const site of sites) {
      const r = resolve(site.value);
      if (r.status !== 'no-plan') continue;
      const known = knownIds();
      const loaded = known.length === 0 ? 'no plans are loaded' : `loaded plans: ${quoteList(known)}`;
      const message =
        `${siteText(site)}: plan "${r.plan}" is not loaded${didYouMean(r.plan, known)} (${loaded}). ` +
        'Files given together to crisis validate resolve against each other: add the file that defines it.';
      out.push(finding(meta, site.path, message));
    }
    return out;
  },
};
