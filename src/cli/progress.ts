// A spinner on stderr while many files are processed, only on a terminal; nothing otherwise.
import type { CliIO } from './io.js';
import { safeLine } from '../core/safe-text/index.js';

export interface Progress {
  /** Record progress; awaiting it lets the spinner draw (validation itself is synchronous). */
  update(done: number, label: string): Promise<void>;
  stop(): void;
}

const silent: Progress = { update: () => Promise.resolve(), stop: () => undefined };
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const MIN_FILES = 20;

/** Start a spinner when stderr is a terminal and there is enough work to be worth one. */
export async function startProgress(io: CliIO, total: number, verb: string): Promise<Progress> {
  // The same test ora makes (is-interactive): when it would not animate, it would print "- text" lines instead.
  const interactive = io.stderr.isTTY && io.env['CI'] === undefined && io.env['TERM'] !== 'dumb';
  if (!interactive || total < MIN_FILES) return silent;
  const { default: ora } = await import('ora');
  const spinner = ora({ stream: process.stderr, discardStdin: false }).start(`${verb} ${total} files`);
  let last = 0;
  return {
    async update(done, label) {
      // Redrawing on every file costs more than validating it; a few times a second is enough.
      const now = Date.now();
      if (now - last < 80 && done < total) return;
      last = now;
      spinner.text = `${verb} ${done}/${total} ${safeLine(label)}`; // a file name is input too
      spinner.render();
      await breathe();
    },
    stop: () => spinner.stop(),
  };
}
