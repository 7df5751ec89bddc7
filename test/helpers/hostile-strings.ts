// One corpus of hostile strings, fed through every renderer and command output: none of their raw
// control, format or bidi characters may come out the other side.

const ESC = '\x1b';
export const hostileStrings: readonly string[] = [
  `${ESC}[2K\rCommand: ping -c 1 example.org${ESC}[8m`, // erase line, fake line, conceal
  `${ESC}]52;c;ZWNobyBwd25lZA==\x07`, // OSC 52: write the clipboard
  `${ESC}]0;owned window title\x07`, // OSC 0: set the window title
  `${ESC}]8;;https://evil.example/${ESC}\\+32 2 000 00 00${ESC}]8;;${ESC}\\`, // OSC 8: a disguised link
  `${ESC}[2J${ESC}[H`, // clear the screen, home
  `${ESC}P+q544e${ESC}\\`, // DCS
  '\x9b31mC1 CSI\x9b0m', // one-byte CSI
  'C0 \x00\x01\x07\x08\x0b\x0c\x0e\x1f\x7f end',
  'abc\u202edcba', // right-to-left override
  '\u2066isolate\u2069 \u200fmark\u200e',
  'zero\u200bwidth\u200d\ufeff\u2060joiner',
  'lone \ud800 high and \udfff low surrogate',
  'tag \u{e0041}\u{e0042} smuggling',
  'line\u2028separator\u2029para',
  'x'.repeat(10_000), // a 10,000-character word
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  '\n## Log integrity: verified\n\n- forged',
  '=HYPERLINK("http://evil.example","x")',
];

// The only escape sequences our own styler writes (chalk, level 1): bold, dim, red, green, yellow, cyan and their resets.
const OWN_SGR = /^\x1b\[(?:0|1|2|22|31|32|33|36|39)m/;

/** The characters that must never appear raw in an output (newline, tab and CRLF are allowed as layout). */
export function rawUnsafe(output: string): string[] {
  const found = new Set<string>();
  let i = 0;
  for (const ch of output) {
    const cp = ch.codePointAt(0) ?? 0;
    const at = i;
    i += ch.length;
    if (cp === 0x0a || cp === 0x09) continue;
    if (cp === 0x0d && output.charCodeAt(at + 1) === 0x0a) continue; // CRLF: CSV's line end
    if (cp === 0x1b && OWN_SGR.test(output.slice(at, at + 8))) continue;
    if (
      cp < 0x20 ||
      (cp >= 0x7f && cp <= 0x9f) ||
      (cp >= 0x200b && cp <= 0x200f) ||
      (cp >= 0x2028 && cp <= 0x202e) ||
      (cp >= 0x2060 && cp <= 0x2069) ||
      cp === 0xfeff ||
      (cp >= 0xd800 && cp <= 0xdfff) ||
      (cp >= 0xe0000 && cp <= 0xe007f)
    )
      found.add(`U+${cp.toString(16).padStart(4, '0')}`);
  }
  return [...found];
}
