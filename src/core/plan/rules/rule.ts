// The shape of a semantic rule of `crisis validate`: pure, named, with a stable public id.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import type { Plan } from '../types.js';

/** What a rule sees: the plan being checked and every plan loaded, by metadata.id. */
export interface RuleContext {
  /** Typed as a Plan, but it may have failed the schema: read it only through safe.ts. */
  plan: Plan;
  /** Every plan loaded (including the bundled `eu-circp` and the current one), by metadata.id. */
  plans: ReadonlyMap<string, Plan>;
}

/** A semantic rule: its id, default severity and description, and the check itself. */
export interface Rule extends RuleMeta {
  check(ctx: RuleContext): RuleFinding[];
}
