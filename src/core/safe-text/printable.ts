// Width-1 stand-ins for unsafe characters, where columns must stay aligned: the source excerpt
// under which a caret points at a column, and validate's one-line messages. C0 controls become
// control pictures (␛), every other unsafe character U+FFFD.
import { isUnsafeCodePoint } from './unsafe.js';

const REPLACEMENT = '\uFFFD';

/** The character itself, or a visible stand-in of width 1 when it is not safely printable (tab excluded). */
export function printableChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp === 0x09 || !isUnsafeCodePoint(cp)) return ch;
  if (cp < 0x20) return String.fromCharCode(0x2400 + cp); // control pictures
  if (cp === 0x7f) return '\u2421';
  return REPLACEMENT;
}

/** The text with every unprintable character (tabs too) replaced; for one-line labels. */
export function printable(text: string): string {
  let out = '';
  for (const ch of text) out += ch === '\t' ? ' ' : printableChar(ch);
  return out;
}
