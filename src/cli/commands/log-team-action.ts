// `crisis log setup|push|pull`: the team log on PostgreSQL, and moving an incident between it
// and the local log (offline work, fast-forward only).
import { UsageError } from '../../core/errors.js';
import { copyIncident, type SyncOutcome } from '../../core/log-sync.js';
import { plural } from '../../core/report/plural.js';
import { isPostgresUrl, redactUrl } from '../../adapters/postgres/connection-string.js';
import type { CliIO } from '../io.js';
import { logLocation, openLogAt } from '../session.js';

export interface TeamOptions {
  db?: string;
  to?: string;
  from?: string;
  print?: boolean;
  writer?: string[];
}

/** Create or upgrade the team log's schema and roles (idempotent), or only print the SQL. */
export async function setupAction(url: string, options: TeamOptions, io: CliIO): Promise<void> {
  if (!isPostgresUrl(url)) throw new UsageError(`crisis log setup takes a postgres:// connection string, not '${url}'; a SQLite log needs no setup`);
  const { setupScript } = await import('../../adapters/postgres/schema.js');
  const writers = options.writer ?? [];
  if (options.print === true) {
    io.stdout.write(setupScript(writers));
    return;
  }
  const { runSetup } = await import('../../adapters/postgres/setup.js');
  const { from, to } = await runSetup(url, writers);
  const what = from === 0 ? `created the crisis team log (schema ${to})` : from < to ? `upgraded the crisis team log from schema ${from} to ${to}` : `the crisis team log is up to date (schema ${to})`;
  io.stdout.write(`${redactUrl(url)}: ${what}; roles crisis_writer (select, insert) and crisis_reader (select) are in place.\n`);
  for (const w of writers) io.stdout.write(`granted crisis_writer to ${w}\n`);
}

/** Add the local incident's events to the team log (or create it there). */
export async function pushAction(id: string, options: TeamOptions, io: CliIO): Promise<void> {
  await move(id, { from: logLocation(io, options.db), to: need(options.to, '--to') }, 'push', io);
}

/** Copy a team incident to the local log, or bring a local copy up to date. */
export async function pullAction(id: string, options: TeamOptions, io: CliIO): Promise<void> {
  await move(id, { from: need(options.from, '--from'), to: logLocation(io, options.db) }, 'pull', io);
}

function need(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`give the team log with ${flag} postgres://USER@HOST/DB`);
  return value;
}

async function move(id: string, where: { from: string; to: string }, verb: 'push' | 'pull', io: CliIO): Promise<void> {
  const from = await openLogAt(where.from, { readonly: true });
  try {
    const to = await openLogAt(where.to);
    try {
      if (from.path === to.path) throw new UsageError(`${verb} needs two different logs; both are ${from.path}`);
      const outcome = await copyIncident(from, to, id, { from: from.path, to: to.path });
      io.stdout.write(`${sentence(outcome, id, to.path, verb, from.path)}\n`);
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}

function sentence(outcome: SyncOutcome, id: string, to: string, verb: 'push' | 'pull', from: string): string {
  switch (outcome.kind) {
    case 'created':
      return `Copied incident ${id} with ${plural(outcome.events, 'event')} to ${to}.`;
    case 'appended':
      return `Added ${plural(outcome.events, 'event')} to incident ${id} in ${to} (after event #${outcome.after}).`;
    case 'up-to-date':
      return `Incident ${id} is already the same in ${to} (${plural(outcome.events, 'event')}); nothing to ${verb}.`;
    case 'target-ahead':
      return `Nothing to ${verb}: ${to} already holds incident ${id} with ${plural(outcome.ahead, 'more event')} than ${from}; ${verb === 'push' ? 'pull' : 'push'} them instead.`;
  }
}
