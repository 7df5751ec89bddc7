// The interactive walkthrough: show the step, ask what to do, append the events, repeat.
// It speaks to the world only through ports, so a test drives it with fakes and a script.
import { activeTracks, availableActions, EngineError, eventsFor, fold, reportingOpen, roleTitle, splitRef, type Action, type IncidentState, type Plans, type StepRef } from '../engine/index.js';
import type { Choice, LogChanges, Pager } from '../ports.js';
import { clip } from '../clip.js';
import { safeLine } from '../safe-text/index.js';
import { commitFromLatest } from '../commit.js';
import { askInput, type AskContext } from './ask-input.js';
import { renderStatusText } from '../report/incident/status-text.js';
import { renderTimelineText } from '../report/incident/timeline-text.js';
import { runStepCommand, type RunDeps } from './run-command.js';
import { renderStepScreen } from './step-screen.js';
import { LOG_CHANGED, selectWhileLive } from './live-select.js';
import { liveHead, liveLines } from './live-head.js';
import { showPaged, wrapLines } from './paged-view.js';
import { MENU_ROOM, PAUSE, menu, menuHeight, shortcutsFor } from './menu-entries.js';

/** What the walkthrough needs: what running a step's command needs, and how to show times. */
export interface WalkDeps extends RunDeps {
  formatTime: (iso: string) => string;
  /** Tells of teammates' events while the menu is open (a team log); without it the screen is redrawn after each choice. */
  changes?: LogChanges;
  /** The responder's pager ($PAGER) for the status and the timeline; without it they are paged on screen. */
  pager?: Pager;
}

export interface WalkInput {
  incidentId: string;
  plans: Plans;
  actor: string;
  hooks?: WalkHooks;
  /** How the pause entry tells the user to resume. */
  resumeHint?: string;
  /** The responder's role (--role, $CRISIS_ROLE): a track whose step that role owns is shown first. */
  role?: string;
}

/** How a facilitated exercise (or any other driver) takes part in the walkthrough. */
export interface WalkHooks {
  /** Before each screen; may append events to the log (an inject that came due). */
  beforeScreen?(state: IncidentState): Promise<void>;
  /** Text shown above the step screen. */
  banner?(state: IncidentState): string;
  /** A line drawn live by the menu, again every few seconds while it waits (the exercise time). */
  live?(): string;
  /** Real milliseconds until the screen must be drawn again by itself (the next inject comes due). */
  wakeInMs?(state: IncidentState): number | undefined;
  /** Menu entries of the driver's own, shown after the engine's actions. */
  choices?(state: IncidentState): Choice<string>[];
  /** Handle one of those entries; 'end' leaves the walk. */
  choose?(id: string, state: IncidentState): Promise<'again' | 'end'>;
}

export type WalkOutcome = 'paused' | 'closed' | 'ended';


