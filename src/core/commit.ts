// Append what a choice leads to, decided against the latest log: two terminals writing to one
// incident never leave a log that cannot be replayed.
import { fold, type IncidentEvent, type IncidentState, type Plans } from './engine/index.js';
import { LogConflict } from './errors.js';
import type { EventLog, RecordedEvent } from './ports.js';

const TRIES = 5;

/**
 * Fold the incident's latest events, let `decide` compute the events to add (it may throw
 * EngineError when the choice no longer fits), and append them only if nothing was appended
 * in between; otherwise decide again on the newer state.
 */
export async function commitFromLatest(
  log: EventLog<IncidentEvent>,
  incidentId: string,
  plans: Plans,
  decide: (state: IncidentState) => readonly IncidentEvent[],
): Promise<RecordedEvent<IncidentEvent>[]> {
  for (let attempt = 1; ; attempt++) {
    const recorded = await log.events(incidentId);
    const events = decide(fold(plans, recorded.map((r) => r.event)));
    if (events.length === 0) return [];
    try {
      return await log.appendAll(incidentId, events, { afterSeq: recorded.at(-1)?.seq ?? 0 });
    } catch (error) {
      if (!(error instanceof LogConflict) || attempt >= TRIES) throw error;
    }
  }
}
