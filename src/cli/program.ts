// The commander program: global behaviour and one register call per command.
// Commands import their heavy modules lazily so that --help and --version stay fast.
import { Command } from 'commander';
import type { CliIO } from './io.js';
import { packageVersion } from '../adapters/package-root.js';
import { colourEnabled } from './styler.js';
import { registerExercise } from './commands/exercise.js';
import { registerGraph } from './commands/graph.js';
import { registerInit } from './commands/init.js';
import { registerInterop } from './commands/interop.js';
import { registerLog } from './commands/log.js';
import { registerRespond } from './commands/respond.js';
import { registerSchema } from './commands/schema.js';
import { registerStatus } from './commands/status.js';
import { registerValidate } from './commands/validate.js';

/** Build the program for one run; io is where it reads and writes. */
export function createProgram(io: CliIO): Command {
  const program = new Command('crisis');
  program
    .description('Cyber crisis-response plans as code: validate plans, respond to incidents, run exercises.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      getOutHasColors: () => colourEnabled(io.env, io.stdout.isTTY),
      getErrHasColors: () => colourEnabled(io.env, io.stderr.isTTY),
      outputError: (text, write) => write(text.startsWith('error:') ? `crisis: ${text}` : text),
    });
  registerValidate(program, io);
  registerRespond(program, io);
  registerStatus(program, io);
  registerLog(program, io);
  registerExercise(program, io);
  registerGraph(program, io);
  registerInit(program, io);
  registerSchema(program, io);
  registerInterop(program, io);
  return program;
}