/** Walk the responder through the incident until they pause or close it. */
export async function walk(deps: WalkDeps, input: WalkInput): Promise<WalkOutcome> {
  const hooks = input.hooks ?? {};
  let notice = ''; // shown under the next screen, which clears the terminal
  let focus: string | undefined; // the track on screen
  for (;;) {
    // Re-read the log every time: a second responder may have added notes from another terminal.
    let shownSeq = 0;
    const read = async (): Promise<IncidentState> => {
      const recorded = await deps.log.events(input.incidentId);
      shownSeq = recorded.at(-1)?.seq ?? 0;
      return fold(input.plans, recorded.map((r) => r.event));
    };
    let state = await read();
    if (hooks.beforeScreen) {
      await hooks.beforeScreen(state);
      state = await read();
    }
    focus = chooseFocus(state, input.plans, focus, input.role);
    const now = deps.clock.now();
    const context = {
      incidentId: input.incidentId,
      plans: input.plans,
      styler: deps.styler,
      formatTime: deps.formatTime,
      width: deps.screen.columns,
      withoutClocks: true,
      ...(focus !== undefined ? { focus } : {}),
    };
    const shown = [hooks.banner?.(state) ?? '', renderStepScreen(state, { ...context, now }), notice].join('');
    deps.screen.clear();
    deps.screen.write(shown);
    notice = '';
    if (state.closed && !reportingOpen(state)) return 'closed';

    const actions = availableActions(state, input.plans, focus);
    const extra = hooks.choices?.(state) ?? [];
    // A driver's own entries (the facilitator's) come first, where they are seen without scrolling.
    // One line per entry: a wrapped entry pushes the menu's end off a short terminal.
    const room = Math.max(20, deps.screen.columns - 3); // the prompt's cursor and a margin
    const choices = [...extra, ...menu(actions, trackChoices(state, input.plans, focus), input.resumeHint ?? `crisis respond --incident ${input.incidentId}`, room)].map((c) => ({ ...c, name: clip(safeLine(c.name), room) }));
    const liveInput = { state, screen: context, clock: deps.clock, shownAt: now, ...(hooks.live ? { extra: () => hooks.live?.() ?? '' } : {}) };
    const full = liveHead({ ...liveInput, compact: false });
    // Too short a terminal for the step and the menu: the head goes by the menu, so it stays in view.
    const compact = lineCount(shown) + liveLines(full(), state, now) + MENU_ROOM > deps.screen.rows;
    const live = compact ? liveHead({ ...liveInput, compact }) : full;
    const chosen = await selectWhileLive<string>(
      deps,
      input.incidentId,
      shownSeq,
      {
        message: 'What now?',
        choices,
        pageSize: menuHeight(choices.length, deps.screen.rows - lineCount(shown) - liveLines(live(), state, now), deps.screen.rows - liveLines(live(), state, now)),
        default: actions.find((a) => a.suggested)?.id ?? PAUSE,
        live,
        ...shortcutsFor(actions),
      },
      hooks.wakeInMs?.(state),
    );
    if (chosen === LOG_CHANGED) continue; // a teammate's event: draw the screen again from the log
    if (chosen === PAUSE) return 'paused';
    if (chosen.startsWith(TRACK)) {
      focus = chosen.slice(TRACK.length);
      continue;
    }
    const action = actions.find((a) => a.id === chosen);
    if (!action) {
      if (extra.some((c) => c.value === chosen) && (await hooks.choose?.(chosen, state)) === 'end') return 'ended';
      continue;
    }

    if (action.kind === 'view-status' || action.kind === 'view-timeline') {
      await showView(deps, state, input, action.kind);
      continue;
    }
    if (action.kind === 'run-command') {
      notice = await runStepCommand(deps, input, action);
      continue;
    }
    const ctx: AskContext = { ...deps, plans: input.plans, ...(state.meta ? { awareness: state.meta.awareness } : {}) };
    const asked = await askInput(ctx, action);
    if (asked === undefined) continue; // the responder backed out
    // A note is about the step of the track on screen.
    const answer = action.kind === 'add-note' && focus !== undefined ? { ...asked, track: focus } : asked;
    try {
      // Decided again on the latest log, so a choice made while another terminal wrote still fits.
      const at = deps.clock.now();
      await commitFromLatest(deps.log, input.incidentId, input.plans, (latest) => eventsFor(latest, input.plans, action.id, answer, at, input.actor));
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      notice = deps.styler.error(`Not recorded: ${safeLine(refusal(error, action))}\n`);
    }
  }
}

const TRACK = '__track__:';

/**
 * The track to show: the one the responder picked while it still works; else, with a role, the
 * first active track whose step that role owns; else the first active track.
 */
function chooseFocus(state: IncidentState, plans: Plans, focus: string | undefined, role: string | undefined): string | undefined {
  const active = activeTracks(state);
  if (active.some((t) => t.id === focus)) return focus;
  const owns = role === undefined ? undefined : active.find((t) => ownerOf(plans, t.at) === role || ownerOf(plans, t.at) === splitRef(role, t.at.planId).id && splitRef(role, t.at.planId).planId === t.at.planId);
  return (owns ?? active[0])?.id;
}

function ownerOf(plans: Plans, at: StepRef): string | undefined {
  return plans.get(at.planId)?.steps.find((x) => x.id === at.stepId)?.owner;
}

/** One entry per other active track, to work on it instead. */
function trackChoices(state: IncidentState, plans: Plans, focus: string | undefined): Choice<string>[] {
  return activeTracks(state)
    .filter((t) => t.id !== focus)
    .map((t) => {
      const step = plans.get(t.at.planId)?.steps.find((x) => x.id === t.at.stepId);
      const owner = step ? roleTitle(plans, step.owner, t.at.planId) : '?';
      return { name: `Work on the other track: ${step?.title ?? t.at.stepId} (${owner})`, value: `${TRACK}${t.id}` };
    });
}

/** Why a choice was not recorded, in words: the action by its label, never by its internal id. */
function refusal(error: EngineError, action: Action): string {
  if (error.code === 'not-available') return `"${action.label}" is no longer possible: the incident changed meanwhile (another terminal, or an exercise inject); look at the screen again and choose anew.`;
  if (error.code === 'closed') return `"${action.label}" cannot be recorded: the incident was closed meanwhile.`;
  return error.message;
}

function lineCount(text: string): number {
  return text.split('\n').length - 1;
}

async function showView(deps: WalkDeps, state: IncidentState, input: WalkInput, kind: 'view-status' | 'view-timeline'): Promise<void> {
  const text =
    kind === 'view-status'
      ? renderStatusText(state, input.incidentId, input.plans, deps.clock.now(), deps.styler, deps.formatTime)
      : renderTimelineText(state, deps.styler, deps.formatTime);
  if (deps.pager) {
    // Ctrl+C in the pager reaches this process too: claimed for the while, so it only quits the pager.
    const release = deps.interrupts.listen(() => undefined);
    try {
      if (await deps.pager.show(wrapLines(text, Math.max(40, deps.screen.columns - 1)).join('\n') + '\n')) return;
    } finally {
      release();
    }
  }
  await showPaged(deps, text);
}
