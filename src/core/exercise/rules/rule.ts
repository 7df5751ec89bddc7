// The shape of an exercise rule of `crisis validate`: pure, named, with a stable public id.
import type { RuleFinding, RuleMeta } from '../../findings.js';
import type { Plan } from '../../plan/types.js';

/** What an exercise rule sees: the document (maybe schema-invalid) and every loaded plan by id. */
export interface ExerciseContext {
  /** The exercise as parsed: read it only through the total accessors of plan/rules/safe.ts. */
  exercise: unknown;
  plans: ReadonlyMap<string, Plan>;
  /** The exercise's `plan`, when it is a string: bare references resolve in this plan. */
  planId: string | undefined;
}

/** A semantic rule for exercises: its id, default severity and description, and the check. */
export interface ExerciseRule extends RuleMeta {
  check(ctx: ExerciseContext): RuleFinding[];
}
