// Where the incident log lives: --db, else $CRISIS_DB, else the XDG data folder.
import { isAbsolute, join } from 'node:path';

export interface DbPathInput {
  /** The value of `--db`, when given. */
  flag?: string | undefined;
  env: NodeJS.ProcessEnv;
  /** The user's home folder (os.homedir()). */
  home: string;
}

/** Resolve the log database path from the flag, the environment and the home folder. */
export function resolveDbPath({ flag, env, home }: DbPathInput): string {
  const given = nonEmpty(flag) ?? nonEmpty(env['CRISIS_DB']);
  if (given !== undefined) return expandHome(given, home);
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = nonEmpty(env['XDG_DATA_HOME']);
  const dataHome = xdg !== undefined && isAbsolute(xdg) ? xdg : join(home, '.local', 'share');
  return join(dataHome, 'crisis', 'crisis.db');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

// A quoted `~/x` in an environment variable reaches us unexpanded by the shell.
function expandHome(path: string, home: string): string {
  if (path === '~') return home;
  if (path.startsWith('~/')) return join(home, path.slice(2));
  return path;
}
