// A tiny strict XML 1.0 reader for tests: throws on anything not well-formed (unbalanced or
// mismatched tags, unquoted or duplicate attributes, raw `<` or stray `&`, `]]>` in text,
// characters XML forbids). Enough to check our JUnit output without a dependency.

/** One element with decoded attributes and decoded text content (child text concatenated). */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const isNameStart = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === ':';
const isNameChar = (c: string): boolean => isNameStart(c) || (c >= '0' && c <= '9') || c === '-' || c === '.';
const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

function checkChars(src: string): void {
  for (const ch of src) {
    const cp = ch.codePointAt(0) ?? 0;
    const ok = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000;
    if (!ok) throw new Error(`illegal character U+${cp.toString(16)}`);
  }
}

/** Parses a whole document and returns its root element. */
export function parseXml(src: string): XmlElement {
  checkChars(src);
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${i}`);
  };
  const skipSpace = (): void => {
    while (isSpace(src[i])) i++;
  };
  const name = (): string => {
    const start = i;
    if (!isNameStart(src[i] ?? '')) fail('name expected');
    while (isNameChar(src[i] ?? '')) i++;
    return src.slice(start, i);
  };
  const decode = (raw: string, inAttr: boolean): string => {
    let out = '';
    for (let k = 0; k < raw.length; k++) {
      const c = raw[k] ?? '';
      if (c === '<') fail('raw < in content');
      if (inAttr && (c === '\t' || c === '\n' || c === '\r')) out += ' '; // attribute normalisation
      else if (c !== '&') out += c;
      else {
        const end = raw.indexOf(';', k);
        if (end < 0) fail('unterminated entity');
        const ref = raw.slice(k + 1, end);
        if (ref.startsWith('#x')) out += String.fromCodePoint(parseInt(ref.slice(2), 16));
        else if (ref.startsWith('#')) out += String.fromCodePoint(parseInt(ref.slice(1), 10));
        else out += ENTITIES[ref] ?? fail(`unknown entity &${ref};`);
        k = end;
      }
    }
    return out;
  };
  const skipPast = (marker: string): void => {
    const end = src.indexOf(marker, i);
    if (end < 0) fail(`unterminated, ${marker} expected`);
    i = end + marker.length;
  };
  const skipMisc = (): void => {
    for (;;) {
      skipSpace();
      if (src.startsWith('<?', i)) skipPast('?>');
      else if (src.startsWith('<!--', i)) skipPast('-->');
      else return;
    }
  };
  const element = (): XmlElement => {
    if (src[i] !== '<') fail('< expected');
    i++;
    const el: XmlElement = { name: name(), attrs: {}, children: [], text: '' };
    for (;;) {
      const spaced = isSpace(src[i]);
      skipSpace();
      if (src.startsWith('/>', i)) return (i += 2), el;
      if (src[i] === '>') break;
      if (!spaced) fail('space expected before attribute');
      const key = name();
      if (key in el.attrs) fail(`duplicate attribute ${key}`);
      skipSpace();
      if (src[i++] !== '=') fail('= expected');
      skipSpace();
      const quote = src[i++];
      if (quote !== '"' && quote !== "'") fail('quoted attribute value expected');
      const end = src.indexOf(quote ?? '"', i);
      if (end < 0) fail('unterminated attribute');
      el.attrs[key] = decode(src.slice(i, end), true);
      i = end + 1;
    }
    i++;
    for (;;) {
      const next = src.indexOf('<', i);
      if (next < 0) fail(`unclosed <${el.name}>`);
      const raw = src.slice(i, next);
      if (raw.includes(']]>')) fail(']]> in text');
      el.text += decode(raw, false);
      i = next;
      if (src.startsWith('</', i)) {
        i += 2;
        if (name() !== el.name) fail(`mismatched </…> for <${el.name}>`);
        skipSpace();
        if (src[i++] !== '>') fail('> expected');
        return el;
      }
      if (src.startsWith('<!--', i)) skipPast('-->');
      else if (src.startsWith('<![CDATA[', i)) {
        const end = src.indexOf(']]>', i);
        if (end < 0) fail('unterminated CDATA');
        el.text += src.slice(i + 9, end);
        i = end + 3;
      } else el.children.push(element());
    }
  };
  skipMisc();
  const root = element();
  skipMisc();
  if (i !== src.length) fail('content after the root element');
  return root;
}
