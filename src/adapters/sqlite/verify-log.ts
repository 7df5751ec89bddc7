// Recompute the hash chains of the log and report the first place where they break.
import type Database from 'better-sqlite3';
import type { ChainHead, VerifyResult } from '../../core/ports.js';
import type { JsonValue } from './canonical-json.js';
import { genesisHash, hashUnder, sha256Hex } from './hash-chain.js';
import { findLogOrderBreak } from './log-order.js';
import type { EventRow, IncidentRow, SnapshotRow } from './rows.js';
import { schemaProblems } from './schema-check.js';

type Broken = NonNullable<VerifyResult['broken']>;

/**
 * Check one incident's chain (or every incident's), the log-wide order of events and the schema,
 * noting on the way where each anchor (leading hex digits of a kept hash) is found.
 */
export function verifyLog(db: Database.Database, incidentId?: string, anchors: readonly string[] = []): VerifyResult {
  const schema = schemaProblems(db);
  let result: VerifyResult;
  try {
    result = verifyChains(db, incidentId, anchors);
  } catch (error) {
    // Tables so altered that the chains cannot even be read: the schema problems say why.
    if (schema.length === 0 || typeof (error as { code?: unknown }).code !== 'string') throw error;
    result = { ok: false, incidents: 0, events: 0, heads: [], anchors: anchors.map((hex) => ({ hex, at: undefined })) };
  }
  if (schema.length === 0) return result;
  return { ...result, ok: false, schema };
}

function verifyChains(db: Database.Database, incidentId: string | undefined, anchors: readonly string[]): VerifyResult {
  const incidents = (
    incidentId === undefined
      ? db.prepare('SELECT * FROM incidents ORDER BY created_at, id').all()
      : db.prepare('SELECT * FROM incidents WHERE id = ?').all(incidentId)
  ) as IncidentRow[];
  const eventCount = (
    incidentId === undefined
      ? db.prepare('SELECT count(*) AS n FROM events').get()
      : db.prepare('SELECT count(*) AS n FROM events WHERE incident_id = ?').get(incidentId)
  ) as { n: number };
  let broken: Broken | undefined;
  const heads: ChainHead[] = [];
  const found = new Map<string, ChainHead>();
  const look: Look = (incidentId, seq, hash) => {
    for (const hex of anchors) if (!found.has(hex) && hash.startsWith(hex)) found.set(hex, { incidentId, seq, hash });
  };
  for (const incident of incidents) {
    const checked = verifyIncident(db, incident, look);
    if ('broken' in checked) {
      broken = checked.broken;
      break;
    }
    heads.push(checked.head);
  }
  broken ??= findOrphan(db, incidentId) ?? findLogOrderBreak(db);
  const result: VerifyResult = {
    ok: broken === undefined,
    incidents: incidents.length,
    events: eventCount.n,
    heads,
    anchors: anchors.map((hex) => ({ hex, at: found.get(hex) })),
  };
  if (broken !== undefined) result.broken = broken;
  return result;
}

/** Called with each link of an intact chain, so anchors are found in the same pass. */
type Look = (incidentId: string, seq: number, hash: string) => void;

function verifyIncident(db: Database.Database, incident: IncidentRow, look: Look): { broken: Broken } | { head: ChainHead } {
  const at = (seq: number, reason: string) => ({ broken: { incidentId: incident.id, seq, reason } });
  const snapshots = db
    .prepare('SELECT * FROM plan_snapshots WHERE incident_id = ? ORDER BY plan_id')
    .all(incident.id) as SnapshotRow[];
  for (const snapshot of snapshots) {
    if (sha256Hex(snapshot.text) !== snapshot.hash) {
      return at(0, `the snapshot of plan ${snapshot.plan_id} does not match its hash`);
    }
  }
  const genesis = genesisHash({
    id: incident.id,
    title: incident.title,
    planId: incident.plan_id,
    createdAt: incident.created_at,
    plans: snapshots.map((s) => ({ planId: s.plan_id, hash: s.hash })),
  });
  if (genesis !== incident.genesis_hash) {
    return at(0, 'the incident record or its plan snapshots were changed (genesis hash mismatch)');
  }
  look(incident.id, 0, genesis);
  let expected = 1;
  let prevHash = genesis;
  const rows = db.prepare('SELECT * FROM events WHERE incident_id = ? ORDER BY seq').iterate(incident.id);
  for (const row of rows as IterableIterator<EventRow>) {
    const problem = checkEvent(row, expected, prevHash);
    if (problem !== undefined) return at(expected, problem);
    look(incident.id, row.seq, row.hash);
    prevHash = row.hash;
    expected += 1;
  }
  return { head: { incidentId: incident.id, seq: expected - 1, hash: prevHash } };
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

// Events or snapshots whose incident row is gone: the chain cannot even start.
function findOrphan(db: Database.Database, incidentId: string | undefined): Broken | undefined {
  const row = db
    .prepare(
      `SELECT incident_id, min(seq) AS seq FROM (
         SELECT incident_id, seq FROM events UNION ALL SELECT incident_id, 0 FROM plan_snapshots)
       WHERE incident_id NOT IN (SELECT id FROM incidents) AND (@id IS NULL OR incident_id = @id)
       GROUP BY incident_id ORDER BY incident_id LIMIT 1`,
    )
    .get({ id: incidentId ?? null }) as { incident_id: string; seq: number } | undefined;
  if (row === undefined) return undefined;
  return { incidentId: row.incident_id, seq: row.seq, reason: 'the incident record is missing but its events or plans remain' };
}
