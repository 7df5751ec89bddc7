// Find the incident a companion command is about and rebuild its state from the log.
import { UsageError } from '../core/errors.js';
import { safeLine } from '../core/safe-text/index.js';
import { fold, type IncidentEvent, type IncidentState, type Plans } from '../core/engine/index.js';
import type { IncidentRecord, RecordedEvent } from '../core/ports.js';
import { plansFromSnapshots } from './snapshot-plans.js';
import type { openLog } from './session.js';

type Log = Awaited<ReturnType<typeof openLog>>;

export interface LoadedIncident {
  record: IncidentRecord;
  plans: Plans;
  recorded: RecordedEvent<IncidentEvent>[];
  state: IncidentState;
}

/**
 * Without an id: 'latest' takes the most recently active open incident (status), 'only' the one
 * open incident and refuses to guess between several (note, which writes).
 */
export type DefaultIncident = 'latest' | 'only';

/** The named incident, or the default one (see DefaultIncident) when no id is given. */
export async function loadIncident(log: Log, id: string | undefined, pick: DefaultIncident = 'latest'): Promise<LoadedIncident> {
  const record = await pickIncident(log, id, pick);
  const plans = plansFromSnapshots(await log.snapshots(record.id), record.id);
  const recorded = await log.events(record.id);
  return { record, plans, recorded, state: fold(plans, recorded.map((r) => r.event)) };
}

/** The named incident, or the default one; a usage error naming the log when there is none. */
export async function pickIncident(log: Log, id: string | undefined, pick: DefaultIncident): Promise<IncidentRecord> {
  const record = id === undefined ? await defaultIncident(log, pick) : await log.incident(id);
  if (!record) throw new UsageError(`there is no incident ${id ?? ''} in ${log.path}; list them with crisis log list`.replace('  ', ' '));
  return record;
}

/** Exercise runs (ids ex-…, see exercise-incident.ts) share the log with real incidents. */
export function isExerciseIncident(record: IncidentRecord): boolean {
  return record.id.startsWith('ex-');
}

/** How confirmations name an incident: its id and its title (made printable: it comes from the log). */
export function incidentLabel(record: Pick<IncidentRecord, 'id' | 'title'>): string {
  return `${record.id} (${safeLine(record.title)})`;
}

async function defaultIncident(log: Log, pick: DefaultIncident): Promise<IncidentRecord> {
  const open = (await log.incidents()).filter((i) => !i.closed);
  // Never an exercise while a real incident is open: its simulated time (2099, say) says nothing about activity.
  const real = open.filter((i) => !isExerciseIncident(i));
  const candidates = (real.length > 0 ? real : open).sort((a, b) => (b.lastEventAt ?? b.createdAt).localeCompare(a.lastEventAt ?? a.createdAt));
  if (candidates.length > 1 && pick === 'only') {
    const list = candidates.map(incidentLabel).join(', ');
    throw new UsageError(`${candidates.length} incidents are open in ${log.path}: ${list}; say which with --incident ID`);
  }
  const latest = candidates[0];
  if (!latest) throw new UsageError(`there is no open incident in ${log.path}; give --incident ID (see crisis log list)`);
  return latest;
}
