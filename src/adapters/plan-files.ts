// Turn the paths a user gave into plan files, and read them with a size limit.
import { readFileSync, statSync, readdirSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../core/errors.js';

export interface InputFile {
  display: string; // as findings name it: relative to cwd when inside it
  absolute: string;
  bytes?: Uint8Array; // the content, when it was read already (standard input)
}

const PLAN_FILE = /\.ya?ml$/i;

/** How folders and globs are searched; files named one by one are always read. */
export interface SearchOptions {
  /** Leave out files this says are ignored (--ignore, .crisis.yaml). */
  ignored?: (absolute: string) => boolean;
  /** Keep only files that declare a crisis apiVersion (folders and globs hold other YAML too). */
  crisisOnly?: (absolute: string) => boolean;
  /** What `-` stands for: standard input, read already. */
  stdin?: () => InputFile;
}

/** Folders never searched: version control, dependencies, and every dot-folder (.github, .venv ...). */
const skippedFolder = (name: string): boolean => name === 'node_modules' || name.startsWith('.');

/** Expand files, folders (recursive *.yaml / *.yml) and globs into a sorted, de-duplicated list. */
export async function expandInputs(inputs: readonly string[], cwd: string, options: SearchOptions = {}): Promise<InputFile[]> {
  const found = new Map<string, InputFile>();
  const add = (absolute: string): void => {
    if (!found.has(absolute)) found.set(absolute, { absolute, display: displayPath(absolute, cwd) });
  };
  const addSearched = (absolute: string): void => {
    if (options.ignored?.(absolute) === true) return;
    if (options.crisisOnly && !options.crisisOnly(absolute)) return;
    add(absolute);
  };
  for (const input of inputs) {
    if (input === '-' && options.stdin) {
      const file = options.stdin();
      if (!found.has(file.absolute)) found.set(file.absolute, file);
      continue;
    }
    const absolute = resolve(cwd, input);
    const kind = pathKind(absolute);
    if (kind === 'file') add(absolute);
    else if (kind === 'folder') walkFolder(absolute).forEach(addSearched);
    else if (isDynamicPattern(input)) {
      const matches = await glob(input, { cwd, absolute: true, onlyFiles: true, dot: false, ignore: ['**/node_modules/**'] });
      if (matches.length === 0) throw new UsageError(`no file matches '${input}': check the pattern (quote it so the shell leaves it alone)`);
      matches.sort().forEach((m) => addSearched(resolve(m)));
    } else {
      throw new UsageError(`${input} does not exist: give a plan file, a folder of plans or a glob`);
    }
  }
  return [...found.values()];
}

function pathKind(absolute: string): 'file' | 'folder' | 'missing' {
  try {
    const stat = statSync(absolute);
    return stat.isDirectory() ? 'folder' : 'file';
  } catch (error) {
    if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR')) return 'missing';
    throw new UsageError(`cannot read ${absolute}: ${errnoText(error)}`, { cause: error });
  }
}

function walkFolder(folder: string): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    throw new UsageError(`cannot read folder ${folder}: ${errnoText(error)}`, { cause: error });
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!skippedFolder(entry.name)) out.push(...walkFolder(full));
    } else if (entry.isFile() && PLAN_FILE.test(entry.name)) out.push(full);
  }
  return out;
}

export type ReadResult = { bytes: Uint8Array } | { tooLarge: number };

/** Read a file unless it is larger than maxBytes (then it is not read at all: bounded memory). */
export function readLimited(file: InputFile, maxBytes: number): ReadResult {
  if (file.bytes) return file.bytes.length > maxBytes ? { tooLarge: file.bytes.length } : { bytes: file.bytes };
  try {
    const stat = statSync(file.absolute);
    if (stat.isDirectory()) throw new UsageError(`${file.display} is a folder, not a file: give a plan file`);
    // A device or a pipe could be read forever (/dev/zero, a FIFO): only regular files are plans.
    if (!stat.isFile()) throw new UsageError(`${file.display} is not a regular file: give a plan file`);
    if (stat.size > maxBytes) return { tooLarge: stat.size };
    return { bytes: readFileSync(file.absolute) };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${file.display}: ${errnoText(error)}`, { cause: error });
  }
}

/** A single file the user named (relative to `base`), e.g. for --plan; `what` says what was expected. */
export function namedFile(path: string, base: string, cwd: string, what: string): InputFile {
  const absolute = resolve(base, path);
  const kind = pathKind(absolute);
  if (kind === 'missing') throw new UsageError(`${path} does not exist: give the path of ${what}`);
  if (kind === 'folder') throw new UsageError(`${path} is a folder: give the path of ${what}`);
  return { absolute, display: displayPath(absolute, cwd) };
}

/** How findings and messages name a file: relative to cwd when inside it, else absolute. */
export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? absolute : rel.split(sep).join('/');
}

function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

function errnoText(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many symbolic links';
  return error instanceof Error ? error.message : String(error);
}
