// A script entry turned into the engine action a responder would choose, plus its input.
// The action is looked up in availableActions(), so a script can do only what a person could.
import { activeTracks, availableActions, splitRef, stepKey, type Action, type ActionInput, type IncidentState, type Plans } from '../engine/index.js';
import { addDuration, parseDuration } from '../time/duration.js';
import type { ScriptEntry } from './types.js';

/** The chosen action and the responder's input for it. */
export interface Translated {
  action: Action;
  input: ActionInput;
}

/** Thrown when a script entry cannot be done in the incident's current state. */
export class ScriptRefused extends Error {}

type Of<K extends Action['kind']> = Extract<Action, { kind: K }>;

/** The action and input for `entry` at `at`; `home` is the plan bare references belong to. Throws ScriptRefused. */
export function translate(state: IncidentState, plans: Plans, entry: ScriptEntry, home: string, at: Date): Translated {
  if (!state.opened) refuse('the incident is not open yet');
  if (state.closed) refuse('the incident is already closed');
  // `step` names the track the entry acts in; without it, the only track (or the one that offers the action).
  const tracks = activeTracks(state);
  const all = tracks.map((t) => stepKey(t.at)).join(' and ') || 'no step';
  let focus = tracks.length === 1 ? tracks[0] : undefined;
  if (entry.step !== undefined) {
    const want = splitRef(entry.step, home);
    focus = tracks.find((t) => t.at.planId === want.planId && t.at.stepId === want.id) ?? refuse(`the incident is at ${all}, not at ${want.planId}#${want.id}`);
  }
  const actions = availableActions(state, plans, focus?.id);
  const current = focus ? stepKey(focus.at) : all;
  const find = <K extends Action['kind']>(kind: K, why: string): Of<K> => {
    const found = actions.filter((a) => a.kind === kind) as Of<K>[];
    if (found.length > 1 && 'step' in (found[0] ?? {})) refuse(`several tracks run (${all}): name the step the entry acts on with step:`);
    return found[0] ?? refuse(why);
  };
  switch (entry.do) {
    case 'action-done':
      return { action: stepAction(state, actions, entry, current), input: {} };
    case 'decision':
      return { action: find('take-decision', `step ${current} has no decision to take`), input: { option: need(entry.option, 'option') } };
    case 'notify':
      return notify(actions, entry, home);
    case 'note':
      return { action: find('add-note', 'notes cannot be added now'), input: { text: need(entry.text, 'text') } };
    case 'escalate':
      return escalate(find('escalate', 'the level cannot be raised any further in this plan'), entry);
    case 'skip':
      return skip(find('skip-step', `step ${current} cannot be skipped`), entry, home);
    case 'continue': {
      const moves = actions.filter((x) => x.kind === 'continue' || x.kind === 'hand-over' || x.kind === 'end-track');
      if (moves.length > 1) refuse(`several tracks run (${all}): name the step the entry acts on with step:`);
      const a = moves[0];
      return { action: a ?? refuse(`step ${current} has no single next step to continue to (take its decision instead)`), input: {} };
    }
    case 'start-clock': {
      const ref = splitRef(need(entry.clock, 'clock'), home);
      const action = find('start-clock', 'no clock can be started by hand now');
      const input: ActionInput = { clock: `${ref.planId}#${ref.id}` };
      if (!action.clocks.find((c) => c.planId === ref.planId && c.id === ref.id)?.asksDue) return { action, input };
      // A report "upon request" is due when the request says: `due`, a duration from this entry.
      const due = parseDuration(need(entry.due, 'due (when the requested report is due, e.g. P3D)'));
      return { action, input: { ...input, due: due ? addDuration(at, due) : refuse(`due "${entry.due ?? ''}" is not an ISO 8601 duration`) } };
    }
    case 'close':
      return { action: find('close', 'the incident cannot be closed now'), input: { summary: need(entry.summary, 'summary') } };
  }
  return refuse(`"${String((entry as { do: unknown }).do)}" is not something a script can do`);
}

function stepAction(state: IncidentState, actions: Action[], entry: ScriptEntry, current: string): Action {
  const want = need(entry.action, 'action');
  const found = actions.find((a) => a.kind === 'mark-action-done' && (a.index === want || a.text === want));
  if (found) return found;
  const done = (state.actionsDone[current] ?? []).some((d) => d.index === want || d.text === want);
  return refuse(done ? `action "${String(want)}" of step ${current} is already done` : `step ${current} has no action "${String(want)}"`);
}

function notify(actions: Action[], entry: ScriptEntry, home: string): Translated {
  const ref = splitRef(need(entry.notification, 'notification'), home);
  const input: ActionInput = { notification: `${ref.planId}#${ref.id}`, ...(entry.channel !== undefined ? { channel: entry.channel } : {}) };
  const atStep = actions.find((a) => a.kind === 'send-notification' && a.notification.planId === ref.planId && a.notification.id === ref.id);
  if (atStep) return { action: atStep, input };
  const record = actions.find((a) => a.kind === 'record-notification' && a.notifications.some((n) => n.planId === ref.planId && n.id === ref.id));
  return { action: record ?? refuse(`notification ${ref.planId}#${ref.id} cannot be sent now (the incident has not been in plan ${ref.planId})`), input };
}

function escalate(a: Of<'escalate'>, entry: ScriptEntry): Translated {
  // A bare level id is matched in the plan the incident is in now (the engine escalates there).
  const ref = splitRef(need(entry.level, 'level'), a.levels[0]?.planId ?? '');
  const level = a.levels.find((l) => l.id === ref.id && l.planId === ref.planId);
  if (!level) refuse(`level "${entry.level}" is not higher than the current level ${a.from.id}`);
  return { action: a, input: { level: level.id, ...(entry.reason !== undefined ? { reason: entry.reason } : {}) } };
}

function skip(a: Of<'skip-step'>, entry: ScriptEntry, home: string): Translated {
  let target: number | undefined;
  if (entry.target !== undefined) {
    const ref = splitRef(entry.target, home);
    target = a.targets.findIndex((t) => t.planId === ref.planId && t.stepId === ref.id);
    if (target < 0) refuse(`skipping step ${stepKey(a.step)} cannot lead to ${ref.planId}#${ref.id}`);
  } else if (a.targets.length > 1) {
    refuse(`skipping step ${stepKey(a.step)} can lead to ${a.targets.map(stepKey).join(' or ')}: give a target`);
  }
  return { action: a, input: { reason: need(entry.reason, 'reason'), ...(target !== undefined ? { target } : {}) } };
}

function need<T>(value: T | undefined, field: string): T {
  return value ?? refuse(`the entry has no ${field}`);
}

function refuse(message: string): never {
  throw new ScriptRefused(message);
}
