// Canonical JSON for hashing: object keys sorted recursively, no whitespace. The same data
// always gives the same text, whatever order its keys were written in.
import { wellFormedJson } from './well-formed.js';

/** A value as JSON can carry it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Normalise any value to plain, well-formed JSON data, as JSON.stringify then JSON.parse would. */
export function toJsonValue(value: unknown): JsonValue {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError('Cannot store a value that has no JSON form.');
  return wellFormedJson(JSON.parse(text) as JsonValue);
}

/** Serialise plain JSON data with sorted keys and no whitespace. */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  const members = keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as JsonValue)}`);
  return `{${members.join(',')}}`;
}
