// Resolving a reference (ID or PLAN#ID) against this plan or another loaded plan.

import type { RuleContext } from './rule.js';
import { parseRef, type RefSite } from './ref-sites.js';
import { get, idIndex, planId } from './safe.js';

/** The outcome of resolving one reference. */
export type Resolution =
  | { status: 'ok' }
  | { status: 'malformed' }
  | { status: 'no-plan'; plan: string }
  | { status: 'missing'; plan: string | undefined; id: string; known: ReadonlySet<string> };

/** Resolves references against the ids of `collections` ('steps', 'roles') of the plan each one names. */
export type Resolver = (value: string) => Resolution;

/** A resolver for one rule run; it indexes each target plan once, so large plans stay linear. */
export function resolver(ctx: RuleContext, collections: readonly string[]): Resolver {
  const own = planId(ctx.plan);
  const indexes = new Map<string | undefined, Set<string>>();
  const idsOf = (plan: string | undefined, target: unknown): Set<string> => {
    let ids = indexes.get(plan);
    if (ids === undefined) {
      ids = new Set(collections.flatMap((c) => [...idIndex(get(target, c)).keys()]));
      indexes.set(plan, ids);
    }
    return ids;
  };
  return (value) => {
    const { plan, id } = parseRef(value);
    if (plan === '' || id === '') return { status: 'malformed' };
    const local = plan === undefined || plan === own;
    const target: unknown = local ? ctx.plan : ctx.plans.get(plan);
    if (target === undefined) return { status: 'no-plan', plan: plan ?? '' };
    const known = idsOf(local ? undefined : plan, target);
    if (known.has(id)) return { status: 'ok' };
    return { status: 'missing', plan: local ? undefined : plan, id, known };
  };
}

/** The start of a message about a reference: 'step "triage": next "x"'. */
export function siteText(site: RefSite): string {
  const where = site.context === '' ? '' : `${site.context}: `;
  return `${where}${site.field} "${site.value}"`;
}

/** The message for a reference that does not parse as ID or PLAN#ID. */
export function malformedMessage(site: RefSite, noun: string): string {
  const other = `PLAN-ID#${noun.toUpperCase()}-ID`;
  return `${siteText(site)} is not a valid reference: write a ${noun} id, or ${other} for a ${noun} of another plan`;
}
