// The one safe-text boundary: every renderer writes input text through one of these.
export { isUnsafeCodePoint, escapeCodePoint, hasUnsafe } from './unsafe.js';
export { safeLine, safeBlock } from './terminal.js';
export { quoteArg, commandLine, commandLines } from './shell-quote.js';
export { mdText, mdBlock } from './markdown.js';
export { csvCell } from './csv.js';
export { safeJson } from './json.js';
export { guardOutput } from './output-guard.js';
export { printable, printableChar } from './printable.js';
export { htmlText, htmlBlock } from './html.js';
export { dotText } from './dot.js';
export { mermaidText } from './mermaid.js';
