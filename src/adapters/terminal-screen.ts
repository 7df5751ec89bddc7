// The Screen port on a terminal (stdout).
import type { Screen } from '../core/ports.js';

/** Writes to stdout; clears with ANSI codes because the walkthrough only runs on a TTY. */
export function terminalScreen(stream: NodeJS.WriteStream = process.stdout): Screen {
  return {
    write: (text) => void stream.write(text),
    clear: () => void stream.write('\x1b[2J\x1b[H'),
    get columns() {
      return stream.columns ?? 80;
    },
    get rows() {
      return stream.rows ?? 24;
    },
  };
}
