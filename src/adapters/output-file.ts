// Write a file the user named (-o/--output): only where they meant. Never over an existing file
// without --force, never through a symbolic link, never over the incident log or its -wal/-shm
// files (whatever path leads there), and readable by the owner alone: reports and exports carry
// contacts, notes and evidence.
import { closeSync, constants, fchmodSync, fstatSync, fsyncSync, ftruncateSync, lstatSync, openSync, realpathSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';

export interface OutputFileOptions {
  /** Overwrite an existing regular file (still never a link or the log). */
  force: boolean;
  /** Database files that must never be written (each also with -wal, -shm, -journal). */
  protect: readonly string[];
  /** The folder relative names are resolved against. */
  cwd: string;
}

const MODE = 0o600;
const SQLITE_SIDE_FILES = ['', '-wal', '-shm', '-journal'];

/** Refuse now what writeOutputFile would refuse (so a long run does not fail only at its end); returns the absolute path. */
export function checkOutputFile(name: string, options: OutputFileOptions): string {
  const absolute = resolve(options.cwd, name);
  const target = realTarget(name, absolute);
  const existing = lstatOrUndefined(absolute);
  if (existing?.isSymbolicLink()) throw new UsageError(`${name} is a symbolic link; crisis does not write through links: give the path of a real file`);
  if (isProtected(target, existing, options.protect, options.cwd)) {
    throw new UsageError(`${name} is the incident log or one of its files; crisis never writes over it: give another file name`);
  }
  if (existing?.isDirectory()) throw new UsageError(`${name} is a folder: give the path of a file`);
  if (existing && !existing.isFile()) throw new UsageError(`${name} is not a regular file: give the path of a file`);
  if (existing && !options.force) throw new UsageError(`${name} exists; pass --force to overwrite it`);
  return absolute;
}

/** Write `text` to the file `name`, mode 0600, under the rules of checkOutputFile; returns the absolute path. */
export function writeOutputFile(name: string, text: string, options: OutputFileOptions): string {
  const absolute = checkOutputFile(name, options);
  // The checks above name the problem; the flags make the write itself safe against a file or a
  // link appearing in between: O_EXCL (no --force) or O_NOFOLLOW, and O_NONBLOCK so a FIFO cannot hang us.
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK | (options.force ? 0 : constants.O_EXCL);
  let fd: number;
  try {
    fd = openSync(absolute, flags, MODE);
  } catch (error) {
    throw writeError(name, error);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new UsageError(`${name} is not a regular file: give the path of a file`);
    if (isProtected(realTarget(name, absolute), stat, options.protect, options.cwd)) {
      throw new UsageError(`${name} is the incident log or one of its files; crisis never writes over it: give another file name`);
    }
    // Truncate only now that the file is known to be a plain file that is not the log.
    ftruncateSync(fd, 0);
    fchmodSync(fd, MODE); // an overwritten file keeps its old mode otherwise
    const bytes = Buffer.from(text, 'utf8');
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
  } catch (error) {
    throw error instanceof UsageError ? error : writeError(name, error);
  } finally {
    closeSync(fd);
  }
  return absolute;
}

/** The real folder of the file plus its name: what the path leads to, whether the file exists yet or not. */
function realTarget(name: string, absolute: string): string {
  try {
    return join(realpathSync(dirname(absolute)), basename(absolute));
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UsageError(`the folder of ${name} does not exist: create it or give another path`);
    throw writeError(name, error);
  }
}

/** Whether the target is one of the protected database files, by real path or by being the same file (a hard link). */
function isProtected(target: string, stat: Stats | undefined, protect: readonly string[], cwd: string): boolean {
  // SQLite names its -wal/-shm files after the database's real path when the path is a link.
  const bases = protect.flatMap((db) => {
    const absolute = resolve(cwd, db);
    const real = realOrUndefined(absolute);
    return real === undefined || real === absolute ? [absolute] : [absolute, real];
  });
  for (const base of bases) {
    for (const suffix of SQLITE_SIDE_FILES) {
      const file = base + suffix;
      const real = realOrUndefined(file) ?? realFolderTarget(file);
      if (real === target) return true;
      const other = statOrUndefined(file);
      if (stat && other && stat.dev === other.dev && stat.ino === other.ino) return true;
    }
  }
  return false;
}

function realFolderTarget(file: string): string | undefined {
  const folder = realOrUndefined(dirname(file));
  return folder === undefined ? undefined : join(folder, basename(file));
}

function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return undefined;
    throw new UsageError(`cannot check ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function writeError(name: string, error: unknown): UsageError {
  const code = errnoCode(error);
  const why =
    code === 'EEXIST'
      ? 'it was created meanwhile; pass --force to overwrite it'
      : code === 'ELOOP'
        ? 'it is a symbolic link; give the path of a real file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied; give a path you can write'
          : code === 'EISDIR'
            ? 'it is a folder; give the path of a file'
            : error instanceof Error
              ? error.message
              : String(error);
  return new UsageError(`cannot write ${name}: ${why}`, { cause: error });
}

function errnoCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}
