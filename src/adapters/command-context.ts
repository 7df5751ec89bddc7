// What a step command needs from the process besides the runner: Ctrl+C while it runs, and the
// folder it runs in.
import { resolve } from 'node:path';
import type { Interrupts, WorkingFolder } from '../core/ports.js';

/**
 * SIGINT from the terminal. While a command runs no prompt holds the terminal in raw mode, so
 * Ctrl+C arrives as SIGINT; listening keeps Node from exiting, and the walkthrough stops the
 * command's group instead (that group is detached, so the terminal's SIGINT never reaches it).
 */
export const sigintInterrupts: Interrupts = {
  listen(handler) {
    process.on('SIGINT', handler);
    return () => {
      process.off('SIGINT', handler);
    };
  },
};

/** run.cwd against the folder the responder started in; that folder when the plan names none. */
export function workingFolder(startedIn: string): WorkingFolder {
  return (planCwd) => resolve(startedIn, planCwd ?? '.');
}
