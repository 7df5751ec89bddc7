// A parsed plan file that still knows where each value came from in the YAML text.

import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { parsePointer } from './json-pointer.js';

/** A parsed YAML file: its text, its plain value, and a way back from a JSON pointer to the source. */
export interface SourceDocument {
  file: string;
  text: string;
  value: unknown;
  /**
   * 1-based line and column of the node a JSON pointer names ('key' = the key of its pair).
   * A pointer that leads nowhere lands on the nearest node that exists; '' is the document's start.
   */
  locate(pointer: string, at?: 'key' | 'value'): { line: number; column: number };
}

/** Wrap a composed yaml Document and its plain value as a SourceDocument. */
export function createSourceDocument(
  file: string,
  text: string,
  value: unknown,
  doc: Document,
  lineCounter: LineCounter,
): SourceDocument {
  const position = (offset: number): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return {
    file,
    text,
    value,
    locate(pointer, at = 'value') {
      const found = findNode(doc.contents, parsePointer(pointer));
      const target = found.complete && at === 'key' && found.key ? found.key : found.node ?? found.key;
      const start = target?.range?.[0];
      if (start === undefined) return firstContent(text);
      return position(start);
    },
  };
}

interface Found {
  node: Node | undefined; // deepest node reached (undefined for an empty value such as `title:`)
  key: Node | undefined; // the key of the pair that holds `node`, when it sits in a mapping
  complete: boolean; // whether every segment was found
}

/** Walk segments down the yaml tree as far as they go (not through aliases). */
function findNode(root: unknown, segments: readonly string[]): Found {
  let node = isNodeLike(root) ? root : undefined;
  let key: Node | undefined;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] as string;
    if (isMap(node)) {
      // the last pair wins, as in the plain value
      const pair = node.items.findLast((p) => keyText(p.key) === seg);
      if (!pair) return { node, key, complete: false };
      const childKey = isNodeLike(pair.key) ? pair.key : undefined;
      if (isEmpty(pair.value)) return { node: undefined, key: childKey ?? node, complete: i === segments.length - 1 };
      node = pair.value as Node;
      key = childKey;
    } else if (isSeq(node) && /^(0|[1-9][0-9]*)$/.test(seg) && isNodeLike(node.items[Number(seg)])) {
      node = node.items[Number(seg)] as Node;
      key = undefined;
    } else return { node, key, complete: false };
    if (isAlias(node)) return { node, key, complete: i === segments.length - 1 };
  }
  return { node, key, complete: true };
}

/** A missing or empty value (`title:`), which is better shown at its key. */
function isEmpty(value: unknown): boolean {
  return !isNodeLike(value) || (isScalar(value) && value.value === null && value.source === '');
}

function keyText(key: unknown): string | undefined {
  if (key === null || key === undefined) return '';
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return undefined;
}

function isNodeLike(x: unknown): x is Node {
  return typeof x === 'object' && x !== null && 'range' in x;
}

/** Position of the first character that is not whitespace or part of a comment (1:1 if none). */
function firstContent(text: string): { line: number; column: number } {
  const lines = text.split('\n', 10_000);
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)(\S)/.exec(lines[i] ?? '');
    if (m && m[2] !== '#') return { line: i + 1, column: (m[1] ?? '').length + 1 };
  }
  return { line: 1, column: 1 };
}
