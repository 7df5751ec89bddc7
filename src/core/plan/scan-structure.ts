// One linear pass over the text before yaml sees it: lone CR line ends, overlong lines, tab
// indentation, nesting depth and the number of values (yaml's document model costs time and memory per value).
// Deliberately approximate: it only has to stay close on real plans; yaml (and its own
// RESOURCE_EXHAUSTION guard) remains the judge of exact syntax.

import type { SourceLimits, SourceProblem } from './source-limits.js';

const SPACE = 0x20, TAB = 0x09, HASH = 0x23, COLON = 0x3a, DASH = 0x2d, QMARK = 0x3f;
const SQ = 0x27, DQ = 0x22, BSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }
const FLOW_TOKEN_START = new Set([0x5b, 0x7b, 0x2c, COLON, QMARK]); // a quote after these opens a string

/** Result of the pre-scan: a fatal problem stops parsing; tab problems are reported alongside yaml's. */
export interface StructureScan {
  fatal?: SourceProblem;
  tabs: SourceProblem[];
}

/** Scan text for lines over maxLineLength, tab indentation, nesting over maxDepth, over maxValues values. */
export function scanStructure(
  text: string,
  limits: Pick<SourceLimits, 'maxLineLength' | 'maxDepth' | 'maxValues'>,
): StructureScan {
  const tabs: SourceProblem[] = [];
  const stack: number[] = []; // columns of open block collections
  let flow = 0; // open [ and {
  let quote = 0; // SQ or DQ while inside a quoted scalar spanning lines
  let blockScalar: number | undefined; // while set, lines indented more than this are block scalar content
  let flowPrev = 0x5b; // last significant char in flow context, to tell a quote from an apostrophe
  let line = 0;
  let values = 0; // content lines, '- ', ': ', '[', '{' and ',': about one per key, value or item
  const tooDeep = (col: number): SourceProblem => ({
    rule: 'yaml/too-deep',
    message: `nesting is deeper than ${limits.maxDepth} levels at ${line}:${col}; flatten the structure`,
    line,
    column: col,
  });

  // Scans one line, updating the state above; returns a too-deep problem if the line has one.
  const scanLine = (start: number, end: number): SourceProblem | undefined => {
    let i = start;
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    const indent = i - start;
    let ws = i;
    while (ws < end && (text.charCodeAt(ws) === SPACE || text.charCodeAt(ws) === TAB)) ws++;
    const blank = ws === end || text.charCodeAt(ws) === HASH;
    if (blockScalar !== undefined) {
      if (ws === end || indent > blockScalar) return undefined;
      blockScalar = undefined;
    }
    let valueStart = false;
    let nodeCol = -1; // column where a compact node (after '- ' or '? ') starts on this line
    if (quote === 0 && flow === 0) {
      if (blank) return undefined;
      if (ws > i) {
        tabs.push({
          rule: 'yaml/tab-indent',
          message: `indentation uses a tab at ${line}:${i - start + 1}; YAML indents with spaces, so replace the tab with spaces`,
          line,
          column: i - start + 1,
        });
        i = ws;
      }
      if (indent === 0 && /^(---|\.\.\.)(\s|$)/.test(text.slice(start, start + 4))) {
        stack.length = 0;
        i += 3;
      } else if (indent === 0 && text.charCodeAt(i) === 0x25) return undefined; // %directive
      while (stack.length > 0 && (stack[stack.length - 1] as number) > indent) stack.pop();
      if (stack.length === 0 || (stack[stack.length - 1] as number) < indent) stack.push(indent);
      if (stack.length > limits.maxDepth) return tooDeep(indent + 1);
      valueStart = true;
      nodeCol = indent;
      values++;
    } else i = start;

    for (let prev = SPACE; i < end; i++) {
      const c = text.charCodeAt(i);
      if (quote !== 0) {
        if (quote === DQ && c === BSLASH) i++;
        else if (c === quote) {
          if (quote === SQ && text.charCodeAt(i + 1) === SQ) i++;
          else { quote = 0; flowPrev = c; }
        }
        prev = c;
        continue;
      }
      if (c === SPACE || c === TAB) { prev = c; continue; }
      if (c === HASH && (prev === SPACE || prev === TAB)) break;
      prev = c;
      if (flow > 0) {
        if (c === 0x2c) values++;
        if (OPENERS.has(c)) {
          values++;
          flow++;
          if (stack.length + flow > limits.maxDepth) return tooDeep(i - start + 1);
        } else if (CLOSERS.has(c)) flow--;
        else if ((c === SQ || c === DQ) && FLOW_TOKEN_START.has(flowPrev)) quote = c;
        flowPrev = c;
        continue;
      }
      const sep = i + 1 >= end || text.charCodeAt(i + 1) === SPACE || text.charCodeAt(i + 1) === TAB;
      if (c === COLON && sep) { valueStart = true; nodeCol = -1; values++; continue; }
      if (!valueStart) continue;
      if ((c === DASH || c === QMARK) && sep && nodeCol >= 0) {
        if (nodeCol > (stack[stack.length - 1] ?? -1)) stack.push(nodeCol);
        values++;
        if (stack.length > limits.maxDepth) return tooDeep(i - start + 1);
        let j = i + 1;
        while (j < end && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB)) j++;
        nodeCol = j - start;
        i = j - 1;
        continue;
      }
      if (OPENERS.has(c)) {
        values++;
        flow = 1;
        flowPrev = c;
        if (stack.length + flow > limits.maxDepth) return tooDeep(i - start + 1);
      } else if (c === SQ || c === DQ) quote = c;
      else if (c === 0x7c || c === 0x3e) { blockScalar = stack[stack.length - 1] ?? -1; break; } // | >
      else if (c === 0x21 || c === 0x26) { // !tag or &anchor: the value follows
        while (i + 1 < end && text.charCodeAt(i + 1) !== SPACE && text.charCodeAt(i + 1) !== TAB) i++;
        continue;
      }
      if (nodeCol > (stack[stack.length - 1] ?? -1) && findsKeyIndicator(text, i, end)) stack.push(nodeCol);
      if (stack.length > limits.maxDepth) return tooDeep(i - start + 1);
      valueStart = false;
    }
    return undefined;
  };

  // yaml reads a lone CR as part of the line, so a file saved with classic Mac line endings
  // would be one long line with baffling syntax errors: name the real cause instead.
  const loneCr = text.search(/\r(?!\n)/);
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const next = end + 1;
    if (end > start && text.charCodeAt(end - 1) === 0x0d) end--;
    line++;
    if (loneCr >= start && loneCr < end) {
      const column = loneCr - start + 1;
      const message = `line ${line} ends in a carriage return without a line feed at ${line}:${column} (old Mac line endings); save the file with LF or CRLF line endings`;
      return { fatal: { rule: 'yaml/line-ending', message, line, column }, tabs };
    }
    const deep = scanLine(start, end); // first, so that a deep one-line bomb is named as such
    if (deep) return { fatal: deep, tabs };
    if (values > limits.maxValues) {
      const message = `the file holds more than ${limits.maxValues} keys, values and items by line ${line}, far more than a plan needs; check that this is the right file or split it`;
      return { fatal: { rule: 'yaml/too-many-values', message, line, column: 1 }, tabs };
    }
    if (end - start > limits.maxLineLength) {
      const message = `line ${line} is ${end - start} characters long, over the limit of ${limits.maxLineLength}; break it up (a long text can be a block scalar with '|')`;
      return { fatal: { rule: 'yaml/line-too-long', message, line, column: 1 }, tabs };
    }
    start = next;
  }
  return { tabs };
}

/** Whether a ': ' (mapping indicator) follows on this line, so a compact node is a mapping. */
function findsKeyIndicator(text: string, from: number, end: number): boolean {
  for (let at = from; at < end; at++) {
    if (text.charCodeAt(at) !== COLON) continue;
    const after = text.charCodeAt(at + 1);
    if (at + 1 >= end || after === SPACE || after === TAB) return true;
  }
  return false;
}
