// The checks of `crisis log verify` on rows already read, whichever database they came from:
// an incident's genesis and chain, and the log-wide order of positions. Pure: each adapter reads
// its rows (SQLite synchronously, PostgreSQL in batches) and feeds them here in order.
import type { ChainHead, VerifyResult } from '../../core/ports.js';
import type { JsonValue } from './canonical-json.js';
import { genesisHash, hashUnder, LOG_ORIGIN, sha256Hex } from './hash-chain.js';

export type Broken = NonNullable<VerifyResult['broken']>;

/** An incident row as both logs store it. */
export interface IncidentRow {
  id: string;
  title: string;
  plan_id: string;
  created_at: string;
  genesis_hash: string;
}

export interface SnapshotRow {
  incident_id: string;
  plan_id: string;
  hash: string;
  text: string;
}

/** An event row as both logs store it. */
export interface EventRow {
  incident_id: string;
  seq: number;
  pos: number;
  type: string;
  at: string;
  actor: string;
  payload: string;
  prev_hash: string;
  hash: string;
  /** The hash scheme (hash-chain.ts); absent in a log of schema 1, whose events are all scheme 1. */
  scheme?: number;
  /** The hash of the event at pos - 1 (scheme 2 on); null for scheme 1, absent in schema 1. */
  log_prev_hash?: string | null;
}

/** The genesis hash of an incident when its record and snapshots are intact, else why not. */
export function checkGenesis(incident: IncidentRow, snapshots: readonly SnapshotRow[]): { genesis: string } | { problem: string } {
  for (const snapshot of snapshots) {
    if (sha256Hex(snapshot.text) !== snapshot.hash) return { problem: `the snapshot of plan ${snapshot.plan_id} does not match its hash` };
  }
  const genesis = genesisHash({
    id: incident.id,
    title: incident.title,
    planId: incident.plan_id,
    createdAt: incident.created_at,
    plans: snapshots.map((s) => ({ planId: s.plan_id, hash: s.hash })),
  });
  if (genesis !== incident.genesis_hash) return { problem: 'the incident record or its plan snapshots were changed (genesis hash mismatch)' };
  return { genesis };
}

/** Follows one incident's chain event by event from its genesis. */
export class IncidentChain {
  private expected = 1;
  private prevHash: string;

  constructor(
    private readonly incidentId: string,
    genesis: string,
  ) {
    this.prevHash = genesis;
  }

  /** Check the next row; a problem sentence when it does not follow, else undefined. */
  add(row: EventRow): string | undefined {
    const problem = checkEvent(row, this.expected, this.prevHash);
    if (problem !== undefined) return problem;
    this.prevHash = row.hash;
    this.expected += 1;
    return undefined;
  }

  /** The seq a problem is reported at: the event expected next. */
  get nextSeq(): number {
    return this.expected;
  }

  get head(): ChainHead {
    return { incidentId: this.incidentId, seq: this.expected - 1, hash: this.prevHash };
  }
}

function checkEvent(row: EventRow, expected: number, prevHash: string): string | undefined {
  if (row.seq !== expected) return `event ${expected} is missing (the next event found is ${row.seq})`;
  if (row.prev_hash !== prevHash) return `event ${expected} does not chain from the event before it`;
  let payload: JsonValue;
  try {
    payload = JSON.parse(row.payload) as JsonValue;
  } catch {
    return `event ${expected} has a payload that is not JSON`;
  }
  const { incident_id: incidentId, seq, pos, type, at, actor } = row;
  // A log of schema 1 has no scheme columns: its events are all scheme 1.
  const scheme = row.scheme ?? 1;
  const hash = hashUnder(scheme, { incidentId, seq, pos, type, at, actor, payload, prevHash, logPrevHash: row.log_prev_hash ?? null });
  if (hash === undefined) return `event ${expected} names hash scheme ${scheme}, which crisis never wrote`;
  if (hash !== row.hash) {
    return scheme === 1
      ? `event ${expected} was altered (its content does not match its hash)`
      : `event ${expected} was altered (its content or its log position does not match its hash)`;
  }
  const fields = payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? payload : {};
  if (fields['type'] !== type || fields['at'] !== at || fields['actor'] !== actor) {
    return `event ${expected} has columns that disagree with its payload`;
  }
  return undefined;
}

/** A row of the log-wide order. */
export interface OrderRow {
  pos: number;
  incident_id: string;
  seq: number;
  hash: string;
  scheme: number;
  log_prev_hash: string | null;
}

/**
 * The log-wide order: positions run 1..N over every event of every incident, and each event of
 * hash scheme 2 names (and hashes) the event before it in the whole log. So removing an event
 * that any later event follows, whichever incident either belongs to, breaks the log even when
 * it was the last of its incident; renumbering positions to hide it changes hashed data.
 */
export class LogOrder {
  private prev: OrderRow | undefined;

  /** Check the next row in position order; the break when it does not follow, else undefined. */
  add(row: OrderRow): Broken | undefined {
    const prev = this.prev;
    const at = (reason: string): Broken => ({ incidentId: row.incident_id, seq: row.seq, reason });
    const expectedPos = (prev?.pos ?? 0) + 1;
    if (row.pos !== expectedPos) {
      const missing = row.pos - expectedPos === 1 ? `log position ${expectedPos} is missing` : `log positions ${expectedPos} to ${row.pos - 1} are missing`;
      return at(`an event was removed from the log just before this one (${missing})`);
    }
    if (prev !== undefined && row.scheme < prev.scheme) {
      return at(`event ${row.seq} uses hash scheme ${row.scheme} after an event of scheme ${prev.scheme}: crisis never writes that, so it was added or rewritten by something else`);
    }
    if (row.scheme >= 2 && row.log_prev_hash !== (prev?.hash ?? LOG_ORIGIN)) {
      return at(`event ${row.seq} does not chain from the event before it in the log (log position ${row.pos - 1}): an event was removed or the positions were renumbered`);
    }
    this.prev = row;
    return undefined;
  }
}

/** Notes where each anchor (leading hex digits of a kept hash) is first found in intact chains. */
export class AnchorSearch {
  private readonly found = new Map<string, ChainHead>();

  constructor(private readonly anchors: readonly string[]) {}

  look(incidentId: string, seq: number, hash: string): void {
    for (const hex of this.anchors) if (!this.found.has(hex) && hash.startsWith(hex)) this.found.set(hex, { incidentId, seq, hash });
  }

  get results(): VerifyResult['anchors'] {
    return this.anchors.map((hex) => ({ hex, at: this.found.get(hex) }));
  }
}
