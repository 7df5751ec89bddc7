// Facilitated play: the simulated clock follows the facilitator (human-paced) or real time
// multiplied by a speed, and injects come due against it. Pure: real time comes from a Clock port.
import type { IncidentState } from '../engine/index.js';
import type { Clock } from '../ports.js';
import { atOffset } from './offsets.js';
import type { Exercise, Inject } from './types.js';

export interface ScheduledInject {
  inject: Inject;
  index: number;
  at: Date;
}

/**
 * Exercise time during play. Human-paced (speed undefined): it stands still until the facilitator
 * moves it. Clocked: it runs `speed` times faster than the real clock from where it was resumed.
 */
export class PlayClock implements Clock {
  private simBase: number;
  private realBase: number;

  constructor(
    private readonly real: Clock,
    resumeAt: Date,
    readonly speed: number | undefined,
  ) {
    this.simBase = resumeAt.getTime();
    this.realBase = real.now().getTime();
  }

  /** The simulated now. */
  now(): Date {
    if (this.speed === undefined) return new Date(this.simBase);
    return new Date(this.simBase + (this.real.now().getTime() - this.realBase) * this.speed);
  }

  /** Move exercise time forward to `to` (never back). */
  advanceTo(to: Date): void {
    const now = this.now().getTime();
    this.simBase = Math.max(now, to.getTime());
    this.realBase = this.real.now().getTime();
  }
}

/** The exercise's injects in release order, with their simulated times. */
export function injectSchedule(exercise: Exercise, start: Date): ScheduledInject[] {
  return exercise.injects
    .flatMap((inject, index) => {
      const at = atOffset(start, inject.at);
      return at ? [{ inject, index, at }] : [];
    })
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.index - b.index);
}

/** Injects not yet released in this incident, in order. */
export function pendingInjects(schedule: readonly ScheduledInject[], state: IncidentState): ScheduledInject[] {
  const released = new Set(state.injects.map((i) => i.injectId));
  return schedule.filter((s) => !released.has(s.inject.id));
}

/** Injects due at `now` and not yet released. */
export function dueInjects(schedule: readonly ScheduledInject[], state: IncidentState, now: Date): ScheduledInject[] {
  return pendingInjects(schedule, state).filter((s) => s.at.getTime() <= now.getTime());
}

/** Where exercise time stands in a log being resumed: the latest event's time. */
export function resumePoint(state: IncidentState, fallback: Date): Date {
  const times = state.timeline.map((e) => Date.parse(e.at)).filter((t) => Number.isFinite(t));
  return times.length === 0 ? fallback : new Date(Math.max(...times));
}
