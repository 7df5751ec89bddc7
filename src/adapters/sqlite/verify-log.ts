// Recompute the hash chains of the log and report the first place where they break.
import type Database from 'better-sqlite3';
import type { ChainHead, VerifyResult } from '../../core/ports.js';
import { AnchorSearch, checkGenesis, IncidentChain, type Broken } from '../log-chain/chain-check.js';
import { findLogOrderBreak } from './log-order.js';
import type { EventRow, IncidentRow, SnapshotRow } from './rows.js';
import { schemaProblems } from './schema-check.js';

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
  const search = new AnchorSearch(anchors);
  for (const incident of incidents) {
    const checked = verifyIncident(db, incident, search);
    if ('broken' in checked) {
      broken = checked.broken;
      break;
    }
    heads.push(checked.head);
  }
  broken ??= findOrphan(db, incidentId) ?? findLogOrderBreak(db);
  const result: VerifyResult = { ok: broken === undefined, incidents: incidents.length, events: eventCount.n, heads, anchors: search.results };
  if (broken !== undefined) result.broken = broken;
  return result;
}

function verifyIncident(db: Database.Database, incident: IncidentRow, search: AnchorSearch): { broken: Broken } | { head: ChainHead } {
  const at = (seq: number, reason: string) => ({ broken: { incidentId: incident.id, seq, reason } });
  const snapshots = db
    .prepare('SELECT * FROM plan_snapshots WHERE incident_id = ? ORDER BY plan_id')
    .all(incident.id) as SnapshotRow[];
  const genesis = checkGenesis(incident, snapshots);
  if ('problem' in genesis) return at(0, genesis.problem);
  search.look(incident.id, 0, genesis.genesis);
  const chain = new IncidentChain(incident.id, genesis.genesis);
  const rows = db.prepare('SELECT * FROM events WHERE incident_id = ? ORDER BY seq').iterate(incident.id);
  for (const row of rows as IterableIterator<EventRow>) {
    const problem = chain.add(row);
    if (problem !== undefined) return at(chain.nextSeq, problem);
    search.look(incident.id, row.seq, row.hash);
  }
  return { head: chain.head };
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
