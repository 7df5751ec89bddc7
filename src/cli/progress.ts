// A spinner on stderr while many files are processed, only on a terminal of known width;
// nothing otherwise. Either way the work yields to the event loop now and then, so that
// SIGTERM and Ctrl+C are handled while it runs.
import type { CliIO } from './io.js';
import { safeLine } from '../core/safe-text/index.js';

export interface Progress {
  /** Record progress; awaiting it lets the spinner draw and signals be handled (the work itself is synchronous). */
  update(done: number, label: string): Promise<void>;
  stop(): void;
}

const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const MIN_FILES = 20;
const EVERY_MS = 80; // redrawing on every file costs more than validating it; a few times a second is enough
// ora redraws on its own timer too; we draw only from update(), after checking the width.
const NEVER = 2 ** 31 - 1;

/** Start a spinner when stderr is a terminal that reports its width and there is enough work to be worth one. */
export async function startProgress(io: CliIO, total: number, verb: string): Promise<Progress> {
  // The same test ora makes (is-interactive): when it would not animate, it would print "- text" lines instead.
  const interactive = io.stderr.isTTY && io.env['CI'] === undefined && io.env['TERM'] !== 'dumb';
  let last = Date.now();
  const due = (done: number): boolean => {
    const now = Date.now();
    if (now - last < EVERY_MS && done < total) return false;
    last = now;
    return true;
  };
  if (!interactive || total < MIN_FILES || !widthKnown()) {
    return { update: (done) => (due(done) ? breathe() : Promise.resolve()), stop: () => undefined };
  }
  const { default: ora } = await import('ora');
  const spinner = ora({ stream: process.stderr, discardStdin: false, interval: NEVER }).start(`${verb} ${total} files`);
  let spinning = true;
  const stop = (): void => {
    if (spinning) spinner.stop();
    spinning = false;
  };
  return {
    async update(done, label) {
      if (!due(done)) return;
      // ora divides by the width to know how many lines to erase: a width of 0 makes that
      // endless (a terminal can be resized to it mid-run). Then the spinner goes away.
      if (spinning && !widthKnown()) stop();
      if (spinning) {
        spinner.text = `${verb} ${done}/${total} ${safeLine(label)}`; // a file name is input too
        spinner.render();
      }
      await breathe();
    },
    stop,
  };
}

/** Whether stderr reports a usable width (`script`, `docker run -t` and some agents report 0). */
function widthKnown(): boolean {
  const columns = process.stderr.columns;
  return Number.isInteger(columns) && columns > 0;
}
