// The walkthrough on a team log: live updates while the menu is open (LISTEN/NOTIFY), and when
// the server goes away, say so at once and offer to carry on in a local copy holding every event
// the server confirmed, to push back later.
import { homedir } from 'node:os';
import { LogUnavailable } from '../core/errors.js';
import { copyIncident } from '../core/log-sync.js';
import type { IncidentEvent } from '../core/engine/index.js';
import type { IncidentRecord, PlanSnapshot } from '../core/ports.js';
import { walk, type WalkDeps, type WalkInput, type WalkOutcome } from '../core/walkthrough/walk.js';
import { resolveDbPath } from '../adapters/sqlite/db-path.js';
import { openEventLog } from '../adapters/sqlite/sqlite-event-log.js';
import { SqlitePolledChanges } from '../adapters/sqlite/polled-changes.js';
import type { PostgresEventLog } from '../adapters/postgres/postgres-event-log.js';
import { isPostgresUrl } from '../adapters/postgres/connection-string.js';
import type { CliIO } from './io.js';
import { commandFor, type OpenLog } from './session.js';

/** Walk; on a team log, with live updates and the offline fallback. Returns the log in use at the end. */
export async function walkAnyLog(deps: WalkDeps & { log: OpenLog }, input: WalkInput, io: CliIO, resumeHint: (log: OpenLog) => string): Promise<{ outcome: WalkOutcome; log: OpenLog }> {
  const team = await teamLog(deps.log);
  if (team === undefined) return { outcome: await walkPolled(deps, input), log: deps.log };
  // Kept before walking: if the server goes, these are what a local copy starts from.
  const record = await team.incident(input.incidentId);
  const snapshots = await team.snapshots(input.incidentId);
  const { PostgresChanges } = await import('../adapters/postgres/live-changes.js');
  const changes = new PostgresChanges(team.connectionString);
  try {
    return { outcome: await walk({ ...deps, changes }, input), log: deps.log };
  } catch (error) {
    if (!(error instanceof LogUnavailable) || record === undefined) throw error;
    return await offline(deps, input, io, { team, record, snapshots, error }, resumeHint);
  } finally {
    await changes.close();
  }
}

/** Walk a SQLite log, looking every second for a teammate's events written from another terminal. */
export async function walkPolled(deps: WalkDeps & { log: OpenLog }, input: WalkInput): Promise<WalkOutcome> {
  if (isPostgresUrl(deps.log.path)) return walk(deps, input);
  const changes = new SqlitePolledChanges(deps.log.path);
  try {
    return await walk({ ...deps, changes }, input);
  } finally {
    await changes.close();
  }
}

async function teamLog(log: OpenLog): Promise<PostgresEventLog<IncidentEvent> | undefined> {
  if (!isPostgresUrl(log.path)) return undefined; // a SQLite log never loads the driver
  const { PostgresEventLog } = await import('../adapters/postgres/postgres-event-log.js');
  return log instanceof PostgresEventLog ? (log as PostgresEventLog<IncidentEvent>) : undefined;
}

interface Lost {
  team: PostgresEventLog<IncidentEvent>;
  record: IncidentRecord;
  snapshots: PlanSnapshot[];
  error: LogUnavailable;
}

async function offline(deps: WalkDeps & { log: OpenLog }, input: WalkInput, io: CliIO, lost: Lost, resumeHint: (log: OpenLog) => string): Promise<{ outcome: WalkOutcome; log: OpenLog }> {
  const id = input.incidentId;
  const known = lost.team.knownEvents(id);
  const last = known.at(-1)?.seq ?? 0;
  deps.screen.clear();
  deps.screen.write(
    deps.styler.error(`The team log went away: ${lost.error.message}\n`) +
      `Every event it confirmed is stored there; the last one this terminal saw is #${last}. A choice that was being recorded when it went may not be.\n`,
  );
  const localPath = resolveDbPath({ env: { ...io.env, CRISIS_DB: undefined }, home: homedir() });
  const pushBack = `crisis log push ${id} --to ${lost.team.path}`;
  const go = await deps.prompter.confirm({ message: `Continue on a local copy in ${localPath}? (push it back later with ${pushBack})`, default: true });
  if (!go) throw new LogUnavailable(`${lost.error.message} Resume when it is back with: ${resumeHint(deps.log)}`);
  const local = openEventLog<IncidentEvent>(localPath);
  const source = {
    incident: async () => lost.record,
    snapshots: async () => lost.snapshots,
    events: async () => known,
  };
  try {
    await copyIncident(source, local, id, { from: `the team log ${lost.team.path}`, to: `the local log ${localPath}` });
  } catch (error) {
    await local.close();
    throw error;
  }
  await deps.log.close();
  const localLog: OpenLog = local;
  const outcome = await walkPolled({ ...deps, log: localLog }, { ...input, resumeHint: resumeHint(localLog) });
  io.stdout.write(`Worked offline in ${localPath}. When the team log is back: ${pushBack}\n`);
  return { outcome, log: localLog };
}

/** How crisis names a log in a command, whichever kind. */
export const resumeCommand = (io: CliIO, id: string) => (log: OpenLog) => commandFor(io, log.path, `respond --incident ${id}`);
