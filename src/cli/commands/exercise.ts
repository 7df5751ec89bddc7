// `crisis exercise run FILE`: a scripted tabletop exercise on the real engine (registration only;
// the work is in exercise-run-action.ts, loaded when the command runs).
import { Option, type Command } from 'commander';
import type { CliIO } from '../io.js';

export const exerciseFormats = ['md', 'json', 'junit'] as const;

export interface ExerciseRunOptions {
  format: (typeof exerciseFormats)[number];
  db?: string;
  plan: string[];
}

/** Add `exercise` (with its `run` subcommand) to the program. */
export function registerExercise(program: Command, io: CliIO): void {
  const exercise = program.command('exercise').description('tabletop exercises on the same engine as real incidents');
  exercise
    .command('run')
    .description('run a scripted exercise on simulated time and report on it (exit 1 when a mandatory expectation is missed)')
    .argument('<file>', 'the exercise file (kind: Exercise)')
    .addOption(new Option('-f, --format <format>', 'report format').choices(exerciseFormats).default('md'))
    .option('--db <path>', 'also keep the run in this incident log (default: a temporary log, deleted afterwards)')
    .option('-p, --plan <file>', 'load this plan file too (repeatable); bundled plans are always loaded', collect, [])
    .action(async (file: string, options: ExerciseRunOptions) => {
      const { exerciseRunAction } = await import('./exercise-run-action.js');
      await exerciseRunAction(file, options, io);
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
