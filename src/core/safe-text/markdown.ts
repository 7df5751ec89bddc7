// Text from input made inert in Markdown: no HTML (a <script>, an <img onerror>), no links or
// images, no emphasis, no heading, list or quote that could forge a section of the report.
import { safeLine } from './terminal.js';

// Punctuation that changes how inline text renders (CommonMark and GFM): emphasis, code, links and
// images (which need a '['), tables, strikethrough, HTML and entities. Others stay readable.
const INLINE = /[\\`*_[\]<>&|~]/g;

/** One inline field (a title, a table cell): one line, escaped. */
export function mdText(text: string): string {
  return safeLine(text).replace(INLINE, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/**
 * Several lines of input (a summary, a note) as a quoted block: every line starts with `> `, so
 * no line can open a heading, a list, a table or a fence of its own.
 */
export function mdBlock(text: string): string {
  return String(text)
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => {
      const escaped = mdText(line)
        .replace(/^(\s*)([-+=>#])/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])/, '$1\\$2');
      return escaped ? `> ${escaped}` : '>';
    })
    .join('\n');
}
