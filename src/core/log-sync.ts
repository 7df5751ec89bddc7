// Moving one incident between two logs (a laptop's SQLite log and the team's PostgreSQL log),
// fast-forward only: the target's events must be a prefix of the source's, or the incident new
// there. Events keep their original actors and times; each log chains them under its own
// positions. When the two have diverged nothing is written on either side.
import { LogConflict, ProblemsFound, UsageError } from './errors.js';
import type { EventLog, LoggedEvent, RecordedEvent } from './ports.js';

/** What a copy needs to read from its source. */
export type SyncSource<E extends LoggedEvent> = Pick<EventLog<E>, 'incident' | 'events' | 'snapshots'>;

export interface SyncNames {
  /** How messages name each side ("the local log /x.db", "the team log postgres://..."). */
  from: string;
  to: string;
}

export type SyncOutcome = { kind: 'created'; events: number } | { kind: 'appended'; events: number; after: number } | { kind: 'up-to-date'; events: number } | { kind: 'target-ahead'; events: number; ahead: number };

/** Copy incident `id` from `from` to `to`, fast-forward only; ProblemsFound naming the first differing event when they diverged. */
export async function copyIncident<E extends LoggedEvent>(from: SyncSource<E>, to: EventLog<E>, id: string, names: SyncNames): Promise<SyncOutcome> {
  const source = await from.incident(id);
  if (source === undefined) throw new UsageError(`there is no incident ${id} in ${names.from}; list them with crisis log list`);
  const [events, snapshots] = [await from.events(id), await from.snapshots(id)];
  const target = await to.incident(id);
  if (target === undefined) {
    const created = await to.createIncident({
      id,
      title: source.title,
      planId: source.planId,
      createdAt: source.createdAt,
      plans: snapshots,
      events: events.map((r) => r.event),
    });
    return { kind: 'created', events: created.length };
  }
  const theirs = await to.snapshots(id);
  const sameOpening =
    target.title === source.title &&
    target.planId === source.planId &&
    target.createdAt === source.createdAt &&
    sameJson(
      theirs.map((s) => [s.planId, s.hash]),
      snapshots.map((s) => [s.planId, s.hash]),
    );
  if (!sameOpening) {
    throw new ProblemsFound(`incident ${id} in ${names.to} is another incident with the same id (its title, opening time or plan snapshots differ); nothing was copied`);
  }
  const present = await to.events(id);
  const differ = firstDifference(events, present);
  if (differ !== undefined) {
    throw new ProblemsFound(
      `incident ${id} has diverged: event #${differ} is ${describe(events[differ - 1])} in ${names.from} but ${describe(present[differ - 1])} in ${names.to}; nothing was copied and both logs are unchanged`,
    );
  }
  if (present.length > events.length) return { kind: 'target-ahead', events: present.length, ahead: present.length - events.length };
  if (present.length === events.length) return { kind: 'up-to-date', events: events.length };
  try {
    const added = await to.appendAll(
      id,
      events.slice(present.length).map((r) => r.event),
      { afterSeq: present.length },
    );
    return { kind: 'appended', events: added.length, after: present.length };
  } catch (error) {
    if (!(error instanceof LogConflict)) throw error;
    throw new LogConflict(`incident ${id} changed in ${names.to} while copying (someone appended); nothing was copied: run the command again`);
  }
}

/** The seq of the first event the two chains disagree on, within their common length. */
function firstDifference<E extends LoggedEvent>(a: readonly RecordedEvent<E>[], b: readonly RecordedEvent<E>[]): number | undefined {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (!sameJson(a[i]?.event, b[i]?.event)) return i + 1;
  return undefined;
}

function describe(recorded: RecordedEvent | undefined): string {
  if (recorded === undefined) return 'missing';
  const { type, actor, at } = recorded.event;
  return `${type} by ${actor} at ${at}`;
}

/** Equal as JSON data, whatever the order of object keys. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
