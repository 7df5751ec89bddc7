// The last line of defence, at the streams themselves: whatever a renderer forgot to neutralise,
// no raw control character reaches the terminal. Renderers still escape each input field (a line
// break in a title must not start a fake line); this only keeps what we write ourselves: line
// breaks, tabs, CRLF (CSV) and the few colour sequences of our own styler.
import { escapeCodePoint, isUnsafeCodePoint, MAYBE_UNSAFE } from './unsafe.js';

// Bold, dim, red, green, yellow, cyan and their resets: chalk at level 1 writes nothing else.
const OWN_SGR = /^\x1b\[(?:0|1|2|22|31|32|33|36|39)m/;

/** The text with every unsafe character escaped, except layout and our own colour sequences. */
export function guardOutput(text: string): string {
  if (!MAYBE_UNSAFE.test(text)) return text; // the common case: nothing to do, no copy
  let out = '';
  let i = 0;
  for (const ch of text) {
    const at = i;
    i += ch.length;
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0x0a || cp === 0x09 || !isUnsafeCodePoint(cp)) out += ch;
    else if (cp === 0x0d && text.charCodeAt(at + 1) === 0x0a) out += ch;
    else if (cp === 0x1b && OWN_SGR.test(text.slice(at, at + 5))) out += ch;
    else out += escapeCodePoint(cp);
  }
  return out;
}
