// One problem, one finding: when the schema already says a value is wrong (`end: yes`,
// `argv: []`), the semantic findings that only follow from that value are dropped.

import type { Finding, RuleFinding } from '../findings.js';

// Schema findings about the container rather than a value (a missing or unknown property):
// they say nothing about the values the rules read, so they suppress nothing.
const CONTAINER_RULES = new Set([
  'schema/required',
  'schema/additional-property',
  'schema/not-allowed',
  'schema/property-name',
  'schema/min-properties',
  'schema/max-properties',
  'schema/dependent-required',
  'schema/too-many-errors',
]);

/** Whether pointer `p` is `base` or lies under it ('/steps/1/end' under '/steps/1'). */
function within(p: string, base: string): boolean {
  return p === base || p.startsWith(base + '/');
}

/** The rule findings not already explained by a schema finding on the value they follow from. */
export function withoutSchemaEchoes(schema: readonly Finding[], rules: readonly RuleFinding[]): RuleFinding[] {
  // '' is the whole document: a root-level type error leaves no rule anything to say anyway.
  const bad = schema.filter((f) => f.rule.startsWith('schema/') && !CONTAINER_RULES.has(f.rule) && f.path !== '').map((f) => f.path);
  if (bad.length === 0) return [...rules];
  return rules.filter((r) => !(r.cause ?? [r.path]).some((c) => bad.some((b) => within(c, b))));
}
