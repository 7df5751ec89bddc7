// JSON whose strings are the exact input, but whose text never carries a raw control, bidi or
// separator character: each is written as a \u escape, which every JSON parser reads back.
import { isUnsafeCodePoint } from './unsafe.js';

/** JSON.stringify, with unsafe characters inside strings escaped. */
export function safeJson(value: unknown, indent?: number): string {
  const text = JSON.stringify(value, null, indent) ?? 'null';
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    // Outside strings JSON has only newlines and spaces from the indent, which stay.
    if (cp === 0x0a || !isUnsafeCodePoint(cp)) out += ch;
    else if (cp > 0xffff) out += ch.split('').map(unit).join('');
    else out += unit(ch);
  }
  return out;
}

function unit(ch: string): string {
  return `\\u${(ch.charCodeAt(0)).toString(16).padStart(4, '0')}`;
}
