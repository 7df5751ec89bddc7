// `crisis status` and `crisis note`: the scriptable companions of the walkthrough.
import { Option, type Command } from 'commander';
import type { CliIO } from '../io.js';

interface StatusOptions {
  incident?: string;
  format: 'text' | 'json';
  db?: string;
}

interface NoteOptions {
  incident?: string;
  db?: string;
  responder?: string;
}

/** Add `status` and `note` to the program. */
export function registerStatus(program: Command, io: CliIO): void {
  program
    .command('status')
    .description('where an incident stands: clocks first, then step, level, decisions')
    .option('-i, --incident <id>', 'the incident (default: the most recently active open one)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--db <path>', 'incident log database')
    .action(async (options: StatusOptions) => {
      const { statusAction } = await import('./status-action.js');
      await statusAction(options, io);
    });
  program
    .command('note')
    .description('add a note to an incident, for example from a second terminal')
    .argument('<text...>', 'the note')
    .option('-i, --incident <id>', 'the incident (default: the most recently active open one)')
    .option('--db <path>', 'incident log database')
    .option('--responder <name>', 'your name in the log')
    .action(async (text: string[], options: NoteOptions) => {
      const { noteAction } = await import('./status-action.js');
      await noteAction(text.join(' '), options, io);
    });
}

export type { NoteOptions, StatusOptions };
