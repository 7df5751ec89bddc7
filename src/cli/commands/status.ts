// `crisis status` and `crisis note`: the scriptable companions of the walkthrough.
import { Option, type Command } from 'commander';
import type { CliIO } from '../io.js';
import { examples } from '../help-examples.js';
import { TLP_ORDER } from '../../core/tlp.js';

interface StatusOptions {
  incident?: string;
  format: 'text' | 'json';
  db?: string;
  watch?: boolean;
}

interface NoteOptions {
  incident?: string;
  tlp?: string;
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
    .option('-w, --watch', 'keep showing it: again on every new event (from any terminal) and every 30 s; Ctrl+C ends (json: one object per line)')
    .option('--db <path>', 'incident log: a SQLite file, or postgres://USER@HOST/DB for a team log')
    .addHelpText('after', examples([
      ['crisis status', 'the most recently active open incident'],
      ['crisis status --incident inc-20261129-a3f9 --format json', 'one incident, for a script'],
    ]))
    .action(async (options: StatusOptions) => {
      const { statusAction } = await import('./status-action.js');
      await statusAction(options, io);
    });
  program
    .command('note')
    .description('add a note to an incident, for example from a second terminal')
    .argument('<text...>', 'the note')
    .option('-i, --incident <id>', 'the incident (default: the most recently active open one)')
    .addOption(new Option('--tlp <level>', "mark the note stricter than the plan's TLP (TLP 2.0); exports shared at a lower level leave it out").choices(TLP_ORDER))
    .option('--db <path>', 'incident log: a SQLite file, or postgres://USER@HOST/DB for a team log')
    .option('--responder <name>', 'your name in the log')
    .addHelpText('after', examples([
      ["crisis note 'Backups verified offline'", 'to the most recently active open incident'],
      ["crisis note --tlp RED 'Suspect: insider at the operator'", 'for named recipients only'],
      ["crisis note -i inc-20261129-a3f9 'Call with the ministry at 09:00'", 'to one incident'],
    ]))
    .action(async (text: string[], options: NoteOptions) => {
      const { noteAction } = await import('./status-action.js');
      await noteAction(text.join(' '), options, io);
    });
}

export type { NoteOptions, StatusOptions };
