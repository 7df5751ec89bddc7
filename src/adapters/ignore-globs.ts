// Ignore globs, from --ignore (relative to the current folder) and from .crisis.yaml (relative to
// its folder), matched as .gitignore users expect: `drafts` or `drafts/` ignores that folder
// anywhere below the base, `drafts/**` too, `**/*.draft.yaml` those files.
import { isAbsolute, relative, sep } from 'node:path';
import picomatch from 'picomatch';

/** Globs and the folder they are relative to. */
export interface IgnoreGlobs {
  base: string;
  globs: readonly string[];
}

const matcher = (patterns: readonly string[]): ((path: string) => boolean) =>
  patterns.length === 0 ? () => false : picomatch([...patterns], { dot: true });

/** A test for absolute paths: true when any glob ignores the file or a folder above it. */
export function ignoreMatcher(sets: readonly IgnoreGlobs[]): (absolute: string) => boolean {
  const tests = sets
    .filter((s) => s.globs.length > 0)
    .map(({ base, globs }) => {
      const patterns = globs.map((g) => g.replace(/^\.\//, '').replace(/\/+$/, ''));
      const anchored = matcher(patterns.filter((p) => p.includes('/')));
      const anywhere = matcher(patterns.filter((p) => !p.includes('/')));
      return (absolute: string): boolean => {
        const rel = relative(base, absolute);
        if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
        const parts = rel.split(sep);
        // The file itself, then each folder above it ('a/b/c.yaml', 'a/b', 'a').
        for (let n = parts.length; n > 0; n--) {
          const path = parts.slice(0, n).join('/');
          if (anchored(path) || anywhere(parts[n - 1] ?? '')) return true;
        }
        return false;
      };
    });
  return (absolute) => tests.some((test) => test(absolute));
}
