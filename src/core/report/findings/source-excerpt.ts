// The source line under a finding, made safe and measurable for the terminal: tabs expanded to
// tab stops, unprintable characters replaced, long lines clipped to a window around the column.
// Columns are 1-based offsets in UTF-16 code units (what the YAML parser's line counter gives).

import { charWidth } from './char-width.js';
import { printableChar } from '../../safe-text/printable.js';

export const TAB_WIDTH = 4;
export const MAX_EXCERPT_WIDTH = 120;
const ELLIPSIS = '…';

/** A display-ready line and the 0-based display column the caret goes under. */
export interface Excerpt {
  text: string;
  caret: number;
}

interface Cell {
  text: string;
  col: number; // display column where the cell starts
  width: number;
  start: number; // code-unit index in the source line
}

/** The source split into lines as the YAML line counter numbers them (a CR before LF dropped). */
export function splitLines(source: string): string[] {
  return source.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

function toCells(line: string): { cells: Cell[]; width: number } {
  const cells: Cell[] = [];
  let col = 0;
  let start = 0;
  for (const ch of line) {
    const tab = ch === '\t';
    const text = tab ? ' '.repeat(TAB_WIDTH - (col % TAB_WIDTH)) : printableChar(ch);
    const width = tab ? text.length : charWidth(text);
    cells.push({ text, col, width, start });
    col += width;
    start += ch.length;
  }
  return { cells, width: col };
}

function caretColumn(cells: readonly Cell[], width: number, length: number, index: number): number {
  if (index >= length) return width + (index - length); // past the end: keep counting columns
  let found = 0;
  for (const cell of cells) {
    if (cell.start > index) break;
    found = cell.col;
  }
  return found;
}

/** The line rendered for display with the caret for 1-based `column`, clipped to `maxWidth`. */
export function excerptLine(line: string, column: number, maxWidth = MAX_EXCERPT_WIDTH): Excerpt {
  const { cells, width } = toCells(line);
  const caret = caretColumn(cells, width, line.length, Math.max(0, column - 1));
  const render = (from: Cell[]): string => from.map((c) => c.text).join('');
  if (width <= maxWidth && caret < maxWidth) return { text: render(cells), caret };

  // Window of maxWidth columns centred on the caret, shifted left at the end of the line.
  const span = Math.max(width, caret + 1);
  const end = Math.min(span, Math.max(caret - Math.floor(maxWidth / 2), 0) + maxWidth);
  const start = Math.max(0, end - maxWidth);
  const kept = cells.filter((c) => c.col >= start && c.col + c.width <= end);
  const first = kept[0]?.col ?? start;
  const clippedLeft = cells.some((c) => c.col < first);
  const clippedRight = cells.some((c) => c.col + c.width > end);
  const text = (clippedLeft ? ELLIPSIS : '') + render(kept) + (clippedRight ? ELLIPSIS : '');
  return { text, caret: caret - first + (clippedLeft ? 1 : 0) };
}
