// The EventLog contract on SQLite.
import { join } from 'node:path';
import { describe } from 'vitest';
import { openEventLog } from '../../src/adapters/sqlite/sqlite-event-log.js';
import { eventLogContract } from './event-log-contract.js';
import { tempDir, type TestEvent } from './sqlite-helpers.js';

describe('EventLog contract: SQLite', () => {
  eventLogContract(async () => openEventLog<TestEvent>(join(tempDir(), 'crisis.db')));
});
