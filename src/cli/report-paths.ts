// Files as a code host names them: relative to the base folder (the repository root), with
// forward slashes; a file outside it keeps its absolute path.
import { isAbsolute, relative, sep } from 'node:path';
import type { InputFile } from '../adapters/plan-files.js';

/** Display name -> path relative to `base`, for every file of the run read from disk. */
export function reportPaths(files: readonly InputFile[], base: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of files) {
    if (file.bytes !== undefined) continue; // standard input has no path
    const rel = relative(base, file.absolute);
    out.set(file.display, rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file.absolute : rel.split(sep).join('/'));
  }
  return out;
}
