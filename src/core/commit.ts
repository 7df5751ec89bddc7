// Append what a choice leads to, decided against the latest log: two terminals writing to one
// incident never leave a log that cannot be replayed.
import { fold, type IncidentEvent, type IncidentState, type Plans } from './engine/index.js';
import { LogConflict } from './errors.js';
import type { EventLog, RecordedEvent } from './ports.js';

const TRIES = 5;

/**
 * Fold the incident's latest events, let `decide` compute the events to add (it may throw
 * EngineError when the choice no longer fits), and append them only if nothing was appended
 * in between; otherwise decide again on the newer state. `known` is a state the caller has just
 * folded (after event `seq`): the first attempt starts from it instead of replaying the log again.
 */
export async function commitFromLatest(
  log: EventLog<IncidentEvent>,
  incidentId: string,
  plans: Plans,
  decide: (state: IncidentState) => readonly IncidentEvent[],
  known?: { seq: number; state: IncidentState },
): Promise<RecordedEvent<IncidentEvent>[]> {
  for (let attempt = 1; ; attempt++) {
    const latest = attempt === 1 && known ? known : await replay(log, incidentId, plans);
    const events = decide(latest.state);
    if (events.length === 0) return [];
    try {
      return await log.appendAll(incidentId, events, { afterSeq: latest.seq });
    } catch (error) {
      if (!(error instanceof LogConflict) || attempt >= TRIES) throw error;
    }
  }
}

async function replay(log: EventLog<IncidentEvent>, incidentId: string, plans: Plans): Promise<{ seq: number; state: IncidentState }> {
  const recorded = await log.events(incidentId);
  return { seq: recorded.at(-1)?.seq ?? 0, state: fold(plans, recorded.map((r) => r.event)) };
}
