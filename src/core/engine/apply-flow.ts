// Handlers for events that move the incident through its plans: open, enter, decide, skip,
// hand over, close. Each mutates a draft state that apply() has already copied.
import { EngineError } from './errors.js';
import type { DecisionTaken, IncidentClosed, IncidentOpened, PlanHandedOver, StepEntered, StepRef, StepSkipped } from './events.js';
import { leftOpen, requireCurrent, text } from './guards.js';
import { getLevel, getPlan, getStep, type Plans, startStep } from './refs.js';
import type { IncidentState } from './state.js';
import { parseIso } from './time.js';

/** incident-opened: meta, the opening plan, and the start step's level as the first level. */
export function onOpened(s: IncidentState, e: IncidentOpened, plans: Plans): void {
  if (s.opened) throw new EngineError('already-open', 'The incident is already open.');
  const plan = getPlan(plans, e.planId);
  const level = getLevel(plans, e.planId, startStep(plan).level);
  parseIso(e.awareness, 'awareness time');
  if (e.severity !== undefined && !plan.severities?.some((v) => v.id === e.severity)) {
    throw new EngineError('unknown-severity', `Plan "${e.planId}" has no severity "${e.severity}".`);
  }
  s.opened = true;
  s.meta = {
    planId: e.planId,
    title: text(e.title, 'title'),
    awareness: e.awareness,
    ...(e.severity !== undefined ? { severity: e.severity } : {}),
    openedAt: e.at,
    openedBy: e.actor,
  };
  s.planId = e.planId;
  s.plans = [e.planId];
  s.level = { planId: e.planId, id: level.id, rank: level.rank };
}

/** step-entered: only in the plan the incident is in now (another plan needs a hand-over first). */
export function onStepEntered(s: IncidentState, e: StepEntered, plans: Plans): void {
  if (e.planId !== s.planId) {
    throw new EngineError('invalid-event', `Step ${e.planId}#${e.stepId} is in another plan; hand over to it first.`);
  }
  getStep(plans, e);
  noteLeftOpen(s, s.current, e);
  s.current = { planId: e.planId, stepId: e.stepId };
  s.visited.push({ planId: e.planId, stepId: e.stepId, at: e.at, actor: e.actor });
}

/** decision-taken: the option must exist on the current step's decision, under the same label. */
export function onDecision(s: IncidentState, e: DecisionTaken, plans: Plans): void {
  requireCurrent(s, e);
  const decision = getStep(plans, e).decision;
  const option = decision?.options[e.option];
  if (!option || option.label !== e.label) {
    throw new EngineError('invalid-event', `Step ${e.stepId} has no decision option ${e.option} "${e.label}".`);
  }
  s.decisions.push({ planId: e.planId, stepId: e.stepId, option: e.option, label: e.label, at: e.at, actor: e.actor });
}

/** step-skipped: the current step, with a reason. */
export function onSkipped(s: IncidentState, e: StepSkipped, plans: Plans): void {
  requireCurrent(s, e);
  getStep(plans, e);
  s.skipped.push({ planId: e.planId, stepId: e.stepId, reason: text(e.reason, 'reason'), at: e.at, actor: e.actor });
}

/** plan-handed-over: from the current step into a step of another loaded plan. */
export function onHandOver(s: IncidentState, e: PlanHandedOver, plans: Plans): void {
  requireCurrent(s, e.from);
  getStep(plans, e.to);
  if (e.to.planId === e.from.planId) {
    throw new EngineError('invalid-event', `A hand-over must lead into another plan, not within "${e.to.planId}".`);
  }
  noteLeftOpen(s, e.from, e);
  s.planId = e.to.planId;
  if (!s.plans.includes(e.to.planId)) s.plans.push(e.to.planId);
  // The level follows the plan the incident is in now: the same rank, under that plan's own name.
  const same = s.level ? getPlan(plans, e.to.planId).levels.find((l) => l.rank === s.level?.rank) : undefined;
  if (same) s.level = { planId: e.to.planId, id: same.id, rank: same.rank };
  s.handovers.push({ from: { ...e.from }, to: { ...e.to }, at: e.at, actor: e.actor });
}

/** Keep what a move left open at the step it left, when the event says so. */
function noteLeftOpen(s: IncidentState, left: StepRef | undefined, e: StepEntered | PlanHandedOver): void {
  if (e.leftOpen === undefined) return;
  if (!left) throw new EngineError('invalid-event', 'Nothing can be left open before the first step.');
  s.leftOpen.push({ planId: left.planId, stepId: left.stepId, ...leftOpen(e.leftOpen), at: e.at, actor: e.actor });
}

/** incident-closed: nothing but viewing afterwards. */
export function onClosed(s: IncidentState, e: IncidentClosed): void {
  s.closed = true;
  s.closedAt = e.at;
  s.summary = text(e.summary, 'summary');
}
