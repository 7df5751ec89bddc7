// Text from input inside a Mermaid label ("..."). Mermaid has no backslash escape: it reads
// `#NNN;` as the character NNN, so everything but plain letters, digits and a few harmless
// marks is written that way; no quote, bracket, pipe, arrow (`-->`), backtick (Markdown
// strings) or HTML tag survives as syntax.
import { safeLine } from './terminal.js';

const PLAIN = /[\p{L}\p{N} .,:?!()/_+'-]/u;

/** The text as the inside of a Mermaid "..." label. */
export function mermaidText(text: string): string {
  let out = '';
  for (const ch of safeLine(text)) out += PLAIN.test(ch) ? ch : `#${ch.codePointAt(0) ?? 0};`;
  return out;
}
