// An exercise incident in progress: the engine's state and log, advanced by the opening, injects
// and scripted responses. Pure (no I/O): the runner and a facilitated run both drive it.
import { apply, EngineError, eventsFor, initialState, openIncident, type IncidentEvent, type IncidentState, type InjectReleased, type OpenInput, type Plans } from '../engine/index.js';
import { formatOffset } from './offsets.js';
import { stepOwner } from './owners.js';
import { translate, ScriptRefused } from './translate.js';
import type { Exercise, Inject, ScriptEntry } from './types.js';

/** Something the run could not do; it is reported and the run goes on. */
export interface RunProblem {
  source: 'open' | 'inject' | 'script' | 'end';
  index: number; // 0-based position in injects or script (0 for the opening and the end)
  offset: string; // when, as an offset from start (PT3H)
  message: string; // one sentence: what and why
}

/** Called with the events of each step of the run, in order (e.g. to append them to a log). */
export type EventSink = (events: readonly IncidentEvent[]) => void;

export const FACILITATOR = 'facilitator';

/** What openIncident() needs for the exercise's incident (a facilitated run opens it the same way). */
export function openInput(exercise: Exercise, plans: Plans, awareness: Date, at: Date): OpenInput {
  const { plan, incident } = exercise;
  return {
    planId: plan,
    title: incident.title,
    awareness,
    at,
    actor: stepOwner(plans, plan) ?? FACILITATOR,
    ...(incident.severity !== undefined ? { severity: incident.severity } : {}),
  };
}

/** The event that releases an inject at `at` (a facilitated run appends the same event). */
export function injectEvent(inject: Inject, at: Date): InjectReleased {
  return {
    type: 'inject-released',
    injectId: inject.id,
    title: inject.title,
    message: inject.message,
    ...(inject.facts !== undefined ? { facts: { ...inject.facts } } : {}),
    at: at.toISOString(),
    actor: FACILITATOR,
  };
}

/** The incident of one exercise run, advanced by open(), release(), perform() and end(). */
export class ExerciseSession {
  readonly events: IncidentEvent[] = [];
  readonly problems: RunProblem[] = [];
  state: IncidentState = initialState();

  constructor(
    readonly exercise: Exercise,
    readonly plans: Plans,
    readonly start: Date,
    private readonly sink: EventSink = () => undefined,
  ) {}

  /** Open the incident on the exercise's plan, by the owner of its start step. */
  open(awareness: Date, at: Date): void {
    this.attempt('open', 0, at, ['opening the incident', ''], () => openIncident(this.plans, openInput(this.exercise, this.plans, awareness, at)));
  }

  /** Release an inject to the players: an inject-released event by the facilitator. */
  release(inject: Inject, index: number, at: Date): void {
    this.attempt('inject', index, at, [`inject ${inject.id}`, ''], () => [injectEvent(inject, at)]);
  }

  /** Play one script entry as the engine action a responder would take. */
  perform(entry: ScriptEntry, index: number, at: Date): void {
    this.attempt('script', index, at, [`script entry ${index + 1}`, ` (${entry.do})`], () => {
      const { action, input } = translate(this.state, this.plans, entry, this.exercise.plan, at);
      const only = this.state.tracks.length === 1 ? this.state.tracks[0]?.at : undefined;
      const where = 'step' in action ? action.step : only;
      const owner = where ? stepOwner(this.plans, where.planId, where.stepId) : undefined;
      return eventsFor(this.state, this.plans, action.id, input, at, entry.actor ?? owner ?? FACILITATOR);
    });
  }

  /**
   * ENDEX: close the incident if the players left it open, so an exercise never stays among a
   * log's open incidents (where `crisis respond` would offer to resume it).
   */
  end(at: Date): void {
    if (!this.state.opened || this.state.closed) return;
    const summary = `Exercise ${this.exercise.metadata.id} ended (ENDEX at ${formatOffset(at.getTime() - this.start.getTime())}).`;
    this.attempt('end', 0, at, ['ending the exercise', ''], () => eventsFor(this.state, this.plans, 'close', { summary }, at, FACILITATOR));
  }

  /** Build events, fold them in and pass them on; a refusal becomes a problem, not a crash. */
  private attempt(source: RunProblem['source'], index: number, at: Date, [name, detail]: [string, string], build: () => IncidentEvent[]): void {
    let events: IncidentEvent[];
    let next = this.state;
    try {
      events = build();
      for (const e of events) next = apply(next, e, this.plans);
    } catch (error) {
      if (!(error instanceof ScriptRefused || error instanceof EngineError)) throw error;
      const offset = formatOffset(at.getTime() - this.start.getTime());
      this.problems.push({ source, index, offset, message: `${name} at ${offset}${detail}: not possible: ${error.message}` });
      return;
    }
    this.state = next;
    this.events.push(...events);
    this.sink(events);
  }
}
