// Look at a database file before anything writes to it: is it missing, new, or a crisis log
// this code can open? Anything else is refused with a UsageError, and the file is left alone.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { UsageError } from '../../core/errors.js';
import { APPLICATION_ID, APPLICATION_MARKER, LATEST_SCHEMA_VERSION, newerSchemaError } from './migrations.js';

/** What a path holds: nothing yet, an empty SQLite file to initialise, or one of our logs. */
export type DatabaseFileState = 'missing' | 'empty' | { kind: 'log'; version: number };

const MAGIC = 'SQLite format 3\0';
const HEADER_SIZE = 100;

/**
 * Classify the file at `path`, or throw a UsageError naming it when crisis must not touch it.
 * `quickCheck: false` skips SQLite's quick_check, whose cost grows with the file: for reads and a note's append,
 * where a damaged page still fails (SQLITE_CORRUPT, reported as damaged) when it is read or written.
 */
export function inspectDatabaseFile(path: string, options: { quickCheck?: boolean } = {}): DatabaseFileState {
  const header = readHeader(path);
  if (header === 'missing' || header.length === 0) return header === 'missing' ? 'missing' : 'empty';
  if (header.length < HEADER_SIZE || header.toString('latin1', 0, 16) !== MAGIC) {
    throw new UsageError(`${path} is not a crisis incident log (it is not a SQLite database); pass --db with another path.`);
  }
  // Header fields: schema cookie at byte 40, application_id at byte 68 (big-endian).
  const appId = header.readInt32BE(68);
  const schemaCookie = header.readInt32BE(40);
  if (appId !== 0 && appId !== APPLICATION_ID) throw foreignError(path);
  // Without a -wal file the main file is the whole truth, so a foreign database is known
  // without opening it (opening a WAL database read-only would create -wal and -shm files).
  if (appId === 0 && !existsSync(`${path}-wal`)) {
    if (schemaCookie !== 0) throw foreignError(path);
    return 'empty';
  }
  return inspectWithSqlite(path, options.quickCheck ?? true);
}

function readHeader(path: string): Buffer | 'missing' {
  try {
    if (statSync(path).isDirectory()) {
      throw new UsageError(`${path} is a folder, not an incident log; pass --db with a file path.`);
    }
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(HEADER_SIZE);
      const read = readSync(fd, buffer, 0, HEADER_SIZE, 0);
      return buffer.subarray(0, read);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw new UsageError(`Cannot read the incident log ${path} (${(error as Error).message}); check its permissions.`, { cause: error });
  }
}

function inspectWithSqlite(path: string, quickCheck: boolean): DatabaseFileState {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: 10_000 });
    const check = quickCheck ? (db.pragma('quick_check(1)', { simple: true }) as string) : 'ok';
    if (check !== 'ok') throw damagedError(path, check);
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    const tables = (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n;
    if (appId === 0 && tables === 0) return 'empty';
    if (appId !== APPLICATION_ID || !hasMarker(db)) throw foreignError(path);
    if (version > LATEST_SCHEMA_VERSION) throw newerSchemaError(path, version);
    return { kind: 'log', version };
  } catch (error) {
    throw toUsageError(error, path);
  } finally {
    db?.close();
  }
}

function hasMarker(db: Database.Database): boolean {
  const table = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'meta'").get();
  if (table === undefined) return false;
  const row = db.prepare("SELECT value FROM meta WHERE key = 'application'").get() as { value: string } | undefined;
  return row?.value === APPLICATION_MARKER;
}

function foreignError(path: string): UsageError {
  return new UsageError(`${path} is a SQLite database that does not belong to crisis; pass --db with another path.`);
}

function damagedError(path: string, detail: string): UsageError {
  const first = detail.split('\n').find((line) => line.trim() !== '' && !line.startsWith('***')) ?? detail;
  return new UsageError(`The incident log ${path} is damaged (${first.trim()}); restore it from a backup or pass --db with another path.`);
}

/** Turn a SQLite failure on `path` into a one-sentence UsageError; UsageErrors pass through. */
export function toUsageError(error: unknown, path: string): UsageError {
  if (error instanceof UsageError) return error;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_NOTADB') {
    return new UsageError(`${path} is not a crisis incident log (it is not a SQLite database); pass --db with another path.`, { cause: error });
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')) {
    return new UsageError(`The incident log ${path} is damaged (${message}); restore it from a backup or pass --db with another path.`, { cause: error });
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) {
    return new UsageError(`The incident log ${path} is locked by another process; wait for it to finish and try again.`, { cause: error });
  }
  return new UsageError(`Cannot use the incident log ${path} (${message}); check the path and its permissions.`, { cause: error });
}
