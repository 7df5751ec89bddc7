// fold(plans, events): the state of an incident rebuilt from its log. Resuming is replay.
import { applyInPlace } from './apply.js';
import type { IncidentEvent } from './events.js';
import type { Plans } from './refs.js';
import { initialState, type IncidentState } from './state.js';

/** The state after all events, in order; throws EngineError at the first impossible event. */
export function fold(plans: Plans, events: readonly IncidentEvent[]): IncidentState {
  const state = initialState();
  for (const event of events) applyInPlace(state, event, plans);
  return state;
}
