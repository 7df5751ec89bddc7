// New events made ready for a log, whichever database holds it: plain, well-formed JSON, each
// chained to the incident's last event and to the log's last event under the current scheme.
import type { LoggedEvent, PlanSnapshot, PlanSnapshotInput, RecordedEvent } from '../../core/ports.js';
import { canonicalJson, toJsonValue, type JsonValue } from './canonical-json.js';
import { eventHashV2, genesisHash, sha256Hex } from './hash-chain.js';
import { wellFormed } from './well-formed.js';

export interface Payload {
  type: string;
  at: string;
  actor: string;
  payload: JsonValue;
}

/** The events as they will be stored: plain, well-formed JSON; the columns read from that same data. */
export function toPayloads(events: readonly LoggedEvent[]): Payload[] {
  return events.map((event) => {
    const payload = toJsonValue(event);
    const fields = payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? payload : {};
    const { type, at, actor } = fields;
    if (typeof type !== 'string' || typeof at !== 'string' || typeof actor !== 'string') {
      throw new TypeError('An event needs string type, at and actor fields.');
    }
    return { type, at, actor, payload };
  });
}

/** One event row to insert (scheme 2), and the record append returns for it. */
export interface ChainedEvent<E extends LoggedEvent> {
  row: { incidentId: string; seq: number; pos: number; type: string; at: string; actor: string; payload: string; prevHash: string; hash: string; logPrevHash: string };
  recorded: RecordedEvent<E>;
}

/** Where the chains end now: the incident's last event and the whole log's last event. */
export interface ChainEnds {
  seq: number;
  hash: string;
  pos: number;
  logHash: string;
}

/** Chain `payloads` after `ends`: seq and pos count on, each hash covers the one before. */
export function chainEvents<E extends LoggedEvent>(incidentId: string, payloads: readonly Payload[], ends: ChainEnds): ChainedEvent<E>[] {
  let { seq, pos, hash: prevHash, logHash: logPrevHash } = ends;
  return payloads.map(({ type, at, actor, payload }) => {
    seq += 1;
    pos += 1;
    const hash = eventHashV2({ incidentId, seq, pos, type, at, actor, payload, prevHash, logPrevHash });
    const chained = {
      row: { incidentId, seq, pos, type, at, actor, payload: canonicalJson(payload), prevHash, hash, logPrevHash },
      recorded: { seq, prevHash, hash, event: payload as unknown as E },
    };
    prevHash = hash;
    logPrevHash = hash;
    return chained;
  });
}

/** A new incident made well-formed, with its snapshots hashed and its genesis hash. */
export interface NewIncidentRows {
  incident: { id: string; title: string; planId: string; createdAt: string };
  plans: PlanSnapshot[];
  genesis: string;
}

/** Text made well-formed first: what is hashed is what is stored. Throws on a snapshot whose given hash does not match. */
export function newIncidentRows(input: { id: string; title: string; planId: string; createdAt: string; plans: readonly PlanSnapshotInput[] }): NewIncidentRows {
  const incident = { id: wellFormed(input.id), title: wellFormed(input.title), planId: wellFormed(input.planId), createdAt: wellFormed(input.createdAt) };
  const plans: PlanSnapshot[] = input.plans.map((plan) => {
    const text = wellFormed(plan.text);
    const hash = sha256Hex(text);
    if (plan.hash !== undefined && plan.hash !== hash) throw new Error(`The snapshot of plan ${plan.planId} does not match the hash given for it.`);
    return { planId: wellFormed(plan.planId), text, hash };
  });
  if (new Set(plans.map((p) => p.planId)).size !== plans.length) throw new Error('An incident cannot hold two snapshots of one plan.');
  return { incident, plans, genesis: genesisHash({ ...incident, plans }) };
}
