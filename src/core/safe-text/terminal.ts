// Text from input made safe for a terminal. Every renderer that writes plan, exercise or log text
// to a screen goes through these; nothing else writes input text raw.
import { escapeCodePoint, isUnsafeCodePoint } from './unsafe.js';

/**
 * One line: line breaks and tabs become spaces (a title folded over two lines in YAML still reads
 * as one, and cannot start a fake line), every other unsafe character its visible escape.
 */
export function safeLine(text: string): string {
  let out = '';
  for (const ch of String(text).replace(/[ \t]*\r?\n[ \t]*|\t/g, ' ')) {
    const cp = ch.codePointAt(0) ?? 0;
    out += isUnsafeCodePoint(cp) ? escapeCodePoint(cp) : ch;
  }
  return out;
}

/** Several lines (a note, a description): line breaks stay, tabs become spaces, the rest is escaped. */
export function safeBlock(text: string): string {
  return String(text)
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => safeLine(line.replace(/\t/g, '  ')))
    .join('\n');
}
