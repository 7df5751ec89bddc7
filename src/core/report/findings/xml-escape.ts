// XML 1.0 output from untrusted text: escape markup and drop characters XML 1.0 forbids
// (NUL and other C0 controls, lone surrogates, U+FFFE/U+FFFF), which no parser would accept.
import { escapeCodePoint, isUnsafeCodePoint } from '../../safe-text/index.js';

const ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The text with characters illegal in XML 1.0 removed. */
export function stripIllegalXml(text: string): string {
  return text.replace(ILLEGAL, '');
}

/** Safe as element content; `>` escaped so `]]>` cannot appear, CR kept from line-end folding. */
export function escapeXmlText(text: string): string {
  return visibleXml(stripIllegalXml(text))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Characters XML allows but a terminal or a reader must not get raw (C1, bidi, zero-width) as visible escapes. */
function visibleXml(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    out += cp !== 0x09 && cp !== 0x0a && cp !== 0x0d && isUnsafeCodePoint(cp) ? escapeCodePoint(cp) : ch;
  }
  return out;
}

/** Safe inside a double-quoted attribute; whitespace escaped so attribute normalisation keeps it. */
export function escapeXmlAttr(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}
