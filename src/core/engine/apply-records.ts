// Handlers for events that record work at the current step or on the incident: actions, notes,
// escalations, clocks, notifications, commands and exercise injects.
import { runningClock } from './clocks.js';
import { EngineError } from './errors.js';
import type { ActionDone, ClockStarted, ClockWaived, CommandRun, CommandStarted, InjectReleased, LevelEscalated, NoteAdded, NotificationSent } from './events.js';
import { count, requireCurrent, text } from './guards.js';
import { getClock, getLevel, getNotification, getPlan, getStep, type Plans, sameStep, stepKey } from './refs.js';
import type { IncidentState } from './state.js';
import { parseIso } from './time.js';

/** action-done: an action of the current step, once. */
export function onActionDone(s: IncidentState, e: ActionDone, plans: Plans): void {
  requireCurrent(s, e);
  const expected = getStep(plans, e).actions?.[count(e.index, 'action index')];
  if (expected === undefined || expected !== e.text) {
    throw new EngineError('invalid-event', `Step ${e.stepId} has no action ${e.index} "${e.text}".`);
  }
  const key = stepKey(e);
  const done = s.actionsDone[key] ?? [];
  if (done.some((d) => d.index === e.index)) {
    throw new EngineError('invalid-event', `Action ${e.index} of step ${e.stepId} is already done.`);
  }
  s.actionsDone[key] = [...done, { index: e.index, text: e.text, at: e.at, actor: e.actor, seq: nextSeq(s) }];
}

/** note-added: free text, tied to the step it was written at. */
export function onNote(s: IncidentState, e: NoteAdded): void {
  const where = e.planId !== undefined && e.stepId !== undefined ? { planId: e.planId, stepId: e.stepId } : {};
  s.notes.push({ text: text(e.text, 'note'), ...where, at: e.at, actor: e.actor, seq: nextSeq(s) });
}

/** level-escalated: only from the current level, and only upward. */
export function onEscalated(s: IncidentState, e: LevelEscalated, plans: Plans): void {
  if (!s.level || s.level.id !== e.from) {
    throw new EngineError('invalid-event', `The level is "${s.level?.id ?? 'none'}", not "${e.from}".`);
  }
  const to = getLevel(plans, e.planId, e.to);
  if (to.rank <= s.level.rank) {
    throw new EngineError('not-higher-level', `Level "${e.to}" is not higher than "${e.from}"; escalation only goes up.`);
  }
  const reason = text(e.reason, 'reason');
  s.level = { planId: e.planId, id: to.id, rank: to.rank };
  s.escalations.push({ planId: e.planId, from: e.from, to: e.to, reason, at: e.at, actor: e.actor });
}

/** clock-waived: a running clock set aside, with who did it and why. */
export function onClockWaived(s: IncidentState, e: ClockWaived, plans: Plans): void {
  const { clock } = getClock(plans, e.clockId, e.planId);
  const run = runningClock(s, e.planId, clock.id);
  if (!run) throw new EngineError('invalid-event', `Clock "${clock.id}" is not running, so it cannot be waived.`);
  run.waived = { at: e.at, actor: e.actor, reason: text(e.reason, 'reason'), seq: nextSeq(s) };
}

/** clock-started: a clock of a loaded plan that is not already running. */
export function onClockStarted(s: IncidentState, e: ClockStarted, plans: Plans): void {
  const { clock } = getClock(plans, e.clockId, e.planId);
  if (runningClock(s, e.planId, clock.id)) {
    throw new EngineError('clock-running', `Clock "${clock.id}" is already running.`);
  }
  // Only an outer limit (noLaterThan) can have passed before the clock starts: then it starts overdue.
  if (parseIso(e.dueAt, 'due time') < parseIso(e.startedAt, 'start time') && clock.noLaterThan === undefined) {
    throw new EngineError('invalid-event', `Clock "${clock.id}" would be due before it starts.`);
  }
  s.clocks.push({
    planId: e.planId,
    clockId: clock.id,
    title: clock.title,
    basis: clock.basis,
    starts: clock.starts,
    startedAt: e.startedAt,
    dueAt: e.dueAt,
  });
}

/** notification-sent: recorded; it meets the running clock it names, if that clock runs. */
export function onNotificationSent(s: IncidentState, e: NotificationSent, plans: Plans): void {
  const { notification } = getNotification(plans, e.notificationId, e.planId);
  const channels = getPlan(plans, e.planId).channels;
  if (e.channel !== undefined && channels && !channels.some((c) => c.id === e.channel)) {
    throw new EngineError('unknown-channel', `Plan "${e.planId}" has no channel "${e.channel}".`);
  }
  const to = text(e.to, 'recipient');
  const id = `${e.planId}#${notification.id}`;
  // Clocks are judged by when it was sent, which may be before it was recorded (phoned in first).
  const sentAt = e.sentAt === undefined ? e.at : sentTime(s, e);
  let met: string | undefined;
  if (e.clock !== undefined) met = meetClock(s, plans, e.clock, e.planId, sentAt, id);
  // A report that also serves as an earlier one (alsoMeets) meets that clock too, if it still runs.
  for (const ref of Array.isArray(e.alsoMeets) ? e.alsoMeets : []) meetClock(s, plans, text(ref, 'clock'), e.planId, sentAt, id);
  s.notifications.push({
    planId: e.planId,
    notificationId: notification.id,
    title: notification.title,
    to,
    ...(e.channel !== undefined ? { channel: e.channel } : {}),
    ...(met !== undefined ? { clock: met } : {}),
    ...(e.sentAt !== undefined ? { sentAt } : {}),
    ...(e.tlpReason !== undefined ? { tlpReason: text(e.tlpReason, 'TLP reason') } : {}),
    at: e.at,
    actor: e.actor,
    seq: nextSeq(s),
  });
}

