// eventsFor(): a chosen action plus the responder's input, turned into the events to append.
import type { Action, ActionInput, Pending } from './actions.js';
import { availableActions } from './available.js';
import { EventBatch } from './batch.js';
import { retractionRefused } from './apply-retraction.js';
import { EngineError } from './errors.js';
import type { CommandResult } from '../ports.js';
import type { IncidentEvent, LeftOpen, StepRef } from './events.js';
import { getNotification, splitRef, type Plans } from './refs.js';
import type { IncidentState } from './state.js';
import { endTrack, enterStep, raiseLevel, sendNotification, startClock, startTrack } from './transitions.js';

/** Longest command output kept in the log: the head and the tail, where errors usually are. */
export const OUTPUT_LIMIT = 4000;

type Of<K extends Action['kind']> = Extract<Action, { kind: K }>;

/**
 * The events a chosen action leads to, valid input to apply() in order. The action (or its id) must
 * be among availableActions(state, plans) now; otherwise, or when the input does not fit, EngineError.
 */
export function eventsFor(
  state: IncidentState,
  plans: Plans,
  action: Action | string,
  input: ActionInput,
  at: Date,
  actor: string,
): IncidentEvent[] {
  const id = typeof action === 'string' ? action : action.id;
  // Re-derive the action from the state, so a stale or hand-made action cannot slip through.
  const chosen = availableActions(state, plans).find((a) => a.id === id);
  if (!chosen) throw new EngineError(state.closed ? 'closed' : 'not-available', `The action "${id}" is not possible now.`);
  const b = new EventBatch(state, plans, at, actor);
  build(b, chosen, input);
  return b.events;
}

function build(b: EventBatch, a: Action, input: ActionInput): void {
  switch (a.kind) {
    case 'mark-action-done':
      return b.push({ type: 'action-done', ...a.step, index: a.index, text: a.text });
    case 'send-notification':
      return send(b, a.notification.planId, a.notification.id, input);
    case 'record-notification':
      return record(b, a, input);
    case 'take-decision':
      return takeDecision(b, a, input);
    case 'continue':
    case 'hand-over':
      return moveOn(b, a, input);
    case 'end-track':
      return endTrack(b, a.track, leftOpenOf(a.pending, input));
    case 'skip-step':
      return skip(b, a, input);
    case 'run-command':
      return commandRun(b, a, input);
    case 'add-note':
      return b.push({ type: 'note-added', text: need(input.text, 'note'), ...noteStep(b, input.track), ...(input.tlp !== undefined ? { tlp: input.tlp } : {}) });
    case 'start-clock':
      return clock(b, a, input);
    case 'retract-entry':
      return retract(b, a, input);
    case 'waive-clock': {
      const ref = splitRef(need(input.clock, 'clock'), b.state.planId ?? '');
      if (!a.clocks.some((c) => c.planId === ref.planId && c.id === ref.id)) fail(`The clock "${ref.planId}#${ref.id}" is not running.`);
      return b.push({ type: 'clock-waived', planId: ref.planId, clockId: ref.id, reason: need(input.reason, 'reason') });
    }
    case 'escalate': {
      const to = a.levels.find((l) => l.id === input.level) ?? fail(`"${String(input.level)}" is not a higher level.`);
      const reason = input.reason?.trim() ? input.reason : 'escalated by the responder';
      return b.push({ type: 'level-escalated', planId: to.planId, from: a.from.id, to: to.id, reason });
    }
    case 'close':
      return b.push({ type: 'incident-closed', summary: need(input.summary, 'summary') });
    case 'view-status':
    case 'view-timeline':
      return; // viewing appends nothing
  }
}

function send(b: EventBatch, planId: string, id: string, input: ActionInput): void {
  const details = {
    ...(input.channel !== undefined ? { channel: input.channel } : {}),
    ...(input.sentAt !== undefined ? { sentAt: input.sentAt } : {}),
    ...(input.tlpReason !== undefined ? { tlpReason: input.tlpReason } : {}),
  };
  sendNotification(b, planId, getNotification(b.plans, id, planId).notification, details);
}

/** Continue or hand over; with a reason, what is still open at the step is logged with it. */
function moveOn(b: EventBatch, a: Of<'continue'> | Of<'hand-over'>, input: ActionInput): void {
  enterStep(b, a.track, a.to, leftOpenOf(a.pending, input));
}

function leftOpenOf(pending: Pending, input: ActionInput): LeftOpen | undefined {
  const open = pending.actions.length + pending.notifications.length > 0;
  const reason = input.reason?.trim() ? input.reason : undefined;
  return open && reason !== undefined ? { actions: [...pending.actions], notifications: [...pending.notifications], reason } : undefined;
}

/** The step a note is written at: its track's, or the only track's; none when several run and none is named. */
function noteStep(b: EventBatch, track: string | undefined): StepRef | Record<string, never> {
  const tracks = b.state.tracks;
  const t = track === undefined ? (tracks.length === 1 ? tracks[0] : undefined) : tracks.find((x) => x.id === track);
  if (track !== undefined && !t) fail(`There is no running track "${track}".`);
  return t ? { ...t.at } : {};
}

