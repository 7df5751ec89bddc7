// Where a track can still go: the plans' flow as a graph over steps, across plans. A join waits
// only for the running tracks that can still reach it, so this is asked on every move that involves
// one. A track's own way is its next and its options' next: the tracks it may start later are not
// running yet, and one that reaches a join after it opened joins the track that went on from it.
import type { Step } from '../plan/types.js';
import type { StepRef } from './events.js';
import { type Plans, splitRef, stepKey } from './refs.js';

/** The steps a track at `at` can go on to: the step's next and its options' next. */
export function successors(plans: Plans, at: StepRef): StepRef[] {
  const step = plans.get(at.planId)?.steps.find((s) => s.id === at.stepId);
  if (!step) return [];
  return exits(step).flatMap((ref) => {
    const { planId, id } = splitRef(ref, at.planId);
    return plans.get(planId)?.steps.some((s) => s.id === id) ? [{ planId, stepId: id }] : [];
  });
}

function exits(step: Step): string[] {
  return [...(step.next !== undefined ? [step.next] : []), ...(step.decision?.options ?? []).map((o) => o.next)];
}

/** Whether `target` lies on some path from `from` (a step reaches itself only through a loop). */
export function canReach(plans: Plans, from: StepRef, target: StepRef): boolean {
  const goal = stepKey(target);
  const seen = new Set<string>();
  const queue = successors(plans, from);
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const key = stepKey(next);
    if (key === goal) return true;
    if (seen.has(key)) continue;
    seen.add(key);
    queue.push(...successors(plans, next));
  }
  return false;
}
