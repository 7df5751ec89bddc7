// What the incident commands share: the log, the responder's name, local time display.
import { homedir, userInfo } from 'node:os';
import { resolve } from 'node:path';
import { quoteArg } from '../core/safe-text/index.js';
import type { IncidentEvent } from '../core/engine/index.js';
import type { EventLog } from '../core/ports.js';
import { openEventLog } from '../adapters/sqlite/sqlite-event-log.js';
import { resolveDbPath } from '../adapters/sqlite/db-path.js';
import { isPostgresUrl, redactUrl } from '../adapters/postgres/connection-string.js';
import type { CliIO } from './io.js';

/** An open incident log and how to name it (a file path, or a connection string without its password). */
export type OpenLog = EventLog<IncidentEvent> & { path: string };

/** Where --db, $CRISIS_DB or the default names the log: a SQLite path, or a postgres:// URL kept whole (with any password). */
export function logLocation(io: CliIO, flag: string | undefined): string {
  const given = flag?.trim() || io.env['CRISIS_DB']?.trim();
  if (given && isPostgresUrl(given)) return given;
  return resolveDbPath({ ...(flag === undefined ? {} : { flag }), env: io.env, home: homedir() });
}

/** Open the incident log named by --db, $CRISIS_DB or the default path: a SQLite file, or a PostgreSQL team log. */
export async function openLog(io: CliIO, flag: string | undefined, mode: LogMode = {}): Promise<OpenLog> {
  return openLogAt(logLocation(io, flag), mode);
}

/** How a command opens the log; quickCheck: false only where the whole-file check would cost more than the command (reads that do not vouch for integrity, and note), never verify. */
export interface LogMode {
  readonly?: boolean;
  create?: boolean;
  quickCheck?: boolean;
}

/** Open the log at a location as logLocation gives it. */
export async function openLogAt(location: string, mode: LogMode = {}): Promise<OpenLog> {
  if (isPostgresUrl(location)) {
    // Loaded only for a team log: SQLite users never pay for the driver at startup.
    const { openPostgresLog } = await import('../adapters/postgres/postgres-event-log.js');
    return openPostgresLog<IncidentEvent>(location, mode.readonly === undefined ? {} : { readonly: mode.readonly });
  }
  return openEventLog<IncidentEvent>(location, mode);
}

/**
 * A crisis command line to give back to the responder (resume, export): with `--db PATH` when
 * the log is not the default one, so that the line works as it is, from any shell.
 */
export function commandFor(io: CliIO, logPath: string, args: string): string {
  if (isPostgresUrl(logPath)) {
    // A team log: named without its password, and not at all when $CRISIS_DB already names it.
    const env = io.env['CRISIS_DB']?.trim();
    const fromEnv = env !== undefined && isPostgresUrl(env) && redactUrl(env) === logPath;
    return `crisis ${args}${fromEnv ? '' : ` --db ${quoteArg(logPath)}`}`;
  }
  const standard = resolveDbPath({ env: { ...io.env, CRISIS_DB: undefined }, home: homedir() });
  const path = resolve(io.cwd, logPath);
  return `crisis ${args}${path === standard ? '' : ` --db ${quoteArg(path)}`}`;
}

/** --responder, else $CRISIS_RESPONDER, else the OS user name. */
export function responderName(io: CliIO, flag: string | undefined): string {
  const named = flag?.trim() || io.env['CRISIS_RESPONDER']?.trim();
  if (named) return named;
  try {
    return userInfo().username || 'unknown';
  } catch {
    return io.env['USER'] ?? 'unknown';
  }
}

/** An RFC 3339 time shown in local time with its offset, e.g. 2026-11-29 08:15:03 +01:00. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const tz = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${tz}`;
}