/** A notification's sentAt: not after it was recorded, not before the incident's awareness. */
function sentTime(s: IncidentState, e: NotificationSent): string {
  const sent = parseIso(text(e.sentAt, 'sent time'), 'sent time').getTime();
  if (sent > parseIso(e.at, 'event time').getTime()) {
    throw new EngineError('invalid-event', `A notification cannot be sent (${String(e.sentAt)}) after it is recorded (${e.at}).`);
  }
  const awareness = s.meta?.awareness;
  if (awareness !== undefined && sent < parseIso(awareness, 'awareness time').getTime()) {
    throw new EngineError('invalid-event', `A notification cannot be sent (${String(e.sentAt)}) before the incident's awareness (${awareness}).`);
  }
  return String(e.sentAt);
}

/** Meet the running clock `ref` (seen from planId) at `at`; returns PLAN#CLOCK. */
function meetClock(s: IncidentState, plans: Plans, ref: string, planId: string, at: string, by: string): string {
  const c = getClock(plans, ref, planId);
  // Same id in another plan of the incident: the same legal deadline, met by this report too.
  const run = runningClock(s, c.planId, c.clock.id) ?? s.clocks.find((r) => r.clockId === c.clock.id && r.metAt === undefined);
  if (run) {
    run.metAt = at;
    run.metBy = by;
    run.metBySeq = nextSeq(s);
  }
  return `${c.planId}#${c.clock.id}`;
}

/** The place in the log of the event being applied (its timeline entry is added after it). */
function nextSeq(s: IncidentState): number {
  return s.timeline.length + 1;
}

/** command-started: the current step's command, about to run. */
export function onCommandStarted(s: IncidentState, e: CommandStarted, plans: Plans): void {
  requireCurrent(s, e);
  checkCommand(e, plans);
  if (!Array.isArray(e.env) || e.env.some((n) => typeof n !== 'string')) {
    throw new EngineError('invalid-event', 'The command env must be a list of variable names.');
  }
  s.runningCommand = {
    planId: e.planId,
    stepId: e.stepId,
    argv: [...e.argv],
    cwd: text(e.cwd, 'working folder'),
    env: [...e.env],
    timeoutMs: count(e.timeoutMs, 'timeout'),
    at: e.at,
    actor: e.actor,
  };
}

/**
 * command-run: the result of the current step's command, or of the command started at a step
 * the incident has since left (another terminal moved on while it ran).
 */
export function onCommandRun(s: IncidentState, e: CommandRun, plans: Plans): void {
  const started = s.runningCommand;
  if (!started || !sameStep(started, e)) requireCurrent(s, e);
  checkCommand(e, plans);
  if (e.exitCode !== null && !Number.isInteger(e.exitCode)) {
    throw new EngineError('invalid-event', 'The command exit code must be a whole number or null.');
  }
  s.commands.push({
    planId: e.planId,
    stepId: e.stepId,
    argv: [...e.argv],
    exitCode: e.exitCode,
    timedOut: e.timedOut === true,
    ...(e.interrupted === true ? { interrupted: true as const } : {}),
    ...(typeof e.signal === 'string' && /^SIG[A-Z0-9]+$/.test(e.signal) ? { signal: e.signal } : {}),
    durationMs: count(e.durationMs, 'duration'),
    output: typeof e.output === 'string' ? e.output : '',
    at: e.at,
    actor: e.actor,
  });
  delete s.runningCommand;
}

function checkCommand(e: CommandStarted | CommandRun, plans: Plans): void {
  if (!getStep(plans, e).run) throw new EngineError('invalid-event', `Step ${e.stepId} has no command to run.`);
  if (!Array.isArray(e.argv) || e.argv.some((a) => typeof a !== 'string')) {
    throw new EngineError('invalid-event', 'The command argv must be a list of texts.');
  }
}

/** inject-released: an exercise inject, with its id and title; the message is kept in the log. */
export function onInjectReleased(s: IncidentState, e: InjectReleased): void {
  const injectId = text(e.injectId, 'inject id');
  text(e.message, 'inject message');
  if (e.facts !== undefined && (typeof e.facts !== 'object' || e.facts === null || Array.isArray(e.facts))) {
    throw new EngineError('invalid-event', "The inject's facts must be a mapping of names to values.");
  }
  s.injects.push({ injectId, title: text(e.title, 'inject title'), at: e.at, actor: e.actor });
}
