// The CommandRunner port on execa: argv form only (never a shell), with a timeout.
import { execa } from 'execa';
import { excerpt } from '../core/engine/index.js';
import type { CommandResult, CommandRunner } from '../core/ports.js';

/** Runs step commands for the walkthrough. */
export const execaRunner: CommandRunner = {
  async run(argv, options): Promise<CommandResult> {
    const [file, ...args] = argv;
    if (file === undefined) return { exitCode: null, timedOut: false, durationMs: 0, output: 'empty command' };
    const started = performance.now();
    const result = await execa(file, args, {
      reject: false,
      all: true,
      shell: false,
      stdin: 'ignore',
      timeout: options.timeoutMs,
      forceKillAfterDelay: 2_000,
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      // Bound memory: a runaway command cannot fill the heap.
      maxBuffer: 1_000_000,
    });
    const durationMs = Math.round(performance.now() - started);
    const failure = result.failed && result.exitCode === undefined && !result.timedOut ? `${result.shortMessage}\n` : '';
    return {
      exitCode: result.exitCode ?? null,
      timedOut: result.timedOut,
      durationMs,
      output: excerpt(failure + (typeof result.all === 'string' ? result.all : '')),
    };
  },
};
