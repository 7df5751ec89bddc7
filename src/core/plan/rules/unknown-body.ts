// ref/unknown-body: a role's memberOf names an EU network or body the plan can know about.
// Known bodies are the Union-level networks NIS2 sets up, plus every role of type eu-network or
// eu-body in this plan, its parent and the Union-level plan (so a plan can declare its own).

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from './finding.js';
import { nameOf, type RefSite } from './ref-sites.js';
import { siteText } from './resolve.js';
import type { Rule, RuleContext } from './rule.js';
import { asArray, get, items, pointer, str } from './safe.js';
import { suggester } from './words.js';

const meta: RuleMeta = {
  id: 'ref/unknown-body',
  severity: 'error',
  description: 'Every role memberOf entry names an EU network or body: csirts-network, eu-cyclone, or a role of type eu-network or eu-body.',
};

/** The networks of NIS2 Art. 15 (CSIRTs network) and Art. 16 (EU-CyCLONe). */
export const EU_NETWORKS: readonly string[] = ['csirts-network', 'eu-cyclone'];

/** Ids of roles of type eu-network or eu-body in this plan, its parent and every EU plan. */
function declaredBodies(ctx: RuleContext): Set<string> {
  const parent = str(get(get(ctx.plan, 'metadata'), 'parent'));
  const out = new Set(euPlanBodies(ctx.plans));
  for (const plan of [ctx.plan, parent === undefined ? undefined : ctx.plans.get(parent)]) addBodies(out, plan);
  return out;
}

// The networks and the bodies of every EU plan, once per set of loaded plans: computed for each
// file, it made a repository of many EU-jurisdiction plans quadratic.
const euBodies = new WeakMap<RuleContext['plans'], ReadonlySet<string>>();
function euPlanBodies(plans: RuleContext['plans']): ReadonlySet<string> {
  let bodies = euBodies.get(plans);
  if (bodies === undefined) {
    const out = new Set(EU_NETWORKS);
    for (const plan of plans.values()) if (str(get(get(plan, 'metadata'), 'jurisdiction')) === 'EU') addBodies(out, plan);
    euBodies.set(plans, (bodies = out));
  }
  return bodies;
}

function addBodies(out: Set<string>, plan: unknown): void {
  for (const role of items(plan, 'roles')) {
    const type = str(get(role, 'type'));
    const id = str(get(role, 'id'));
    if (id !== undefined && (type === 'eu-network' || type === 'eu-body')) out.add(id);
  }
}

/** Reports each memberOf entry that names no known body, with a did-you-mean. */
export const unknownBody: Rule = {
  ...meta,
  check(ctx) {
    const out: RuleFinding[] = [];
    const known = declaredBodies(ctx);
    const didYouMean = suggester();
    items(ctx.plan, 'roles').forEach((role, i) => {
      asArray(get(role, 'memberOf')).forEach((entry, j) => {
        const value = str(entry);
        if (value === undefined || known.has(value)) return;
        const site: RefSite = { path: pointer('roles', i, 'memberOf', j), value, context: nameOf('role', role, i), field: 'memberOf' };
        const message =
          `${siteText(site)} is not a known EU network or body: use csirts-network or eu-cyclone, ` +
          `or add a role of type eu-network or eu-body with that id${didYouMean(value, known)}`;
        out.push(finding(meta, site.path, message));
      });
    });
    return out;
  },
};
