// The lists actions offer: notifications, clocks, levels, decision options, skip targets.
import type { Notification, Step } from '../plan/types.js';
import type { ClockChoice, DecisionChoice, LevelChoice, NotificationChoice, Pending, RetractChoice } from './actions.js';
import { retractionRefused } from './apply-retraction.js';
import { runningClock } from './clocks.js';
import type { StepRef } from './events.js';
import { getLevel, getNotification, getPlan, type Plans, resolveNext, roleTitle, stepKey } from './refs.js';
import { isOwed, type IncidentState } from './state.js';

/** Clocks the responder starts by hand: the ones no other event starts. */
const MANUAL_STARTS = new Set(['on-request', 'classified-major', 'incident-handled', 'step-entered']);

/** A notification as a choice, with its parties' titles for menus in plain words. */
export function notificationChoice(plans: Plans, planId: string, n: Notification): NotificationChoice {
  return {
    planId,
    id: n.id,
    title: n.title,
    to: n.to,
    toTitle: roleTitle(plans, n.to, planId),
    ...(n.from !== undefined ? { from: n.from, fromTitle: roleTitle(plans, n.from, planId) } : {}),
    tlp: n.tlp,
    ...(n.channel !== undefined ? { channel: n.channel } : {}),
    ...(n.clock !== undefined ? { clock: n.clock } : {}),
  };
}

/** Whether a notification has been sent at least once. */
export function wasSent(state: IncidentState, planId: string, id: string): boolean {
  return state.notifications.some((n) => n.planId === planId && n.notificationId === id);
}

/** The step's `notify` list that has not been sent yet. */
export function unsentNotifications(state: IncidentState, plans: Plans, at: StepRef, step: Step): NotificationChoice[] {
  return (step.notify ?? [])
    .map((ref) => getNotification(plans, ref, at.planId))
    .filter((r) => !wasSent(state, r.planId, r.notification.id))
    .map((r) => notificationChoice(plans, r.planId, r.notification));
}

/** What is still open at a step. */
export function pendingAt(state: IncidentState, plans: Plans, at: StepRef, step: Step): Pending {
  const done = new Set((state.actionsDone[stepKey(at)] ?? []).map((d) => d.index));
  return {
    actions: (step.actions ?? []).filter((_, i) => !done.has(i)),
    notifications: unsentNotifications(state, plans, at, step).map((n) => n.id),
  };
}

/** Every notification of every plan the incident has been in. */
export function allNotifications(state: IncidentState, plans: Plans): NotificationChoice[] {
  return state.plans.flatMap((pid) => (getPlan(plans, pid).notifications ?? []).map((n) => notificationChoice(plans, pid, n)));
}

/** Clocks that may be started by hand now: manual anchors, not running. */
export function startableClocks(state: IncidentState, plans: Plans): ClockChoice[] {
  return state.plans.flatMap((pid) =>
    (getPlan(plans, pid).clocks ?? [])
      .filter((c) => MANUAL_STARTS.has(c.starts) && !runningClock(state, pid, c.id))
      .map((c) => ({ planId: pid, id: c.id, title: c.title, starts: c.starts, asksDue: c.within === undefined })),
  );
}

/** The clocks still owed (running, neither met nor waived), which a responder may waive with a reason. */
export function owedClocks(state: IncidentState, plans: Plans): ClockChoice[] {
  return state.clocks.filter(isOwed).map((c) => {
    const clock = getPlan(plans, c.planId).clocks?.find((k) => k.id === c.clockId);
    return { planId: c.planId, id: c.clockId, title: c.title, starts: clock?.starts ?? c.starts, asksDue: false };
  });
}

/**
 * The entries that can be taken back, newest first: at most 20, among the last 200 entries (a
 * correction is about what just happened, and every screen asks, so the whole log is not read).
 */
export function retractableEntries(state: IncidentState, plans: Plans): RetractChoice[] {
  const out: RetractChoice[] = [];
  const oldest = Math.max(0, state.timeline.length - 200);
  for (let i = state.timeline.length - 1; i >= oldest && out.length < 20; i--) {
    const e = state.timeline[i];
    if (!e || retractionRefused(state, e.seq) !== undefined) continue;
    const note = e.type === 'note-added' ? state.notes.find((n) => n.seq === e.seq)?.text : undefined;
    const sent = e.type === 'notification-sent' ? state.notifications.find((n) => n.seq === e.seq) : undefined;
    const plan = sent ? plans.get(sent.planId) : undefined;
    const n = sent && plan?.notifications?.find((x) => x.id === sent.notificationId);
    out.push({
      seq: e.seq,
      type: e.type,
      summary: e.summary,
      at: e.at,
      actor: e.actor,
      ...(note !== undefined ? { note } : {}),
      ...(sent && n ? { notification: notificationChoice(plans, sent.planId, n) } : {}),
    });
  }
  return out;
}

/** The current level and the higher levels of the current plan. */
export function levelChoices(state: IncidentState, plans: Plans): { from: LevelChoice; higher: LevelChoice[] } | undefined {
  const level = state.level;
  if (!level || state.planId === undefined) return undefined;
  const cur = getLevel(plans, level.planId, level.id);
  const pid = state.planId;
  const higher = getPlan(plans, pid)
    .levels.filter((l) => l.rank > level.rank)
    .sort((a, b) => a.rank - b.rank)
    .map((l) => ({ planId: pid, id: l.id, title: l.title, rank: l.rank }));
  return { from: { planId: level.planId, id: cur.id, title: cur.title, rank: cur.rank }, higher };
}

/** The options of a step's decision, with their targets resolved. */
export function decisionChoices(plans: Plans, at: StepRef, step: Step): DecisionChoice[] {
  return (step.decision?.options ?? []).map((o, index) => {
    const to = resolveNext(plans, o.next, at.planId);
    return {
      index,
      label: o.label,
      to,
      handover: to.planId !== at.planId,
      startsClocks: [...(o.startsClocks ?? [])],
      startsTracks: (o.startsTracks ?? []).map((ref) => resolveNext(plans, ref, at.planId)),
      ...(o.description !== undefined ? { description: o.description } : {}),
      ...(o.escalate !== undefined ? { escalate: o.escalate } : {}),
    };
  });
}

/** Where skipping a step may lead: its `next`, or each distinct target of its decision. */
export function skipTargets(plans: Plans, at: StepRef, step: Step): StepRef[] {
  const nexts = step.next !== undefined ? [step.next] : (step.decision?.options ?? []).map((o) => o.next);
  const refs = nexts.map((n) => resolveNext(plans, n, at.planId));
  return refs.filter((r, i) => refs.findIndex((x) => stepKey(x) === stepKey(r)) === i);
}
