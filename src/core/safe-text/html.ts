// Text from input made inert in HTML and XML (the HTML reports and the SVG diagrams): markup
// characters become entities, and unsafe characters their visible escapes first, so no control
// character (invalid in XML 1.0) or bidi override reaches the page.
import { safeBlock, safeLine } from './terminal.js';

const MARKUP: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function entities(text: string): string {
  return text.replace(/[&<>"']/g, (c) => MARKUP[c] ?? c);
}

/** One line of input, safe as HTML/XML text and inside a quoted attribute. */
export function htmlText(text: string): string {
  return entities(safeLine(text));
}

/** Several lines of input (a note, a command's output) with its line breaks kept, for `white-space: pre-wrap`. */
export function htmlBlock(text: string): string {
  return entities(safeBlock(text));
}
