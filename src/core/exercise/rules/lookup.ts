// Resolving an exercise reference (ID in the exercise's plan, or PLAN#ID) to an element of a plan.
import { splitRef } from '../../engine/refs.js';
import { get, items, str } from '../../plan/rules/safe.js';
import type { ExerciseContext } from './rule.js';

export type Collection = 'steps' | 'notifications' | 'clocks' | 'levels' | 'roles' | 'severities';

export type Lookup =
  | { status: 'ok'; planId: string; id: string; element: unknown }
  | { status: 'no-plan'; planId: string }
  | { status: 'missing'; planId: string; id: string; known: string[] };

/** Look a reference up; undefined when a bare id cannot be placed (the exercise names no usable plan). */
export function lookup(ctx: ExerciseContext, ref: string, collection: Collection): Lookup | undefined {
  const { planId, id } = splitRef(ref, ctx.planId ?? '');
  if (planId === '') return undefined;
  const plan: unknown = ctx.plans.get(planId);
  if (plan === undefined) return ref.includes('#') ? { status: 'no-plan', planId } : undefined;
  const list = items(plan, collection);
  const element = list.find((e) => str(get(e, 'id')) === id);
  if (element !== undefined) return { status: 'ok', planId, id, element };
  const known = list.flatMap((e) => str(get(e, 'id')) ?? []);
  return { status: 'missing', planId, id, known };
}
