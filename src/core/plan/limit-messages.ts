// Messages for the counting keywords: lengths, sizes, ranges, multiples, uniqueness.

import type { ErrorObject } from 'ajv/dist/2020.js';
import type { Draft } from './schema-messages.js';

const COMPARISON: Record<string, string> = { '>=': 'at least', '>': 'greater than', '<=': 'at most', '<': 'less than' };

/** A Draft for a limit keyword (minItems, maxLength, minimum, ...), or undefined for any other. */
export function describeLimit(e: ErrorObject, where: string, value: unknown): Draft | undefined {
  const p = e.params as Record<string, unknown>;
  const limit = Number(p.limit);
  const base = { path: e.instancePath, at: 'value' as const };
  const count = Array.isArray(value) ? value.length : typeof value === 'string' ? [...value].length : value && typeof value === 'object' ? Object.keys(value).length : 0;
  const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
  switch (e.keyword) {
    case 'minItems':
      return { ...base, rule: 'schema/min-items', message: limit === 1 ? `${where} must not be an empty list; add at least one item` : `${where} must have at least ${plural(limit, 'item')}, found ${count}` };
    case 'maxItems':
      return { ...base, rule: 'schema/max-items', message: `${where} must have at most ${plural(limit, 'item')}, found ${count}` };
    case 'items':
      return { ...base, rule: 'schema/max-items', message: `${where} must have at most ${plural(limit, 'item')}, found ${count}` };
    case 'minLength':
      return { ...base, rule: 'schema/min-length', message: limit === 1 ? `${where} must not be empty` : `${where} must be at least ${plural(limit, 'character')} long, found ${count}` };
    case 'maxLength':
      return { ...base, rule: 'schema/max-length', message: `${where} must be at most ${plural(limit, 'character')} long, found ${count}; shorten it` };
    case 'minProperties':
      return { ...base, rule: 'schema/min-properties', message: limit === 1 ? `${where} must not be an empty mapping` : `${where} must have at least ${plural(limit, 'property', 'properties')}, found ${count}` };
    case 'maxProperties':
      return { ...base, rule: 'schema/max-properties', message: `${where} must have at most ${plural(limit, 'property', 'properties')}, found ${count}` };
    case 'minimum':
    case 'exclusiveMinimum':
      return { ...base, rule: 'schema/minimum', message: `${where} must be ${COMPARISON[String(p.comparison)] ?? 'at least'} ${limit}, found ${String(value)}` };
    case 'maximum':
    case 'exclusiveMaximum':
      return { ...base, rule: 'schema/maximum', message: `${where} must be ${COMPARISON[String(p.comparison)] ?? 'at most'} ${limit}, found ${String(value)}` };
    case 'multipleOf':
      return { ...base, rule: 'schema/multiple-of', message: `${where} must be a multiple of ${String(p.multipleOf)}, found ${String(value)}` };
    case 'uniqueItems': {
      const [a, b] = [Number(p.j), Number(p.i)].sort((x, y) => x - y);
      return { ...base, rule: 'schema/unique-items', message: `${where} lists the same item twice (items ${a} and ${b}); remove one` };
    }
    case 'contains': {
      const min = Number(p.minContains ?? 1);
      const message = typeof p.maxContains === 'number'
        ? `${where} must contain from ${min} to ${p.maxContains} matching items`
        : `${where} must contain at least ${plural(min, 'matching item')}`;
      return { ...base, rule: 'schema/contains', message };
    }
    default:
      return undefined;
  }
}
