// `crisis log list|show|export|verify`: read the incident log; never writes to it.
import { Option, type Command } from 'commander';
import { exportFormats } from '../../core/report/incident/export-formats.js';
import type { CliIO } from '../io.js';

export interface LogOptions {
  db?: string;
  format?: string;
  output?: string;
  force?: boolean;
  anchor?: string[];
}

/** Add `log` and its subcommands to the program. */
export function registerLog(program: Command, io: CliIO): void {
  const log = program.command('log').description('list incidents, show or export a timeline, verify the log has not been altered');
  const run = async (name: 'list' | 'show' | 'export' | 'verify', id: string | undefined, options: LogOptions): Promise<void> => {
    const actions = await import('./log-action.js');
    await actions[`${name}Action`](id, options, io);
  };
  log
    .command('list')
    .description('list the incidents in the log')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--db <path>', 'incident log database')
    .action((options: LogOptions) => run('list', undefined, options));
  log
    .command('show')
    .description("an incident's timeline")
    .argument('<id>', 'incident id')
    .option('--db <path>', 'incident log database')
    .action((id: string, options: LogOptions) => run('show', id, options));
  log
    .command('export')
    .description("export an incident's log")
    .argument('<id>', 'incident id')
    .addOption(new Option('-f, --format <format>', 'export format').choices(exportFormats).default('md'))
    .option('-o, --output <file>', 'write to this file (mode 0600) instead of stdout; an existing file is refused')
    .option('--force', 'overwrite the --output file if it exists (never a symbolic link or the log itself)')
    .option('--db <path>', 'incident log database')
    .action((id: string, options: LogOptions) => run('export', id, options));
  log
    .command('verify')
    .description('check the hash chain of one incident, or of the whole log (exit 1 when broken)')
    .argument('[id]', 'incident id (default: every incident)')
    .option('--anchor <hash>', 'a chain hash kept from an earlier verify (repeatable): exit 1 unless it is still in the chain', (value: string, previous: string[]) => [...previous, value], [])
    .option('--db <path>', 'incident log database')
    .addHelpText('after', VERIFY_HELP)
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
