// What a step command needs from the process besides the runner: Ctrl+C while it runs, and the
// folder it runs in.
import { resolve } from 'node:path';
import type { Interrupts, WorkingFolder } from '../core/ports.js';

/**
 * Who Ctrl+C is for right now: the newest claim (a running step command), else the process's own
 * stop (main). One dispatcher, so a command's Ctrl+C stops the command, not crisis.
 */
const claims: (() => void)[] = [];
let fallback: (() => void) | undefined;

/** Route SIGINT: to the newest claim while there is one, else to `stop`. Installed once, by main. */
export function routeSigint(stop: () => void): void {
  fallback = stop;
  process.on('SIGINT', () => (claims.at(-1) ?? fallback)?.());
}

/**
 * SIGINT from the terminal. While a command runs no prompt holds the terminal in raw mode, so
 * Ctrl+C arrives as SIGINT; the walkthrough stops the command's group instead of crisis (that
 * group is detached, so the terminal's SIGINT never reaches it).
 */
export const sigintInterrupts: Interrupts = {
  listen(handler) {
    claims.push(handler);
    // Without main's router (a test calling the walkthrough directly), listening alone keeps Node from exiting.
    const direct = fallback === undefined ? handler : undefined;
    if (direct) process.on('SIGINT', direct);
    return () => {
      const i = claims.lastIndexOf(handler);
      if (i >= 0) claims.splice(i, 1);
      if (direct) process.off('SIGINT', direct);
    };
  },
};

/** run.cwd against the folder the responder started in; that folder when the plan names none. */
export function workingFolder(startedIn: string): WorkingFolder {
  return (planCwd) => resolve(startedIn, planCwd ?? '.');
}
