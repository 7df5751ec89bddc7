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
  /** Standard input, read until its end or past maxBytes (`-` as a file); absent where there is none. */
  readStdin?: (maxBytes: number) => Promise<Uint8Array>;
}

/** The real process; `stdout` is where standard output goes before the output guard (main's EPIPE-aware writer). */
export function processIO(stdout: OutStream = { write: (t) => void process.stdout.write(t), isTTY: process.stdout.isTTY === true }): CliIO {
  return {
    stdout: guarded(stdout),
    stderr: guarded({ write: (t) => void process.stderr.write(t), isTTY: process.stderr.isTTY === true }),
    stdinIsTTY: process.stdin.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    readStdin: async (maxBytes) => (await import('../adapters/stdin.js')).readStream(process.stdin, maxBytes),
  };
}

/** Every byte of ours passes the output guard: a renderer that forgot an escape cannot reach the terminal. */
function guarded(stream: OutStream): OutStream {
  return { write: (text) => stream.write(guardOutput(text)), isTTY: stream.isTTY };
}
