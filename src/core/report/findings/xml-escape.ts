// XML 1.0 output from untrusted text: escape markup and drop characters XML 1.0 forbids
// (NUL and other C0 controls, lone surrogates, U+FFFE/U+FFFF), which no parser would accept.

const ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The text with characters illegal in XML 1.0 removed. */
export function stripIllegalXml(text: string): string {
  return text.replace(ILLEGAL, '');
}

/** Safe as element content; `>` escaped so `]]>` cannot appear, CR kept from line-end folding. */
export function escapeXmlText(text: string): string {
  return stripIllegalXml(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Safe inside a double-quoted attribute; whitespace escaped so attribute normalisation keeps it. */
export function escapeXmlAttr(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}
