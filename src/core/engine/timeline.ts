// The incident's history as one list across plans: each entry names the plan it happened in.
import type { IncidentEvent } from './events.js';
import { fold } from './fold.js';
import type { Plans } from './refs.js';
import type { IncidentState, TimelineEntry } from './state.js';

/** The timeline of a folded state. */
export function timeline(state: IncidentState): TimelineEntry[];
/** The timeline of an event list, folded against the plans it used. */
export function timeline(events: readonly IncidentEvent[], plans: Plans): TimelineEntry[];
export function timeline(source: IncidentState | readonly IncidentEvent[], plans?: Plans): TimelineEntry[] {
  if (isEventList(source)) return fold(plans ?? new Map(), source).timeline;
  return [...source.timeline];
}

function isEventList(source: IncidentState | readonly IncidentEvent[]): source is readonly IncidentEvent[] {
  return Array.isArray(source);
}
