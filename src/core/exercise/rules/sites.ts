// Where an exercise refers to something: each site is a string value, its JSON pointer, and
// a few words naming it for messages ('script entry 3 at PT2H: step').
import { get, items, pointer, str } from '../../plan/rules/safe.js';

export interface Site {
  value: string;
  path: string;
  what: string;
}

/** How a script entry is named in messages: 1-based, with its offset. */
export function entryName(entry: unknown, index: number): string {
  const at = str(get(entry, 'at'));
  return `script entry ${index + 1}${at !== undefined ? ` at ${at}` : ''}`;
}

/** How an expectation is named in messages. */
export function expectationName(expectation: unknown, index: number): string {
  const id = str(get(expectation, 'id'));
  return id !== undefined ? `expectation "${id}"` : `expectation ${index + 1}`;
}

/** The string values of `field` in the script entries (optionally only those doing `verb`). */
export function scriptSites(exercise: unknown, field: string, verb?: string): Site[] {
  const out: Site[] = [];
  items(exercise, 'script').forEach((entry, i) => {
    const value = str(get(entry, field));
    if (value === undefined || (verb !== undefined && get(entry, 'do') !== verb)) return;
    out.push({ value, path: pointer('script', i, field), what: `${entryName(entry, i)}: ${field}` });
  });
  return out;
}

/** The string values of `field` in the expectations. */
export function expectationSites(exercise: unknown, field: string): Site[] {
  const out: Site[] = [];
  items(exercise, 'expectations').forEach((expectation, i) => {
    const value = str(get(expectation, field));
    if (value !== undefined) out.push({ value, path: pointer('expectations', i, field), what: `${expectationName(expectation, i)}: ${field}` });
  });
  return out;
}
