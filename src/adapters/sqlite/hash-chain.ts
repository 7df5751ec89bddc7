// The hash chain of an incident (SHA-256, lowercase hex; canon = canonical JSON):
//   genesis = sha256("crisis-genesis-v1\n" + canon({incident: {id, title, planId, createdAt},
//                                                   plans: [{planId, hash}] sorted by planId}))
//   event   = sha256(canon({incidentId, seq, type, at, actor, payload}) + "\n" + prevHash)
// The first event's prevHash is the genesis hash. Changing this layout breaks existing logs.
import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from './canonical-json.js';

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

/** The hash of one event: its canonical content followed by the previous hash. */
export function eventHash(input: EventHashInput): string {
  const { incidentId, seq, type, at, actor, payload } = input;
  return sha256Hex(`${canonicalJson({ incidentId, seq, type, at, actor, payload })}\n${input.prevHash}`);
}
