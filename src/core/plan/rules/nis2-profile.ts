// The NIS2 Art. 9 profile: warnings for national plans that leave out an element the Directive lists.
// Messages name the element in plain words and say what to add; paths point where to add it.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from './finding.js';
import type { Rule, RuleContext } from './rule.js';
import { get, isNational, items, str } from './safe.js';

/** Builds a NIS2 profile rule: a warning, checked only for national plans (jurisdiction other than EU). */
export function nis2Rule(
  id: string,
  description: string,
  check: (ctx: RuleContext, report: (path: string, message: string) => RuleFinding) => RuleFinding[],
): Rule {
  const meta: RuleMeta = { id, severity: 'warning', description };
  return {
    ...meta,
    check(ctx) {
      if (!isNational(ctx.plan)) return [];
      return check(ctx, (path, message) => finding(meta, path, message));
    },
  };
}

/** Indexes of the roles of type cyber-crisis-authority. */
export function authorityIndexes(plan: unknown): number[] {
  return items(plan, 'roles').flatMap((role, i) => (str(get(role, 'type')) === 'cyber-crisis-authority' ? [i] : []));
}
