// `crisis log list|show|export|verify` read the incident log and never write to it; `setup`, `push`
// and `pull` make a PostgreSQL team log and move an incident between it and the local log.
import { Option, type Command } from 'commander';
import { exportFormats } from '../../core/report/incident/export-formats.js';
import { TLP_ORDER } from '../../core/tlp.js';
import type { CliIO } from '../io.js';
import type { TeamOptions } from './log-team-action.js';
import { examples } from '../help-examples.js';

export interface LogOptions {
  db?: string;
  format?: string;
  output?: string;
  force?: boolean;
  anchor?: string[];
  tlp?: string;
}

/** Add `log` and its subcommands to the program. */
export function registerLog(program: Command, io: CliIO): void {
  const log = program.command('log').description('list incidents, show or export a timeline, verify the log has not been altered; set up a team log, push and pull incidents');
  const run = async (name: 'list' | 'show' | 'export' | 'verify', id: string | undefined, options: LogOptions): Promise<void> => {
    const actions = await import('./log-action.js');
    await actions[`${name}Action`](id, options, io);
  };
  log
    .command('list')
    .description('list the incidents in the log')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--db <path>', 'incident log: a SQLite file, or postgres://USER@HOST/DB for a team log')
    .addHelpText('after', examples([
      ['crisis log list', 'every incident in the log'],
      ['crisis log list --format json', 'for a script'],
    ]))
    .action((options: LogOptions) => run('list', undefined, options));
  log
    .command('show')
    .description("an incident's timeline")
    .argument('<id>', 'incident id')
    .option('--db <path>', 'incident log: a SQLite file, or postgres://USER@HOST/DB for a team log')
    .addHelpText('after', examples([
      ['crisis log show inc-20261129-a3f9', 'the timeline of one incident'],
      ['crisis log show inc-20261129-a3f9 --db team.db', 'from another log'],
    ]))
    .action((id: string, options: LogOptions) => run('show', id, options));
  log
    .command('export')
    .description("export an incident's log")
    .argument('<id>', 'incident id')
    .addOption(new Option('-f, --format <format>', 'export format').choices(exportFormats).default('md'))
    .option('-o, --output <file>', 'write to this file (mode 0600) instead of stdout; an existing file is refused')
    .option('--force', 'overwrite the --output file if it exists (never a symbolic link or the log itself)')
    .addOption(new Option('--tlp <level>', 'share at this TLP 2.0 level: leave out what is marked above it, and mark the export with it').choices(TLP_ORDER))
    .option('--db <path>', 'incident log: a SQLite file, or postgres://USER@HOST/DB for a team log')
    .addHelpText('after', examples([
      ['crisis log export inc-20261129-a3f9 --format md -o report.md', 'a Markdown timeline in a file'],
      ['crisis log export inc-20261129-a3f9 --tlp GREEN', 'only what may go to the community (TLP:GREEN)'],
      ['crisis log export inc-20261129-a3f9 --format csv', 'a CSV timeline on standard output'],
    ]))
    .action((id: string, options: LogOptions) => run('export', id, options));
  const team = async (name: 'setup' | 'push' | 'pull', arg: string, options: TeamOptions): Promise<void> => {
    const actions = await import('./log-team-action.js');
    await actions[`${name}Action`](arg, options, io);
  };
  const repeat = (value: string, previous: string[]) => [...previous, value];
  log
    .command('setup')
    .description('create or upgrade a PostgreSQL team log: schema, append-only triggers, roles (safe to run again; as a database administrator)')
    .argument('<url>', 'postgres://ADMIN@HOST/DB (the password from PGPASSWORD or ~/.pgpass)')
    .option('--print', 'only print the SQL, for a database administrator to run')
    .option('--writer <role>', 'a login role to grant crisis_writer (repeatable)', repeat, [])
    .action((url: string, options: TeamOptions) => team('setup', url, options));
  log
    .command('push')
    .description("add a local incident's events to the team log, if the team's are a prefix of them (or the incident is new there)")
    .argument('<id>', 'incident id')
    .requiredOption('--to <url>', 'the team log, postgres://USER@HOST/DB')
    .option('--db <path>', 'the local incident log database')
    .action((id: string, options: TeamOptions) => team('push', id, options));
  log
    .command('pull')
    .description('copy a team incident to the local log for offline work, or bring the local copy up to date')
    .argument('<id>', 'incident id')
    .requiredOption('--from <url>', 'the team log, postgres://USER@HOST/DB')
    .option('--db <path>', 'the local incident log database')
    .action((id: string, options: TeamOptions) => team('pull', id, options));
  log
    .command('verify')
    .description('check the hash chain of one incident, or of the whole log (exit 1 when broken)')
    .argument('[id]', 'incident id (default: every incident)')
    .option('--anchor <hash>', 'a chain hash kept from an earlier verify (repeatable): exit 1 unless it is still in the chain', (value: string, previous: string[]) => [...previous, value], [])
    .option('--db <path>', 'incident log: a SQLite file, or postgres://USER@HOST/DB for a team log')
    .addHelpText('after', VERIFY_HELP)
    .addHelpText('after', examples([
      ['crisis log verify', 'every incident: exit 1 if an event was altered or removed'],
      ['crisis log verify --anchor sha256:9bf8c761', 'and that a head kept earlier is still there'],
    ]))
    .action((id: string | undefined, options: LogOptions) => run('verify', id, options));
}

// Exactly what verify can and cannot prove; the README's log section says the same.
const VERIFY_HELP = `
Without an anchor, verify finds (exit 1):
  - an event altered, inserted, reordered or moved to another log position;
  - an event removed, or a whole incident removed, when any later event follows it in the log:
    each event hashes its log position and the event before it in the whole log;
  - an incident record or plan snapshot changed (the genesis hash);
  - dropped append-only triggers or otherwise altered tables (the schema is compared with the
    one crisis made);
  and warns when the database can be read by its group or others.

Only an anchor can prove:
  - that nothing was cut from the very end of the log (its last events, or a last incident);
  - that the log was not rewritten consistently, every hash after a change recomputed.
Keep a head line (printed here, when crisis respond pauses or closes, and in the md export)
outside the log. --anchor HASH then exits 1 unless that event and everything before it in its
incident and in the log is unchanged (for events written before log schema 2: in its incident).
Events added after an anchor are not covered by it.
`;
