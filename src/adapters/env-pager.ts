// The Pager port on the responder's $PAGER: a shell command line (`less -R`, say), fed the text on
// its standard input, with the terminal as its output, as git and man do.
import { spawn } from 'node:child_process';
import type { Pager } from '../core/ports.js';
import { guardOutput } from '../core/safe-text/index.js';

/** A pager running `command` through sh; undefined when `command` is blank. */
export function envPager(command: string | undefined): Pager | undefined {
  const line = command?.trim();
  if (!line) return undefined;
  return {
    show: (text) =>
      new Promise((resolve) => {
        const child = spawn('sh', ['-c', line], { stdio: ['pipe', 'inherit', 'inherit'] });
        child.on('error', () => resolve(false));
        child.on('close', (code) => resolve(code !== 127)); // 127: the shell found no such pager
        child.stdin.on('error', () => undefined); // a pager that quits before reading everything
        child.stdin.end(guardOutput(text));
      }),
  };
}

/** `{ pager }` from $PAGER when it is set, for spreading into the walkthrough's deps. */
export function pagerFrom(env: Readonly<Record<string, string | undefined>>): { pager?: Pager } {
  const pager = envPager(env['PAGER']);
  return pager === undefined ? {} : { pager };
}
