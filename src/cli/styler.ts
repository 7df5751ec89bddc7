// Decide colour once (chalk 5 ignores NO_COLOR) and hand out a Styler.
import { Chalk } from 'chalk';
import { plainStyler, type Styler } from '../core/report/styler.js';

/** Colour level from NO_COLOR, FORCE_COLOR and whether the stream is a terminal. */
export function colourEnabled(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['TERM'] === 'dumb') return false;
  return isTTY;
}

/** A chalk-backed styler, or the plain one when colour is off. */
export function createStyler(enabled: boolean): Styler {
  if (!enabled) return plainStyler;
  const c = new Chalk({ level: 1 });
  return {
    error: (t) => c.red(t),
    warning: (t) => c.yellow(t),
    ok: (t) => c.green(t),
    dim: (t) => c.dim(t),
    bold: (t) => c.bold(t),
    accent: (t) => c.cyan(t),
  };
}
