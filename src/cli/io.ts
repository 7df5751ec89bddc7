// What a command needs from the process, injected so program tests can capture it.
import { guardOutput } from '../core/safe-text/index.js';

export interface OutStream {
  write(text: string): void;
  readonly isTTY: boolean;
}

/** The process seen by commands: streams, environment, working folder. */
export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  stdinIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/** The real process. */
export function processIO(): CliIO {
  return {
    // Every byte of ours passes the output guard: a renderer that forgot an escape cannot reach the terminal.
    stdout: { write: (t) => void process.stdout.write(guardOutput(t)), isTTY: process.stdout.isTTY === true },
    stderr: { write: (t) => void process.stderr.write(guardOutput(t)), isTTY: process.stderr.isTTY === true },
    stdinIsTTY: process.stdin.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
  };
}
