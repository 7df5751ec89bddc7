// Whether a path a document names stays inside a folder tree: by the path as written (so `..` and
// absolute paths are refused without touching them) and by its real path (so a link cannot escape).
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

export type Confinement = 'inside' | 'outside' | 'missing';

/** Where `path` (relative to `folder`) leads: inside the folder tree, outside it, or nowhere. */
export function confinement(folder: string, path: string): { absolute: string; where: Confinement } {
  const absolute = resolve(folder, path);
  // Decided before the file is looked at: an outside file is neither read nor confirmed to exist.
  if (!within(folder, absolute)) return { absolute, where: 'outside' };
  try {
    statSync(absolute);
  } catch {
    return { absolute, where: 'missing' };
  }
  try {
    return { absolute, where: within(realpathSync(folder), realpathSync(absolute)) ? 'inside' : 'outside' };
  } catch {
    return { absolute, where: 'missing' };
  }
}

function within(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
