// Text is made well-formed once, where it enters the log: a lone UTF-16 surrogate cannot be
// stored as UTF-8 (SQLite keeps U+FFFD instead), and JSON.stringify would hash it as "\ud800".
// Replacing it before hashing makes what is hashed exactly what is stored.
import type { JsonValue } from './canonical-json.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text with every lone surrogate replaced by U+FFFD, as a UTF-8 encoder would. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

/** JSON data with every string and key well-formed. */
export function wellFormedJson(value: JsonValue): JsonValue {
  if (typeof value === 'string') return wellFormed(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(wellFormedJson);
  // fromEntries defines own properties, so a "__proto__" key stays data.
  return Object.fromEntries(Object.entries(value).map(([key, member]) => [wellFormed(key), wellFormedJson(member)]));
}
