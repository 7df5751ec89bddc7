// `crisis exercise run FILE`: a scripted tabletop exercise on the real engine (registration only;
// the work is in exercise-run-action.ts, loaded when the command runs).
import { Option, type Command } from 'commander';
import { TLP_ORDER } from '../../core/tlp.js';
import type { CliIO } from '../io.js';
import { examples } from '../help-examples.js';

export const exerciseFormats = ['md', 'json', 'junit', 'html'] as const;

export interface ExerciseRunOptions {
  format: (typeof exerciseFormats)[number];
  db?: string;
  plan: string[];
  allowOutside?: boolean;
  output?: string;
  force?: boolean;
  tlp?: string;
}

export interface ExercisePlayOptions {
  format: (typeof exerciseFormats)[number];
  speed?: string;
  incident?: string;
  output?: string;
  force?: boolean;
  db?: string;
  responder?: string;
  plan: string[];
  allowOutside?: boolean;
}

/** Add `exercise` (with its `run` and `play` subcommands) to the program. */
export function registerExercise(program: Command, io: CliIO): void {
  const exercise = program.command('exercise').description('tabletop exercises on the same engine as real incidents');
  exercise
    .command('run')
    .description('run a scripted exercise on simulated time and report on it (exit 1 when a mandatory expectation is missed)')
    .argument('<file>', 'the exercise file (kind: Exercise)')
    .addOption(new Option('-f, --format <format>', 'report format').choices(exerciseFormats).default('md'))
    .option('--db <path>', 'also keep the run in this incident log (default: a temporary log, deleted afterwards)')
    .option('-o, --output <file>', 'write the report to this file (mode 0600) instead of stdout; an existing file is refused')
    .option('--force', 'overwrite the --output file if it exists (never a symbolic link or the log itself)')
    .option('-p, --plan <file>', 'load this plan file too (repeatable); bundled plans are always loaded', collect, [])
    .option('--allow-outside', "read the exercise's planFiles even outside the exercise file's folder tree")
    .addOption(new Option('--tlp <level>', 'share the report at this TLP 2.0 level: leave out what is marked above it, and mark the report with it').choices(TLP_ORDER))
    .addHelpText('after', examples([
      ['crisis exercise run playbooks/exercises/ransomware-hospitals.yaml', 'the after-action report'],
      ['crisis exercise run exercises/drill.yaml --format junit > exercise.xml', 'a JUnit report for CI'],
    ]))
    .action(async (file: string, options: ExerciseRunOptions) => {
      const { exerciseRunAction } = await import('./exercise-run-action.js');
      await exerciseRunAction(file, options, io);
    });
  exercise
    .command('play')
    .description('play an exercise with people in the room: injects on Enter or on a clock, choices through the walkthrough (needs a terminal)')
    .argument('<file>', 'the exercise file (kind: Exercise)')
    .option('--speed <n>', 'release injects on a clock running n times real time (e.g. 60); default: when the facilitator says so')
    .option('-i, --incident <id>', 'resume this paused exercise')
    .addOption(new Option('-f, --format <format>', 'report format').choices(exerciseFormats).default('md'))
    .option('-o, --output <file>', 'write the report to this file (mode 0600) instead of the terminal; an existing file is refused')
    .option('--force', 'overwrite the --output file if it exists (never a symbolic link or the log itself)')
    .option('--db <path>', 'incident log: a SQLite file or postgres://USER@HOST/DB (default: $CRISIS_DB or ~/.local/share/crisis/crisis.db)')
    .option('--responder <name>', 'the players\' name in the log (default: $CRISIS_RESPONDER or the OS user)')
    .option('-p, --plan <file>', 'load this plan file too (repeatable); bundled plans are always loaded', collect, [])
    .option('--allow-outside', "read the exercise's planFiles even outside the exercise file's folder tree")
    .addHelpText('after', examples([
      ['crisis exercise play playbooks/exercises/msp-compromise.yaml', 'facilitated, injects on Enter'],
      ['crisis exercise play exercises/drill.yaml --speed 60', 'one real minute is one exercise hour'],
    ]))
    .action(async (file: string, options: ExercisePlayOptions) => {
      const { exercisePlayAction } = await import('./exercise-play-action.js');
      await exercisePlayAction(file, options, io);
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
