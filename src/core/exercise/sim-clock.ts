// Simulated time for exercises: the agenda of what happens when, and a clock that jumps to each
// cue instead of waiting. A facilitated run may pace the same agenda by real time instead.
import type { Clock } from '../ports.js';
import { atOffset } from './offsets.js';
import type { Exercise, Inject, ScriptEntry } from './types.js';

/** One thing that happens at a simulated time. */
export type Cue =
  | { kind: 'open'; at: Date }
  | { kind: 'inject'; at: Date; index: number; inject: Inject }
  | { kind: 'script'; at: Date; index: number; entry: ScriptEntry };

const RANK: Record<Cue['kind'], number> = { open: 0, inject: 1, script: 2 };

/** When the exercise's incident is opened and when the organisation became aware. */
export function openingTimes(exercise: Exercise, start: Date): { awareness: Date; opened: Date } {
  const awareness = atOffset(start, exercise.incident.awareness ?? 'PT0S') ?? start;
  const opened = atOffset(start, exercise.incident.opened ?? exercise.incident.awareness ?? 'PT0S') ?? awareness;
  return { awareness, opened };
}

/**
 * Everything that happens, in time order. At the same time the opening comes first, then
 * injects (the news), then scripted responses (reactions to it); within each, file order.
 * Entries whose offset cannot be read are left out (validation reports them).
 */
export function agenda(exercise: Exercise, start: Date): Cue[] {
  const cues: Cue[] = [{ kind: 'open', at: openingTimes(exercise, start).opened }];
  exercise.injects.forEach((inject, index) => {
    const at = atOffset(start, inject.at);
    if (at) cues.push({ kind: 'inject', at, index, inject });
  });
  (exercise.script ?? []).forEach((entry, index) => {
    const at = atOffset(start, entry.at);
    if (at) cues.push({ kind: 'script', at, index, entry });
  });
  return cues.sort((a, b) => a.at.getTime() - b.at.getTime() || RANK[a.kind] - RANK[b.kind] || indexOf(a) - indexOf(b));
}

function indexOf(cue: Cue): number {
  return cue.kind === 'open' ? 0 : cue.index;
}

/** The end of the exercise: its `end` offset, else the last cue. */
export function endOf(exercise: Exercise, start: Date, cues: readonly Cue[]): Date {
  const explicit = exercise.end === undefined ? undefined : atOffset(start, exercise.end);
  if (explicit) return explicit;
  return new Date(Math.max(start.getTime(), ...cues.map((c) => c.at.getTime())));
}

/** A Clock that reads simulated time: it only moves when told to, and never backwards. */
export class SimClock implements Clock {
  private t: number;
  constructor(start: Date) {
    this.t = start.getTime();
  }

  /** The simulated now. */
  now(): Date {
    return new Date(this.t);
  }

  /** Jump to `to` (no waiting); going back in time is a bug in the caller. */
  advanceTo(to: Date): void {
    if (to.getTime() < this.t) throw new RangeError(`The simulated clock cannot go back from ${this.now().toISOString()} to ${to.toISOString()}.`);
    this.t = to.getTime();
  }
}
