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
    actions[`${name}Action`](id, options, io);
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
    .action((id: string | undefined, options: LogOptions) => run('verify', id, options));
}
