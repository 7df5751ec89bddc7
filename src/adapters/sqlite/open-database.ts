// Open the log database: inspect read-only first, then open for real, set the pragmas the
// durability promise rests on, and migrate.
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { UsageError } from '../../core/errors.js';
import { inspectDatabaseFile, toUsageError } from './inspect-database.js';
import { migrate } from './migrations.js';

export interface OpenOptions {
  /** Open without writing anything: for status, log show and verify. Default false. */
  readonly?: boolean;
  /** Create the database (and its folders) when missing. Default: true unless readonly. */
  create?: boolean;
  /**
   * Run SQLite's quick_check before use (default true). Reads that do not vouch for the log (status,
   * log show and export) and a note's append skip it: its cost grows with the log, and a damaged
   * page still fails when it is read or written.
   */
  quickCheck?: boolean;
}

/** How long a writer waits for another process's transaction before giving up. */
export const BUSY_TIMEOUT_MS = 10_000;

/** Open (and create or migrate when allowed) the crisis log at `path`; throws UsageError when unusable. */
export function openDatabase(path: string, options: OpenOptions = {}): Database.Database {
  const readonly = options.readonly ?? false;
  const create = options.create ?? !readonly;
  const state = inspectDatabaseFile(path, { quickCheck: options.quickCheck !== false });
  if (state === 'missing' || state === 'empty') {
    if (readonly || !create) {
      throw new UsageError(`There is no incident log at ${path} yet; start an incident with \`crisis respond\` or pass --db.`);
    }
    if (state === 'missing') {
      makeParentFolder(path);
      createPrivateFile(path);
    }
  }
  // A read of an older schema is served as it is (verify knows every hash scheme): an archived
  // log must be readable without upgrading it, which would need write access.
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
  // 0700, as SSH and GnuPG keep theirs: the log holds contacts, notes and evidence.
  for (const f of missing) mkdirSync(f, { mode: 0o700 });
}

// SQLite would create the file 0644 (less the umask); its -wal and -shm files take the mode of
// the database file, so creating it 0600 first keeps all three private.
function createPrivateFile(path: string): void {
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return; // another process was first; migrate() rechecks it
    throw new UsageError(`Cannot create the incident log ${path} (${(error as Error).message}); pass --db with a writable path.`, { cause: error });
  }
}