/** Take an entry back; with a new text (a note) or a notification (a report), correct it in the same batch. */
function retract(b: EventBatch, a: Of<'retract-entry'>, input: ActionInput): void {
  const entry = a.entries.find((x) => x.seq === input.seq) ?? fail(`Entry #${String(input.seq)} cannot be retracted now.`);
  const refused = retractionRefused(b.state, entry.seq);
  if (refused) fail(refused);
  const correction = entry.note !== undefined && input.text !== undefined ? 'note' : entry.notification && input.notification !== undefined ? 'report' : undefined;
  b.push({ type: 'entry-retracted', seq: entry.seq, reason: need(input.reason, 'reason'), ...(correction ? { corrected: true } : {}) });
  if (correction === 'note') {
    const where = b.state.timeline[entry.seq - 1];
    b.push({ type: 'note-added', text: need(input.text, 'note'), ...(where?.stepId !== undefined ? { planId: where.planId, stepId: where.stepId } : {}) });
  }
  if (correction === 'report' && entry.notification) send(b, entry.notification.planId, entry.notification.id, input);
}

function record(b: EventBatch, a: Of<'record-notification'>, input: ActionInput): void {
  const ref = splitRef(need(input.notification, 'notification'), b.state.planId ?? '');
  if (!a.notifications.some((n) => n.planId === ref.planId && n.id === ref.id)) {
    fail(`There is no notification "${ref.planId}#${ref.id}" to record.`);
  }
  send(b, ref.planId, ref.id, input);
}

function takeDecision(b: EventBatch, a: Of<'take-decision'>, input: ActionInput): void {
  const option = a.options.find((o) => o.index === input.option || o.label === input.option);
  if (!option) return fail(`"${String(input.option)}" is not an option of this decision.`);
  b.push({ type: 'decision-taken', ...a.step, option: option.index, label: option.label });
  if (option.escalate !== undefined) {
    raiseLevel(b, a.step.planId, option.escalate, `decision at ${a.step.stepId}: ${option.label}`);
  }
  for (const ref of option.startsClocks) startClock(b, ref, a.step.planId, b.when);
  for (const ref of option.startsTracks) startTrack(b, ref, a.step);
  enterStep(b, a.track, option.to);
}

function skip(b: EventBatch, a: Of<'skip-step'>, input: ActionInput): void {
  const only = a.targets.length === 1 && input.target === undefined;
  const target = only ? a.targets[0] : a.targets[input.target ?? -1];
  if (!target) return fail('Choose where skipping this step leads.');
  b.push({ type: 'step-skipped', ...a.step, reason: need(input.reason, 'reason') });
  enterStep(b, a.track, target);
}

/** With a working folder: the command-started event, logged before it runs. With a result: its outcome. */
function commandRun(b: EventBatch, a: Of<'run-command'>, input: ActionInput): void {
  if (input.result === undefined && input.cwd !== undefined) {
    b.push({ type: 'command-started', ...a.step, argv: a.argv, cwd: need(input.cwd, 'working folder'), env: a.env, timeoutMs: a.timeoutMs });
    return;
  }
  pushResult(b, a.step, a.argv, input.result ?? fail('The command result is missing.'));
}

/**
 * The result of the command the latest command-started began, wherever the incident is now (another
 * terminal may have moved on while it ran): the result is evidence and is never refused for that.
 */
export function commandFinished(state: IncidentState, plans: Plans, result: CommandResult, at: Date, actor: string): IncidentEvent[] {
  const started = state.runningCommand;
  if (!started) throw new EngineError('invalid-input', 'No command was started, so there is no result to record.');
  const b = new EventBatch(state, plans, at, actor);
  pushResult(b, { planId: started.planId, stepId: started.stepId }, started.argv, result);
  return b.events;
}

function pushResult(b: EventBatch, step: StepRef, argv: string[], r: CommandResult): void {
  b.push({
    type: 'command-run',
    ...step,
    argv,
    exitCode: r.exitCode,
    timedOut: r.timedOut,
    ...(r.interrupted === true ? { interrupted: true } : {}),
    ...(r.signal === undefined ? {} : { signal: r.signal }),
    durationMs: Math.max(0, Math.round(r.durationMs)),
    output: excerpt(r.output),
  });
}

function clock(b: EventBatch, a: Of<'start-clock'>, input: ActionInput): void {
  const ref = splitRef(need(input.clock, 'clock'), b.state.planId ?? '');
  if (!a.clocks.some((c) => c.planId === ref.planId && c.id === ref.id)) {
    fail(`The clock "${ref.planId}#${ref.id}" cannot be started now.`);
  }
  const since = input.since ?? b.when;
  if (input.due !== undefined && input.due.getTime() <= since.getTime()) fail('The report cannot be due before the request for it.');
  startClock(b, ref.id, ref.planId, since, input.due);
}

/** Keep the head and the tail of long command output. */
export function excerpt(output: string): string {
  if (output.length <= OUTPUT_LIMIT) return output;
  const half = OUTPUT_LIMIT / 2;
  return `${output.slice(0, half)}\n… (${output.length - OUTPUT_LIMIT} characters left out) …\n${output.slice(-half)}`;
}

function need(value: string | undefined, what: string): string {
  if (value === undefined || value.trim() === '') fail(`A ${what} is required.`);
  return value;
}

function fail(message: string): never {
  throw new EngineError('invalid-input', message);
}
