// Small text helpers shared by the exercise report renderers.
import { formatDuration } from '../../time/duration.js';
import { mdText } from '../../safe-text/index.js';

/** Time since the start of the exercise, as people read it: T+2 h 30 min. */
export function sinceStart(iso: string | undefined, start: string): string {
  if (iso === undefined) return '-';
  const ms = Date.parse(iso) - Date.parse(start);
  return ms === 0 ? 'T+0' : ms < 0 ? `T-${formatDuration(-ms)}` : `T+${formatDuration(ms)}`;
}

/** A margin in words: "2 h early", "3 h late", "on time". */
export function marginText(ms: number | undefined): string {
  if (ms === undefined) return '-';
  if (ms === 0) return 'on time';
  return ms > 0 ? `${formatDuration(ms)} early` : `${formatDuration(-ms)} late`;
}

/** A value safe inside a Markdown table cell: one line, inert (the safe-text boundary). */
export function cell(text: string): string {
  return mdText(text.replace(/\s*\r?\n\s*/g, ' '));
}

/** A Markdown table from a header and rows of cells (escaped here). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

/** A clock's margin at the end, by its status: "3 h to spare", "2 h late", "overdue by 1 h", "5 h left". */
export function clockMarginText(status: string, ms: number): string {
  const d = formatDuration(Math.abs(ms));
  if (status === 'met') return `${d} to spare`;
  if (status === 'met-late') return `${d} late`;
  if (status === 'overdue') return `overdue by ${d}`;
  if (status === 'waived') return 'waived';
  return `${d} left`;
}
