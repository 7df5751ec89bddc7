// Small runtime checks shared by apply's handlers: events may come from a log written by an
// older version or against another plan, so types alone are not trusted.
import { EngineError } from './errors.js';
import type { LeftOpen, StepRef } from './events.js';
import { stepKey } from './refs.js';
import { activeTrackAt, type IncidentState, type TrackState } from './state.js';

/** A non-empty string field, or an invalid-event error naming the field. */
export function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new EngineError('invalid-event', `The event's ${field} must be a non-empty text.`);
  }
  return value;
}

/** A non-negative integer field, or an invalid-event error naming the field. */
export function count(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new EngineError('invalid-event', `The event's ${field} must be a whole number of 0 or more.`);
  }
  return value;
}

/** The active track at a step; refuse an event about a step no track is working at. */
export function requireCurrent(state: IncidentState, ref: StepRef): TrackState {
  const track = activeTrackAt(state, ref);
  if (!track) {
    const now = state.tracks.filter((t) => t.status === 'active').map((t) => stepKey(t.at)).join(', ') || 'none';
    throw new EngineError('not-current-step', `Step ${ref.planId}#${ref.stepId} is not a current step (now: ${now}).`);
  }
  return track;
}

/** The leftOpen of a move (lists of texts and a reason), checked field by field. */
export function leftOpen(value: unknown): LeftOpen {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const texts = (list: unknown, field: string): string[] => {
    if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) {
      throw new EngineError('invalid-event', `The event's leftOpen.${field} must be a list of texts.`);
    }
    return [...(list as string[])];
  };
  return { actions: texts(v['actions'], 'actions'), notifications: texts(v['notifications'], 'notifications'), reason: text(v['reason'], 'reason for moving on') };
}
