// The repository a run belongs to: the nearest folder at or above `start` that holds `.git` (a
// folder, or a file in a worktree or submodule). Found by looking, not by running git: no
// process to start, and it works where git is not installed.
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root above `start` (an absolute folder), or undefined outside any repository. */
export function findRepositoryRoot(start: string): string | undefined {
  for (let folder = start; ; folder = dirname(folder)) {
    try {
      statSync(join(folder, '.git'));
      return folder;
    } catch {
      // not here: look one folder up
    }
    if (dirname(folder) === folder) return undefined;
  }
}
