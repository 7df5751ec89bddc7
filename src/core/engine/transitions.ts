// The moves several actions share: starting clocks, raising the level, entering a step (with the
// hand-over when it lies in another plan), and sending a notification.
import type { Notification } from '../plan/types.js';
import type { EventBatch } from './batch.js';
import { clockDue } from './clocks.js';
import { EngineError } from './errors.js';
import type { LeftOpen, StepRef } from './events.js';
import { getClock, getLevel, getPlan, getStep, splitRef } from './refs.js';
import { parseIso, toIso } from './time.js';
import { aboveCeiling } from '../tlp.js';

/**
 * Start a clock (ID or PLAN#ID seen from planId) at `startedAt`, unless it already runs. Clocks with
 * the same id in a national plan and its parent are one legal deadline, so a run in either counts.
 */
export function startClock(b: EventBatch, ref: string, planId: string, startedAt: Date, given?: Date): void {
  const c = getClock(b.plans, ref, planId);
  if (b.state.clocks.some((run) => run.clockId === c.clock.id && run.metAt === undefined)) return;
  const awareness = b.state.meta ? parseIso(b.state.meta.awareness, 'awareness time') : startedAt;
  const dueAt = toIso(clockDue(c.clock, startedAt, { awareness, ...(given === undefined ? {} : { given }) }));
  b.push({ type: 'clock-started', planId: c.planId, clockId: c.clock.id, startedAt: toIso(startedAt), dueAt });
}

/** Start the awareness clocks of a plan at the incident's awareness time (once per plan). */
export function startAwarenessClocks(b: EventBatch, planId: string): void {
  const awareness = parseIso(b.state.meta?.awareness ?? b.at, 'awareness time');
  for (const clock of getPlan(b.plans, planId).clocks ?? []) {
    // The same deadline may already run under the plan that handed over (same clock id).
    if (clock.starts === 'awareness' && !b.state.clocks.some((run) => run.clockId === clock.id)) {
      startClock(b, clock.id, planId, awareness);
    }
  }
}

/** Raise the cooperation level to `levelId` of `planId` if that is higher; never lower it. */
export function raiseLevel(b: EventBatch, planId: string, levelId: string, reason: string): void {
  const to = getLevel(b.plans, planId, levelId);
  const from = b.state.level;
  if (!from || to.rank <= from.rank) return;
  b.push({ type: 'level-escalated', planId, from: from.id, to: to.id, reason });
}

/** Enter a step: hand over first if it is in another plan; raise the level; start its clocks. */
export function enterStep(b: EventBatch, to: StepRef, leftOpen?: LeftOpen): void {
  const step = getStep(b.plans, to);
  const from = b.state.current;
  // What the move left open rides on its first event, so the log says it where the step was left.
  const left = leftOpen === undefined ? {} : { leftOpen };
  const handover = to.planId !== b.state.planId && from !== undefined;
  if (handover) {
    const firstVisit = !b.state.plans.includes(to.planId);
    b.push({ type: 'plan-handed-over', from: { ...from }, to: { ...to }, ...left });
    if (firstVisit) startAwarenessClocks(b, to.planId);
  }
  b.push({ type: 'step-entered', planId: to.planId, stepId: to.stepId, ...(handover ? {} : left) });
  raiseLevel(b, to.planId, step.level, `step ${to.stepId} runs at level ${step.level}`);
  for (const ref of step.startsClocks ?? []) startClock(b, ref, to.planId, b.when);
}

/** How a report went out, besides the notification itself. */
export interface SendDetails {
  channel?: string; // a channel other than the notification's own
  sentAt?: Date; // when it was sent, if before it is recorded
  tlpReason?: string; // why it went through a channel below its TLP (required then)
}

/** Record a sent notification; it meets its clock, and starts the clocks that run from that report. */
export function sendNotification(b: EventBatch, planId: string, n: Notification, details: SendDetails = {}): void {
  const via = details.channel ?? n.channel;
  const ceiling = getPlan(b.plans, planId).channels?.find((c) => c.id === via)?.maxTlp;
  const above = aboveCeiling(n.tlp, ceiling);
  const reason = details.tlpReason?.trim() ? details.tlpReason : undefined;
  if (above && reason === undefined) {
    throw new EngineError('invalid-input', `Channel "${String(via)}" carries at most TLP:${String(ceiling)} and this report is TLP:${n.tlp}: give a reason to send it that way.`);
  }
  // Sent "now" is not a separate time: sentAt is kept only when it differs from the record.
  const sentAt = details.sentAt === undefined ? b.at : toIso(details.sentAt);
  b.push({
    type: 'notification-sent',
    planId,
    notificationId: n.id,
    to: n.to,
    ...(via !== undefined ? { channel: via } : {}),
    ...(n.clock !== undefined ? { clock: n.clock } : {}),
    ...(n.alsoMeets !== undefined && n.alsoMeets.length > 0 ? { alsoMeets: [...n.alsoMeets] } : {}),
    ...(sentAt !== b.at ? { sentAt } : {}),
    ...(above && reason !== undefined ? { tlpReason: reason } : {}),
  });
  if (n.clock === undefined) return;
  const met = getClock(b.plans, n.clock, planId);
  for (const pid of b.state.plans) {
    for (const clock of getPlan(b.plans, pid).clocks ?? []) {
      if (clock.starts !== 'report-submitted' || clock.after === undefined) continue;
      const after = splitRef(clock.after, pid);
      // The follow-up report's clock runs from when this one was sent, not from when it was logged.
      if (after.id === met.clock.id) startClock(b, clock.id, pid, parseIso(sentAt, 'sent time'));
    }
  }
}
