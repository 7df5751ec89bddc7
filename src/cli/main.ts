// The one place that ends the process: run the program, map what it threw to an exit code.
import { safeLine } from '../core/safe-text/index.js';
import { CommanderError } from 'commander';
import { CrisisError, ExitCode } from '../core/errors.js';
import { processIO, type CliIO } from './io.js';
import { guardStdout, ignoreStderrErrors, onStopSignal, signalExitCodes } from './process-guards.js';
import { createProgram } from './program.js';

/** Run the CLI with argv (without node and script) and return the exit code. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    return exitCodeFor(error, io);
  }
}

/** Translate a thrown value into an exit code, printing one line for the user. */
export function exitCodeFor(error: unknown, io: CliIO): number {
  const debug = io.env['CRISIS_DEBUG'] === '1';
  if (error instanceof CommanderError) {
    // Commander already printed its message; help and version are successes.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
      return ExitCode.ok;
    }
    return ExitCode.usage;
  }
  if (error instanceof CrisisError) {
    if (error.message) io.stderr.write(`crisis: ${safeLine(error.message)}\n`);
    if (debug && error.cause instanceof Error) io.stderr.write(`${error.cause.stack ?? error.cause.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`crisis: internal error: ${safeLine(message)}. Run again with CRISIS_DEBUG=1 for details and report it.\n`);
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return ExitCode.usage; // the contract has no other code for 'could not do it'
}

/** Entry point used by bin/crisis.js. */
export async function main(argv: readonly string[]): Promise<void> {
  onStopSignal((signal) => {
    // Everything confirmed is already committed to the log; nothing to save, only to stop.
    process.exitCode = signalExitCodes[signal];
    process.exit();
  });
  ignoreStderrErrors(process.stderr);
  const guard = guardStdout(process.stdout);
  const io = processIO(guard.stdout);
  const code = await run(argv, io);
  const failure = guard.failure();
  if (failure) io.stderr.write(`crisis: the output could not be written (${failure.message}); check where stdout goes and run again\n`);
  process.exitCode = failure && code === ExitCode.ok ? ExitCode.usage : code;
}
