// Reading incidents with their event counts; "closed" is derived from the events.
import type Database from 'better-sqlite3';
import type { IncidentRecord } from '../../core/ports.js';

interface IncidentSummaryRow {
  id: string;
  title: string;
  plan_id: string;
  created_at: string;
  events: number;
  last_event_at: string | null;
  closed: number;
}

const SUMMARY = `
  SELECT i.id, i.title, i.plan_id, i.created_at,
    -- seq runs 1, 2, 3... without gaps (a trigger sees to it): the last one is the count.
    COALESCE((SELECT max(e.seq) FROM events e WHERE e.incident_id = i.id), 0) AS events,
    (SELECT e.at FROM events e WHERE e.incident_id = i.id ORDER BY e.seq DESC LIMIT 1) AS last_event_at,
    EXISTS (SELECT 1 FROM events e WHERE e.incident_id = i.id
            AND e.type IN (SELECT value FROM json_each(@closing))) AS closed
  FROM incidents i`;

/** Reads incident summaries. */
export interface IncidentQueries {
  one(id: string): IncidentRecord | undefined;
  all(): IncidentRecord[];
}

/** Prepared queries for one incident or all of them, given the event types that close one. */
export function incidentQueries(db: Database.Database, closingTypes: readonly string[]): IncidentQueries {
  const closing = JSON.stringify(closingTypes);
  const one = db.prepare(`${SUMMARY} WHERE i.id = @id`);
  const all = db.prepare(`${SUMMARY} ORDER BY i.created_at, i.id`);
  return {
    one: (id: string): IncidentRecord | undefined => {
      const row = one.get({ id, closing }) as IncidentSummaryRow | undefined;
      return row === undefined ? undefined : toRecord(row);
    },
    all: (): IncidentRecord[] => (all.all({ closing }) as IncidentSummaryRow[]).map(toRecord),
  };
}

function toRecord(row: IncidentSummaryRow): IncidentRecord {
  return {
    id: row.id,
    title: row.title,
    planId: row.plan_id,
    createdAt: row.created_at,
    closed: row.closed === 1,
    events: row.events,
    lastEventAt: row.last_event_at,
  };
}
