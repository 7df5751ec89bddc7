// The Screen port on a terminal (stdout).
import type { Screen } from '../core/ports.js';
import { guardOutput } from '../core/safe-text/index.js';

/** Writes to stdout; clears with ANSI codes because the walkthrough only runs on a TTY. */
export function terminalScreen(stream: NodeJS.WriteStream = process.stdout): Screen {
  return {
    write: (text) => void stream.write(guardOutput(text)), // the screen's own clear() is the only raw escape
    clear: () => void stream.write('\x1b[2J\x1b[H'),
    get columns() {
      return stream.columns ?? 80;
    },
    get rows() {
      return stream.rows ?? 24;
    },
  };
}
