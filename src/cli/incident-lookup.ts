// Find the incident a companion command is about and rebuild its state from the log.
import { UsageError } from '../core/errors.js';
import { fold, type IncidentEvent, type IncidentState, type Plans } from '../core/engine/index.js';
import type { IncidentRecord, RecordedEvent } from '../core/ports.js';
import { plansFromSnapshots } from './load-plans.js';
import type { openLog } from './session.js';

type Log = ReturnType<typeof openLog>;

export interface LoadedIncident {
  record: IncidentRecord;
  plans: Plans;
  recorded: RecordedEvent<IncidentEvent>[];
  state: IncidentState;
}

/** The named incident, or the most recently active open one when no id is given. */
export function loadIncident(log: Log, id: string | undefined): LoadedIncident {
  const record = id === undefined ? latestOpen(log) : log.incident(id);
  if (!record) throw new UsageError(`there is no incident ${id ?? ''} in ${log.path}; list them with crisis log list`.replace('  ', ' '));
  const plans = plansFromSnapshots(log.snapshots(record.id), record.id);
  const recorded = log.events(record.id);
  return { record, plans, recorded, state: fold(plans, recorded.map((r) => r.event)) };
}

function latestOpen(log: Log): IncidentRecord {
  const open = log.incidents().filter((i) => !i.closed);
  const latest = open.sort((a, b) => (b.lastEventAt ?? b.createdAt).localeCompare(a.lastEventAt ?? a.createdAt))[0];
  if (!latest) throw new UsageError(`there is no open incident in ${log.path}; give --incident ID (see crisis log list)`);
  return latest;
}
