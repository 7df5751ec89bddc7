// Open the log database: inspect read-only first, then open for real, set the pragmas the
// durability promise rests on, and migrate.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { UsageError } from '../../core/errors.js';
import { inspectDatabaseFile, toUsageError } from './inspect-database.js';
import { LATEST_SCHEMA_VERSION, migrate } from './migrations.js';

export interface OpenOptions {
  /** Open without writing anything: for status, log show and verify. Default false. */
  readonly?: boolean;
  /** Create the database (and its folders) when missing. Default: true unless readonly. */
  create?: boolean;
}

/** How long a writer waits for another process's transaction before giving up. */
export const BUSY_TIMEOUT_MS = 10_000;

/** Open (and create or migrate when allowed) the crisis log at `path`; throws UsageError when unusable. */
export function openDatabase(path: string, options: OpenOptions = {}): Database.Database {
  const readonly = options.readonly ?? false;
  const create = options.create ?? !readonly;
  const state = inspectDatabaseFile(path);
  if (state === 'missing' || state === 'empty') {
    if (readonly || !create) {
      throw new UsageError(`There is no incident log at ${path} yet; start an incident with \`crisis respond\` or pass --db.`);
    }
    if (state === 'missing') makeParentFolder(path);
  } else if (readonly && state.version < LATEST_SCHEMA_VERSION) {
    throw new UsageError(`The incident log ${path} uses an older schema; run a command that writes to it (such as \`crisis respond\`) once to upgrade it.`);
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly, fileMustExist: state !== 'missing', timeout: BUSY_TIMEOUT_MS });
    if (!readonly) db.pragma('journal_mode = WAL');
    // Later connections to a WAL database default to NORMAL in this build: set FULL every time,
    // so each commit is on disk before append() returns.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    if (!readonly) migrate(db, path);
    return db;
  } catch (error) {
    db?.close();
    throw toUsageError(error, path);
  }
}

function makeParentFolder(path: string): void {
  try {
    makeFolders(dirname(path));
  } catch (error) {
    throw new UsageError(`Cannot create the folder for the incident log ${path} (${(error as Error).message}); pass --db with a writable path.`, { cause: error });
  }
}

// One level at a time: Node's recursive mkdir spins forever on some paths (e.g. under /proc).
function makeFolders(folder: string): void {
  const missing: string[] = [];
  for (let f = folder; !existsSync(f); f = dirname(f)) {
    if (dirname(f) === f) break;
    missing.unshift(f);
  }
  for (const f of missing) mkdirSync(f);
}
