// A CSV cell from input: RFC 4180 quoting, no formula injection, no raw control characters.
import { safeLine } from './terminal.js';

/** One cell; a leading =, +, -, @ is prefixed with ' so a spreadsheet does not run it as a formula. */
export function csvCell(value: string): string {
  const text = safeLine(value);
  const inert = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}
