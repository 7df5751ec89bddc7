// Reading a log crisis may not write next to. SQLite opens a WAL database, even read-only, by
// creating -wal and -shm files beside it: in a read-only folder that fails ("attempt to write a
// readonly database"), and beside a file that is not ours it leaves files behind. Such a log is
// read from a private copy instead. Without a -wal file the main file holds every commit, and
// where crisis cannot write, no crisis can be appending to it.
import { accessSync, constants, copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { UsageError } from '../../core/errors.js';

/** Whether reading `path` in place would need to create files next to it that we may not create. */
export function needsPrivateCopy(path: string): boolean {
  if (!existsSync(path)) return false;
  // With both side files present SQLite reads them in place, even from a read-only folder.
  if (existsSync(`${path}-wal`) && existsSync(`${path}-shm`)) return false;
  return !writable(dirname(path)) || !writable(path);
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export interface PrivateCopy {
  path: string;
  /** Delete the copy (and anything SQLite made beside it). */
  remove(): void;
}

/** Copy the log (and its -wal, when there is one) into a new folder only this user can read. */
export function privateCopy(path: string): PrivateCopy {
  const folder = mkdtempSync(join(tmpdir(), 'crisis-read-')); // mkdtemp makes it 0700
  const remove = (): void => rmSync(folder, { recursive: true, force: true });
  const copy = join(folder, 'crisis.db');
  try {
    copyFileSync(path, copy);
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
  } catch (error) {
    remove();
    throw new UsageError(`Cannot read the incident log ${path} (${(error as Error).message}); check its permissions.`, { cause: error });
  }
  return { path: copy, remove };
}

/** An error about the copy, told about the log the user named. */
export function aboutOriginal(error: unknown, copy: string, path: string): unknown {
  if (!(error instanceof UsageError) || !error.message.includes(copy)) return error;
  return new UsageError(error.message.split(copy).join(path), { cause: error });
}
