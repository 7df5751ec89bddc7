// Where an incident stands, without replaying its whole log: `status` and `note` resume from the
// log's replay checkpoint (engine/checkpoint.ts) when it is still true of the log, and replay
// everything when it is not (none yet, another format, the event it names changed, or a later
// event needs history the checkpoint left out).
import { CHECKPOINT_FORMAT, fold, fromCheckpoint, resumeHead, toCheckpoint, type IncidentEvent, type IncidentState, type Plans } from '../core/engine/index.js';
import type { CheckpointStore, EventLog, IncidentRecord, RecordedEvent } from '../core/ports.js';
import { packageVersion } from '../adapters/package-root.js';
import { pickIncident, type DefaultIncident } from './incident-lookup.js';
import { plansFromSnapshots } from './snapshot-plans.js';
import type { openLog } from './session.js';

type Log = Awaited<ReturnType<typeof openLog>>;

/** A writer saves a new checkpoint once this many events were added after the last one. */
export const CHECKPOINT_EVERY = 64;

export interface IncidentHead {
  record: IncidentRecord;
  plans: Plans;
  /** A head state: where the incident stands; history older than the checkpoint's window may be missing. */
  state: IncidentState;
  seq: number; // the last event folded in
  hash: string | undefined; // its hash (undefined before any event)
  checkpointSeq: number | undefined; // the checkpoint it resumed from
}

/** The format a checkpoint of this crisis carries: another version's is not trusted. */
export function checkpointFormat(): string {
  return `${CHECKPOINT_FORMAT} crisis ${packageVersion()}`;
}

/** The named (or default) incident's head state, from the checkpoint when it holds. */
export async function loadIncidentHead(log: Log, id: string | undefined, pick: DefaultIncident = 'latest'): Promise<IncidentHead> {
  const record = await pickIncident(log, id, pick);
  const plans = plansFromSnapshots(await log.snapshots(record.id), record.id);
  const store = checkpointStoreOf(log);
  const resumed = store === undefined ? undefined : await fromStore(store, record, plans);
  if (resumed !== undefined) return resumed;
  const recorded = await log.events(record.id);
  const last = recorded.at(-1);
  return { record, plans, state: fold(plans, recorded.map((r) => r.event)), seq: last?.seq ?? 0, hash: last?.hash, checkpointSeq: undefined };
}

/**
 * After a writer appended `added` to the head it loaded: the state they lead to, kept as the new
 * checkpoint when enough events were added since the last one. A checkpoint is a cache: when it
 * cannot be saved, nothing the responder did is lost, so that is not an error.
 */
export async function keepCheckpoint(log: Log, head: IncidentHead, added: readonly RecordedEvent<IncidentEvent>[]): Promise<void> {
  const store = checkpointStoreOf(log);
  const last = added.at(-1);
  if (store === undefined || last === undefined || added[0]?.seq !== head.seq + 1) return;
  if (head.checkpointSeq !== undefined && last.seq - head.checkpointSeq < CHECKPOINT_EVERY) return;
  const state = resumeHead(head.state, added.map((r) => r.event), head.plans);
  if (state === undefined) return;
  await save(store, head.record.id, last.seq, last.hash, state);
}

async function save(store: CheckpointStore<IncidentEvent>, incidentId: string, seq: number, hash: string, state: IncidentState): Promise<void> {
  try {
    await store.saveCheckpoint(incidentId, { seq, hash, format: checkpointFormat(), state: JSON.stringify(toCheckpoint(state)) });
  } catch {
    // Left for the next writer (a full disk, a lock held too long): the log itself is unharmed.
  }
}

/**
 * After a session that wrote (a walkthrough, an exercise): keep a checkpoint of where the incident
 * stands now, unless a recent one holds, so the next `status` or `note` does not replay it all.
 */
export async function refreshCheckpoint(log: Log, incidentId: string): Promise<void> {
  const store = checkpointStoreOf(log);
  if (store === undefined) return;
  const head = await loadIncidentHead(log, incidentId);
  if (head.hash === undefined || (head.checkpointSeq !== undefined && head.seq - head.checkpointSeq < CHECKPOINT_EVERY)) return;
  await save(store, head.record.id, head.seq, head.hash, head.state);
}

/** The log's checkpoint store, when it keeps checkpoints (the SQLite log does; a team log does not yet). */
export function checkpointStoreOf(log: EventLog<IncidentEvent>): CheckpointStore<IncidentEvent> | undefined {
  const candidate = log as Partial<CheckpointStore<IncidentEvent>>;
  return typeof candidate.checkpoint === 'function' && typeof candidate.saveCheckpoint === 'function' && typeof candidate.hashAt === 'function' && typeof candidate.eventsAfter === 'function'
    ? (log as unknown as CheckpointStore<IncidentEvent>)
    : undefined;
}

async function fromStore(store: CheckpointStore<IncidentEvent>, record: IncidentRecord, plans: Plans): Promise<IncidentHead | undefined> {
  const stored = await store.checkpoint(record.id);
  if (stored === undefined || stored.format !== checkpointFormat()) return undefined;
  // Trusted only while the event it was taken after still has the hash it had then.
  if ((await store.hashAt(record.id, stored.seq)) !== stored.hash) return undefined;
  const head = fromCheckpoint(parseOrUndefined(stored.state));
  if (head === undefined) return undefined;
  const tail = await store.eventsAfter(record.id, stored.seq);
  const state = resumeHead(head, tail.map((r) => r.event), plans);
  if (state === undefined) return undefined;
  const last = tail.at(-1);
  return { record, plans, state, seq: last?.seq ?? stored.seq, hash: last?.hash ?? stored.hash, checkpointSeq: stored.seq };
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
