// Row shapes of the log tables, as better-sqlite3 returns them.

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
