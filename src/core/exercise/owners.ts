// Who owns what an expectation asks for, from the plan: the improvement plan names that role.
import { splitRef, type Plans } from '../engine/index.js';
import type { Plan, Step } from '../plan/types.js';
import type { Expectation } from './types.js';

/** A role of a plan, as reports show it. */
export interface OwnerRole {
  planId: string;
  roleId: string;
  title: string;
}

/** The owner of a step (the plan's start step, or first step, when no step is named). */
export function stepOwner(plans: Plans, planId: string, stepId?: string): string | undefined {
  const plan = plans.get(planId);
  const id = stepId ?? plan?.start ?? plan?.steps[0]?.id;
  return plan?.steps.find((s) => s.id === id)?.owner;
}

/** The role owning an expectation's step, decision, notification, clock or level; undefined when the plan says nothing. */
export function expectationOwner(e: Expectation, plans: Plans, home: string): OwnerRole | undefined {
  const found = ownerRef(e, plans, home);
  if (!found) return undefined;
  const role = plans.get(found.planId)?.roles.find((r) => r.id === found.roleId);
  return role ? { ...found, title: role.title } : { ...found, title: found.roleId };
}

function ownerRef(e: Expectation, plans: Plans, home: string): { planId: string; roleId: string } | undefined {
  const inPlan = (ref: string | undefined): { plan: Plan | undefined; planId: string; id: string } => {
    const r = splitRef(ref ?? '', home);
    return { plan: plans.get(r.planId), planId: r.planId, id: r.id };
  };
  const role = (planId: string, step: Step | undefined, decision = false): { planId: string; roleId: string } | undefined => {
    const id = decision ? (step?.decision?.owner ?? step?.owner) : step?.owner;
    const r = id === undefined ? undefined : splitRef(id, planId);
    return r && { planId: r.planId, roleId: r.id };
  };
  switch (e.type) {
    case 'step-reached':
    case 'decision-taken': {
      const { plan, planId, id } = inPlan(e.step);
      return role(planId, plan?.steps.find((s) => s.id === id), e.type === 'decision-taken');
    }
    case 'notification-sent': {
      if (e.notification !== undefined) {
        const { plan, planId, id } = inPlan(e.notification);
        return role(planId, plan?.steps.find((s) => s.notify?.includes(id)));
      }
      const to = inPlan(e.to);
      for (const { plan, planId } of [inPlan(home), to]) {
        const sent = plan?.notifications?.filter((n) => sameRef(n.to, planId, `${to.planId}#${to.id}`)).map((n) => n.id) ?? [];
        const step = plan?.steps.find((s) => s.notify?.some((n) => sent.includes(n)));
        if (step) return role(planId, step);
      }
      return undefined;
    }
    case 'clock-met': {
      const { plan, planId, id } = inPlan(e.clock);
      const meets = plan?.notifications?.filter((n) => n.clock !== undefined && sameRef(n.clock, planId, `${planId}#${id}`)).map((n) => n.id) ?? [];
      return role(planId, plan?.steps.find((s) => s.notify?.some((n) => meets.includes(n))));
    }
    case 'level-reached': {
      const { plan, planId, id } = inPlan(e.level);
      const raising = plan?.steps.find((s) => s.decision?.options.some((o) => o.escalate === id));
      return raising ? role(planId, raising, true) : role(planId, plan?.steps.find((s) => s.level === id));
    }
  }
  return undefined;
}

/** Whether `ref` (ID or PLAN#ID seen from planId) is the canonical PLAN#ID `want`. */
function sameRef(ref: string, planId: string, want: string): boolean {
  const r = splitRef(ref, planId);
  return `${r.planId}#${r.id}` === want;
}
