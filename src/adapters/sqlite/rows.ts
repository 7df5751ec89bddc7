// Row shapes of the log tables: the same in SQLite and PostgreSQL (log-chain/chain-check.ts).
export type { EventRow, IncidentRow, SnapshotRow } from '../log-chain/chain-check.js';
