// The EventLog contract on PostgreSQL, on a real server (the run's throwaway cluster), connected
// as a responder's role: a member of crisis_writer, nothing more.
import { afterAll } from 'vitest';
import { openPostgresLog } from '../../src/adapters/postgres/postgres-event-log.js';
import { describePg, freshTeamDb, type TeamDb } from '../helpers/pg-test-db.js';
import { eventLogContract } from './event-log-contract.js';
import type { TestEvent } from './sqlite-helpers.js';

describePg('EventLog contract: PostgreSQL', () => {
  const dbs: TeamDb[] = [];
  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });
  // A database per test: the log-wide chain starts afresh, as in a new SQLite file.
  eventLogContract(async () => {
    const db = await freshTeamDb(['ana']);
    dbs.push(db);
    return openPostgresLog<TestEvent>(db.url('ana'));
  });
});
