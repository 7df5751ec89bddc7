// Text from a plan file reaches the terminal: control and direction-changing characters could
// hide or rewrite what the reader sees (ANSI escapes, Trojan Source), so each becomes one
// visible placeholder of width 1.

const REPLACEMENT = '\uFFFD';

/** Bidi controls, zero-width characters, line/paragraph separators, BOM. */
function isInvisibleFormat(cp: number): boolean {
  return (
    cp === 0x061c ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x2028 && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2069) ||
    cp === 0xfeff
  );
}

/** The character itself, or a visible stand-in when it is not safely printable (tab excluded). */
export function printableChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x20) return cp === 0x09 ? ch : String.fromCharCode(0x2400 + cp); // control pictures
  if (cp === 0x7f) return '\u2421';
  if (cp >= 0x80 && cp <= 0x9f) return REPLACEMENT;
  if (cp >= 0xd800 && cp <= 0xdfff) return REPLACEMENT; // lone surrogate
  if (isInvisibleFormat(cp)) return REPLACEMENT;
  return ch;
}

/** The text with every unprintable character (tabs too) replaced; for one-line labels. */
export function printable(text: string): string {
  let out = '';
  for (const ch of text) out += ch === '\t' ? ' ' : printableChar(ch);
  return out;
}
