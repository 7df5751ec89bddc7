// Words for where a value sits and what it is, as a plan author reads them:
// `steps[3].decision.options[1].next`, "a list", "the number 3".

import { parsePointer } from './json-pointer.js';
import { clip } from '../clip.js';

/** A JSON pointer as a readable path: `steps[3].decision.next`; '' is "the document". */
export function describePath(pointer: string): string {
  const segments = parsePointer(pointer);
  if (segments.length === 0) return 'the document';
  let out = '';
  for (const seg of segments) {
    if (/^(0|[1-9][0-9]*)$/.test(seg) && out !== '') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** What a value is, with an article: "a list", "a mapping", "the text 'abc'", "the number 3". */
export function describeFound(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return value === '' ? 'an empty string' : `the text ${quote(value)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'a mapping';
    default:
      return `a ${typeof value}`;
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  null: 'empty',
};

/** JSON Schema type names in words: "a string or a mapping". */
export function describeTypes(types: unknown): string {
  const list = (Array.isArray(types) ? types : String(types).split(',')).map((t) => TYPE_WORDS[String(t)] ?? String(t));
  return joinOr(list);
}

/** A value as it would be written in YAML, quoted when it is text, shortened when long. */
export function quote(value: unknown): string {
  if (typeof value === 'string') return `'${clip(value)}'`;
  if (value === null) return 'null';
  if (typeof value === 'object') return clip(JSON.stringify(value) ?? String(value));
  return String(value);
}

/** "a", "a or b", "a, b or c". */
export function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
