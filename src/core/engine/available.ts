// availableActions(state, plans): what the responder may do next, decided by the engine.
import type { Step } from '../plan/types.js';
import { addDuration, parseDuration } from '../time/duration.js';
import { clampTimeout } from '../command-limits.js';
import { commandLine } from '../safe-text/index.js';
import type { Action, NotificationChoice } from './actions.js';
import * as choose from './choices.js';
import { getStep, type Plans, resolveNext, stepKey } from './refs.js';
import { activeTracks, reportingOpen, type IncidentState, type TrackState } from './state.js';

type Draft<A = Action> = A extends Action ? Omit<A, 'suggested'> : never;

/**
 * The actions possible now, step work first; exactly one is suggested while the incident is open.
 * Every active track's step work is offered (in the order the tracks started); with `focus`, only
 * that track's, and the suggestion is among them.
 */
export function availableActions(state: IncidentState, plans: Plans, focus?: string): Action[] {
  if (!state.opened) return [];
  // After the close of the response, reporting goes on while a clock is owed (reportingOpen).
  if (state.closed) return reportingOpen(state) ? [...suggest(reportingActions(state, plans)), ...views()] : views();
  const tracks = activeTracks(state).filter((t) => focus === undefined || t.id === focus);
  const work = tracks.flatMap((t) => stepActions(state, plans, t, getStep(plans, t.at)));
  const skips = tracks.flatMap((t) => skipAction(plans, t, getStep(plans, t.at)));
  if (state.tracks.length === 0) return views();
  return [...suggest([...work, ...generalActions(state, plans), ...skips, close(state, plans)]), ...views()];
}

/** Work bound to a track's step: its actions, notifications, command, decision or way onward. */
function stepActions(state: IncidentState, plans: Plans, track: TrackState, step: Step): Draft[] {
  const at = track.at;
  const key = stepKey(at);
  const done = new Set((state.actionsDone[key] ?? []).map((d) => d.index));
  const list: Draft[] = [];
  const on = { track: track.id, step: at };
  (step.actions ?? []).forEach((text, index) => {
    if (done.has(index)) return;
    list.push({ kind: 'mark-action-done', id: `action:${index}@${key}`, label: `Done: ${text}`, ...on, index, text });
  });
  for (const n of choose.unsentNotifications(state, plans, at, step)) {
    const id = `notify:${n.planId}#${n.id}@${key}`;
    list.push({ kind: 'send-notification', id, label: notifyLabel(n, step.owner), ...on, notification: n });
  }
  if (step.run) {
    const { argv, description, cwd } = step.run;
    list.push({
      kind: 'run-command',
      id: `run@${key}`,
      // One line, every argument quoted with its control characters shown: what is read is what runs.
      label: `Run ${commandLine(argv)}`,
      ...on,
      argv: [...argv],
      timeoutMs: clampTimeout(toMs(step.run.timeout)),
      env: [...(step.run.env ?? [])],
      ...(cwd !== undefined ? { cwd } : {}),
      ...(description !== undefined ? { description } : {}),
    });
  }
  if (step.decision) {
    const { question } = step.decision;
    const options = choose.decisionChoices(plans, at, step);
    list.push({ kind: 'take-decision', id: `decide@${key}`, label: question, ...on, question, options });
  } else if (step.next !== undefined) {
    const to = resolveNext(plans, step.next, at.planId);
    const pending = choose.pendingAt(state, plans, at, step);
    list.push(
      to.planId === at.planId
        ? { kind: 'continue', id: `continue@${key}`, label: `Continue to ${inSentence(getStep(plans, to).title)}`, ...on, to, pending }
        : { kind: 'hand-over', id: `hand-over@${key}`, label: `Hand over to ${planTitle(plans, to.planId)}: ${inSentence(getStep(plans, to).title)}`, ...on, to, pending },
    );
  } else if (step.end === true && state.tracks.length > 1) {
    // The last track's end is the close of the response; before that, a track ends on its own.
    const pending = choose.pendingAt(state, plans, at, step);
    list.push({ kind: 'end-track', id: `end@${key}`, label: `End this track (${inSentence(step.title)}); the others go on`, ...on, pending });
  }
  return list;
}

/** Skipping a track's step: where it may lead, when anywhere. */
function skipAction(plans: Plans, track: TrackState, step: Step): Draft[] {
  const targets = choose.skipTargets(plans, track.at, step);
  if (targets.length === 0) return [];
  return [{ kind: 'skip-step', id: `skip@${stepKey(track.at)}`, label: `Skip this step (${inSentence(step.title)})`, track: track.id, step: track.at, targets }];
}

