// `crisis log verify` on the team log: the same chain checks as on SQLite (log-chain/chain-check.ts),
// read in batches, and a check that the server's protections are still in place: every trigger
// there and enabled, and no role of the team able to change or delete rows.
import type pg from 'pg';
import type { ChainHead, VerifyResult } from '../../core/ports.js';
import { AnchorSearch, checkGenesis, IncidentChain, LogOrder, type Broken, type EventRow, type IncidentRow, type OrderRow, type SnapshotRow } from '../log-chain/chain-check.js';
import { READER_ROLE, SCHEMA, TRIGGERS, WRITER_ROLE } from './schema.js';

type Query = <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<pg.QueryResult<R>>;

const BATCH = 5000;

/** Check one incident's chain (or all), the log-wide order and the server's protections. */
export async function verifyPostgres(query: Query, incidentId: string | undefined, anchors: readonly string[]): Promise<VerifyResult> {
  const schema = await protectionProblems(query);
  const incidents = (
    await query<IncidentRow>(
      incidentId === undefined
        ? `SELECT id, title, plan_id, created_at, genesis_hash FROM ${SCHEMA}.incidents ORDER BY created_at COLLATE "C", id COLLATE "C"`
        : `SELECT id, title, plan_id, created_at, genesis_hash FROM ${SCHEMA}.incidents WHERE id = $1`,
      incidentId === undefined ? [] : [incidentId],
    )
  ).rows;
  const count = await query<{ n: number }>(
    incidentId === undefined ? `SELECT count(*)::integer AS n FROM ${SCHEMA}.events` : `SELECT count(*)::integer AS n FROM ${SCHEMA}.events WHERE incident_id = $1`,
    incidentId === undefined ? [] : [incidentId],
  );
  const search = new AnchorSearch(anchors);
  const heads: ChainHead[] = [];
  let broken: Broken | undefined;
  for (const incident of incidents) {
    const checked = await verifyIncident(query, incident, search);
    if ('broken' in checked) {
      broken = checked.broken;
      break;
    }
    heads.push(checked.head);
  }
  broken ??= (await findOrphan(query, incidentId)) ?? (await findLogOrderBreak(query));
  const result: VerifyResult = { ok: broken === undefined && schema.length === 0, incidents: incidents.length, events: count.rows[0]?.n ?? 0, heads, anchors: search.results };
  if (broken !== undefined) result.broken = broken;
  if (schema.length > 0) result.schema = schema;
  return result;
}

async function verifyIncident(query: Query, incident: IncidentRow, search: AnchorSearch): Promise<{ broken: Broken } | { head: ChainHead }> {
  const at = (seq: number, reason: string) => ({ broken: { incidentId: incident.id, seq, reason } });
  const snapshots = (await query<SnapshotRow>(`SELECT * FROM ${SCHEMA}.plan_snapshots WHERE incident_id = $1 ORDER BY plan_id COLLATE "C"`, [incident.id])).rows;
  const genesis = checkGenesis(incident, snapshots);
  if ('problem' in genesis) return at(0, genesis.problem);
  search.look(incident.id, 0, genesis.genesis);
  const chain = new IncidentChain(incident.id, genesis.genesis);
  for (let after = 0; ; ) {
    const rows = (
      await query<EventRow>(
        `SELECT incident_id, seq, pos, type, at, actor, payload, prev_hash, hash, scheme, log_prev_hash FROM ${SCHEMA}.events
         WHERE incident_id = $1 AND seq > $2 ORDER BY seq LIMIT ${BATCH}`,
        [incident.id, after],
      )
    ).rows;
    for (const row of rows) {
      const problem = chain.add(row);
      if (problem !== undefined) return at(chain.nextSeq, problem);
      search.look(incident.id, row.seq, row.hash);
    }
    const last = rows.at(-1);
    if (last === undefined || rows.length < BATCH) break;
    after = last.seq;
  }
  return { head: chain.head };
}

async function findLogOrderBreak(query: Query): Promise<Broken | undefined> {
  const order = new LogOrder();
  for (let after = 0; ; ) {
    const rows = (await query<OrderRow>(`SELECT pos, incident_id, seq, hash, scheme, log_prev_hash FROM ${SCHEMA}.events WHERE pos > $1 ORDER BY pos LIMIT ${BATCH}`, [after])).rows;
    for (const row of rows) {
      const broken = order.add(row);
      if (broken !== undefined) return broken;
    }
    const last = rows.at(-1);
    if (last === undefined || rows.length < BATCH) return undefined;
    after = last.pos;
  }
}

async function findOrphan(query: Query, incidentId: string | undefined): Promise<Broken | undefined> {
  const row = (
    await query<{ incident_id: string; seq: number }>(
      `SELECT incident_id, min(seq)::integer AS seq FROM (
         SELECT incident_id, seq FROM ${SCHEMA}.events UNION ALL SELECT incident_id, 0 FROM ${SCHEMA}.plan_snapshots) AS rows
       WHERE incident_id NOT IN (SELECT id FROM ${SCHEMA}.incidents) AND ($1::text IS NULL OR incident_id = $1)
       GROUP BY incident_id ORDER BY incident_id COLLATE "C" LIMIT 1`,
      [incidentId ?? null],
    )
  ).rows[0];
  if (row === undefined) return undefined;
  return { incidentId: row.incident_id, seq: row.seq, reason: 'the incident record is missing but its events or plans remain' };
}

/** One sentence per protection of the server that is gone: a trigger dropped or disabled, a grant that allows change. */
async function protectionProblems(query: Query): Promise<string[]> {
  const found = await query<{ tbl: string; name: string; enabled: string }>(
    `SELECT c.relname AS tbl, t.tgname AS name, t.tgenabled AS enabled FROM pg_trigger t
       JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND NOT t.tgisinternal`,
    [SCHEMA],
  );
  const have = new Map(found.rows.map((r) => [`${r.tbl}.${r.name}`, r.enabled]));
  const problems: string[] = [];
  for (const { table, name } of TRIGGERS) {
    const enabled = have.get(`${table}.${name}`);
    if (enabled === undefined) problems.push(`trigger ${name} on ${table} is missing (the server's protection of ${table} was removed)`);
    else if (enabled === 'D') problems.push(`trigger ${name} on ${table} is disabled (the server's protection of ${table} is off)`);
  }
  for (const name of have.keys()) if (!TRIGGERS.some((t) => `${t.table}.${t.name}` === name)) problems.push(`trigger ${name} was added (crisis never made it)`);
  const grants = await query<{ role: string; tbl: string; privilege: string }>(
    `SELECT r.role, t.tbl, p.privilege FROM unnest($1::text[]) AS r(role)
       CROSS JOIN unnest(ARRAY['incidents', 'plan_snapshots', 'events']) AS t(tbl)
       CROSS JOIN unnest(ARRAY['UPDATE', 'DELETE', 'TRUNCATE']) AS p(privilege)
     WHERE (r.role = 'public' OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r.role))
       AND has_table_privilege(r.role, $2 || '.' || t.tbl, p.privilege)`,
    [[WRITER_ROLE, READER_ROLE, 'public'], SCHEMA],
  );
  for (const g of grants.rows) problems.push(`role ${g.role} may ${g.privilege} ${g.tbl} (crisis grants only SELECT and INSERT)`);
  return problems;
}
