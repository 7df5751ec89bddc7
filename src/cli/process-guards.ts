// What the process itself can do to a run: a signal to stop (SIGTERM, Ctrl+C outside a prompt),
// and a reader that goes away (`crisis log verify | head -1` closes our stdout: EPIPE).
import type { OutStream } from './io.js';
import { routeSigint } from '../adapters/command-context.js';

/** 128 + the signal number, as a shell reports a process ended by it. */
export const signalExitCodes = { SIGINT: 130, SIGTERM: 143 } as const;
export type StopSignal = keyof typeof signalExitCodes;

export interface StdoutGuard {
  /** Writes to stdout that stop quietly once the reader has gone. */
  stdout: OutStream;
  /** A write error other than the reader leaving (a full disk, say), to report once the command ends. */
  failure(): Error | undefined;
}

const READER_GONE = new Set(['EPIPE', 'ERR_STREAM_DESTROYED']);

/**
 * Watch stdout for write errors, which Node reports later as an 'error' event that would
 * otherwise crash the process with a stack trace. After one, further output is dropped: the
 * command finishes and its exit code still says what it found.
 */
export function guardStdout(stream: NodeJS.WriteStream): StdoutGuard {
  let closed = false;
  let failure: Error | undefined;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    closed = true;
    if (!READER_GONE.has(error.code ?? '')) failure ??= error;
  });
  return {
    stdout: {
      write: (text) => {
        if (!closed) stream.write(text);
      },
      isTTY: stream.isTTY === true,
    },
    failure: () => failure,
  };
}

/** Nothing useful can be done about a stderr that cannot be written: do not crash on it. */
export function ignoreStderrErrors(stream: NodeJS.WriteStream): void {
  stream.on('error', () => undefined);
}

/**
 * Call `stop` on SIGTERM or SIGINT. Libraries (ora, inquirer) restore the terminal on exit;
 * a signal arriving while one of them waits for input or draws must still end the process.
 */
export function onStopSignal(stop: (signal: StopSignal) => void): void {
  process.once('SIGTERM', () => stop('SIGTERM'));
  // Ctrl+C while a step command runs is the command's (it stops the command's group, not crisis).
  routeSigint(() => stop('SIGINT'));
}