function close(state: IncidentState, plans: Plans): Draft {
  return { kind: 'close', id: 'close', label: 'Close the incident', owed: choose.owedClocks(state, plans) };
}

/** What is possible at any step: notes, notifications, clocks, corrections, escalation. */
function generalActions(state: IncidentState, plans: Plans): Draft[] {
  const list: Draft[] = [{ kind: 'add-note', id: 'note', label: 'Add a note' }];
  const notifications = choose.allNotifications(state, plans);
  if (notifications.length > 0) {
    list.push({ kind: 'record-notification', id: 'record-notification', label: 'Record a notification', notifications });
  }
  const clocks = choose.startableClocks(state, plans);
  if (clocks.length > 0) list.push({ kind: 'start-clock', id: 'start-clock', label: 'Start a clock', clocks });
  const owed = choose.owedClocks(state, plans);
  if (owed.length > 0) list.push({ kind: 'waive-clock', id: 'waive-clock', label: 'Waive a clock (with the reason)', clocks: owed });
  const entries = choose.retractableEntries(state, plans);
  if (entries.length > 0) list.push({ kind: 'retract-entry', id: 'retract', label: 'Correct or retract an entry', entries });
  const levels = choose.levelChoices(state, plans);
  if (levels && levels.higher.length > 0) {
    list.push({ kind: 'escalate', id: 'escalate', label: 'Escalate the cooperation level', from: levels.from, levels: levels.higher });
  }
  return list;
}

/**
 * A report in the words of the step's owner, who acts here: one the owner receives is recorded as
 * received from its sender ("Record receipt of the early warning from the entity"); any other is sent.
 */
function notifyLabel(n: NotificationChoice, owner: string): string {
  const what = inSentence(n.title);
  if (n.to === owner) return `Record receipt of the ${what}${n.fromTitle && !/\bfrom\b/i.test(n.title) ? ` from ${n.fromTitle}` : ''}`;
  // A title that already names its recipient ("feedback to the entity") is not told it twice.
  return `Send the ${what}${/\bto\b/i.test(n.title) ? '' : ` to ${n.toTitle}`}`;
}

/** A title inside a sentence: "Early warning" reads "early warning"; "NIS2 early warning" and "EU-CyCLONe" stay. */
function inSentence(title: string): string {
  return /^[A-Z][a-z]/.test(title) ? title.charAt(0).toLowerCase() + title.slice(1) : title;
}

function planTitle(plans: Plans, planId: string): string {
  return plans.get(planId)?.metadata.title ?? planId;
}

/** What reporting after the close allows: notes, the reports still owed, waiving a clock. */
function reportingActions(state: IncidentState, plans: Plans): Draft[] {
  const list: Draft[] = [{ kind: 'add-note', id: 'note', label: 'Add a note' }];
  const notifications = choose.allNotifications(state, plans);
  if (notifications.length > 0) list.push({ kind: 'record-notification', id: 'record-notification', label: 'Record a notification or report', notifications });
  list.push({ kind: 'waive-clock', id: 'waive-clock', label: 'Waive a clock (with the reason)', clocks: choose.owedClocks(state, plans) });
  const entries = choose.retractableEntries(state, plans);
  if (entries.length > 0) list.push({ kind: 'retract-entry', id: 'retract', label: 'Correct or retract an entry', entries });
  return list;
}

/** Mark the one suggested action: open work at the step, else moving on, else closing (end steps). */
function suggest(list: Draft[]): Action[] {
  const pick =
    list.find((a) => a.kind === 'mark-action-done' || a.kind === 'send-notification') ??
    list.find((a) => a.kind === 'take-decision' || a.kind === 'continue' || a.kind === 'hand-over' || a.kind === 'end-track') ??
    list.find((a) => a.kind === 'close');
  return list.map((a) => ({ ...a, suggested: a === pick }) as Action);
}

function views(): Action[] {
  return [
    { kind: 'view-status', id: 'view-status', label: 'Show the status', suggested: false },
    { kind: 'view-timeline', id: 'view-timeline', label: 'Show the timeline', suggested: false },
  ];
}

/** A step command's ISO 8601 timeout in milliseconds; undefined when absent or unreadable. */
function toMs(timeout: string | undefined): number | undefined {
  const d = timeout === undefined ? undefined : parseDuration(timeout);
  return d ? addDuration(new Date(0), d).getTime() : undefined;
}
