// The hash chains of the log (SHA-256, lowercase hex; canon = canonical JSON). Every scheme
// ever written stays here: a log is evidence, and its old events must keep verifying.
//   genesis   = sha256("crisis-genesis-v1\n" + canon({incident: {id, title, planId, createdAt},
//                                                     plans: [{planId, hash}] sorted by planId}))
//   scheme 1  = sha256(canon({incidentId, seq, type, at, actor, payload}) + "\n" + prevHash)
//   scheme 2  = sha256("crisis-event-v2\n" + canon({incidentId, seq, pos, type, at, actor, payload,
//                                                   prevHash, logPrevHash}))
// prevHash is the incident's previous event (the genesis for its first); logPrevHash is the event
// at pos - 1 in the whole log (LOG_ORIGIN for pos 1), so every event also vouches for the log
// before it, across incidents. Changing a shipped layout breaks existing logs.
import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from './canonical-json.js';

/** The scheme new events are written with. */
export const CURRENT_SCHEME = 2;
/** What the first event of a log chains from in the log-wide chain. */
export const LOG_ORIGIN = '0'.repeat(64);

/** SHA-256 of a UTF-8 text, lowercase hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface GenesisInput {
  id: string;
  title: string;
  planId: string;
  createdAt: string;
  /** Every plan snapshot of the incident; order does not matter. */
  plans: readonly { planId: string; hash: string }[];
}

/** The hash the first event chains from. */
export function genesisHash(input: GenesisInput): string {
  const plans = [...input.plans]
    .sort((a, b) => (a.planId < b.planId ? -1 : a.planId > b.planId ? 1 : 0))
    .map((p) => ({ planId: p.planId, hash: p.hash }));
  const incident = { id: input.id, title: input.title, planId: input.planId, createdAt: input.createdAt };
  return sha256Hex(`crisis-genesis-v1\n${canonicalJson({ incident, plans })}`);
}

export interface EventHashInput {
  incidentId: string;
  seq: number;
  type: string;
  at: string;
  actor: string;
  payload: JsonValue;
  prevHash: string;
}

/** Scheme 1: the hash of one event, its canonical content followed by the previous hash. */
export function eventHash(input: EventHashInput): string {
  const { incidentId, seq, type, at, actor, payload } = input;
  return sha256Hex(`${canonicalJson({ incidentId, seq, type, at, actor, payload })}\n${input.prevHash}`);
}

export interface EventHashV2Input extends EventHashInput {
  /** The event's place in the whole log, 1-based. */
  pos: number;
  /** The hash of the event at pos - 1, or LOG_ORIGIN. */
  logPrevHash: string;
}

/** Scheme 2: also commits to the event's log position and to the event before it in the whole log. */
export function eventHashV2(input: EventHashV2Input): string {
  const { incidentId, seq, pos, type, at, actor, payload, prevHash, logPrevHash } = input;
  return sha256Hex(`crisis-event-v2\n${canonicalJson({ incidentId, seq, pos, type, at, actor, payload, prevHash, logPrevHash })}`);
}

/** The hash of an event under the scheme it was written with; undefined for a scheme this code does not know. */
export function hashUnder(scheme: number, input: EventHashInput & { pos: number; logPrevHash: string | null }): string | undefined {
  if (scheme === 1) return eventHash(input);
  if (scheme === 2 && input.logPrevHash !== null) return eventHashV2({ ...input, logPrevHash: input.logPrevHash });
  return undefined;
}
