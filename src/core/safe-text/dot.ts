// Text from input inside a Graphviz DOT double-quoted string: one line, `"` and `\` escaped, so
// nothing can close the string or become one of dot's escapes (\N, \G, \l, \n).
import { safeLine } from './terminal.js';

/** The text as the inside of a DOT "..." string. */
export function dotText(text: string): string {
  return safeLine(text).replace(/[\\"]/g, (c) => `\\${c}`);
}
