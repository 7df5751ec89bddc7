// Resolving ids and PLAN#ID references against the loaded plans. Plans are validated before the
// engine sees them, but a log may be replayed against changed plans, so every miss is an EngineError.
import type { Clock, Level, Notification, Plan, Step } from '../plan/types.js';
import { EngineError } from './errors.js';
import type { StepRef } from './events.js';

/** The plans an incident may use, by metadata.id. */
export type Plans = ReadonlyMap<string, Plan>;

/** Split `id` or `PLAN#ID` into a plan id and a local id; a bare id belongs to `planId`. */
export function splitRef(ref: string, planId: string): { planId: string; id: string } {
  const hash = ref.indexOf('#');
  return hash < 0 ? { planId, id: ref } : { planId: ref.slice(0, hash), id: ref.slice(hash + 1) };
}

/** A role's title (ID or PLAN#ID seen from planId); its id when no loaded plan has that role. */
export function roleTitle(plans: Plans, ref: string, planId: string): string {
  const { planId: pid, id } = splitRef(ref, planId);
  return plans.get(pid)?.roles.find((r) => r.id === id)?.title ?? id;
}

/** `plan#step`, the key under which per-step records are kept. */
export function stepKey(ref: StepRef): string {
  return `${ref.planId}#${ref.stepId}`;
}

/** Whether two step references name the same step. */
export function sameStep(a: StepRef | undefined, b: StepRef): boolean {
  return a !== undefined && a.planId === b.planId && a.stepId === b.stepId;
}

/** The plan with this id, or an EngineError. */
export function getPlan(plans: Plans, planId: string): Plan {
  const plan = plans.get(planId);
  if (!plan) throw new EngineError('unknown-plan', `Plan "${planId}" is not loaded.`);
  return plan;
}

/** The step named by a StepRef, or an EngineError. */
export function getStep(plans: Plans, ref: StepRef): Step {
  const step = getPlan(plans, ref.planId).steps.find((s) => s.id === ref.stepId);
  if (!step) throw new EngineError('unknown-step', `Plan "${ref.planId}" has no step "${ref.stepId}".`);
  return step;
}

/** Resolve a step's `next` or an option's `next` (`STEP` or `PLAN#STEP`) to a StepRef that exists. */
export function resolveNext(plans: Plans, next: string, fromPlanId: string): StepRef {
  const { planId, id } = splitRef(next, fromPlanId);
  const ref = { planId, stepId: id };
  getStep(plans, ref);
  return ref;
}

/** The step an incident starts at: plan.start, else the first step. */
export function startStep(plan: Plan): Step {
  const id = plan.start ?? plan.steps[0]?.id;
  const step = plan.steps.find((s) => s.id === id);
  if (!step) throw new EngineError('unknown-step', `Plan "${plan.metadata.id}" has no start step.`);
  return step;
}

/** A cooperation level of a plan, or an EngineError. */
export function getLevel(plans: Plans, planId: string, levelId: string): Level {
  const level = getPlan(plans, planId).levels.find((l) => l.id === levelId);
  if (!level) throw new EngineError('unknown-level', `Plan "${planId}" has no level "${levelId}".`);
  return level;
}

/** A clock named `ID` or `PLAN#ID` seen from `planId`, with the plan it belongs to. */
export function getClock(plans: Plans, ref: string, planId: string): { planId: string; clock: Clock } {
  const r = splitRef(ref, planId);
  const clock = getPlan(plans, r.planId).clocks?.find((c) => c.id === r.id);
  if (!clock) throw new EngineError('unknown-clock', `Plan "${r.planId}" has no clock "${r.id}".`);
  return { planId: r.planId, clock };
}

/** A notification named `ID` or `PLAN#ID` seen from `planId`, with the plan it belongs to. */
export function getNotification(plans: Plans, ref: string, planId: string): { planId: string; notification: Notification } {
  const r = splitRef(ref, planId);
  const notification = getPlan(plans, r.planId).notifications?.find((n) => n.id === r.id);
  if (!notification) throw new EngineError('unknown-notification', `Plan "${r.planId}" has no notification "${r.id}".`);
  return { planId: r.planId, notification };
}
