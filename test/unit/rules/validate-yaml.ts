// Rule tests that need lines and columns: a builder plan written out as YAML, read back and
// checked with the real plan schema and every rule, as `crisis validate` does.

import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import type { Finding } from '../../../src/core/findings.js';
import { createAjv } from '../../../src/core/plan/ajv.js';
import { checkDocuments } from '../../../src/core/plan/check-documents.js';
import { parseSource } from '../../../src/core/plan/parse-source.js';
import type { Plan } from '../../../src/core/plan/types.js';
import { euPlan } from './plan-builder.js';

const planSchema: unknown = JSON.parse(readFileSync(new URL('../../../schemas/plan.schema.json', import.meta.url), 'utf8'));
const validate = createAjv().compile(planSchema as object);

/** The plan as YAML and every finding on it (`others`, then the builder EU plan, resolve references). */
export function validateYaml(plan: Plan, ...others: Plan[]): { text: string; findings: Finding[] } {
  const text = stringify(plan, { lineWidth: 0 });
  const { doc, findings } = parseSource('plan.yaml', new TextEncoder().encode(text));
  if (doc === undefined) return { text, findings };
  return { text, findings: [...findings, ...checkDocuments([doc], { validators: { Plan: validate }, reference: [...others, euPlan()] })] };
}

/** 1-based [line, column] of `value`, the first time it occurs after `context` in `text`. */
export function where(text: string, context: string, value: string): [number, number] {
  const from = text.indexOf(context);
  if (from === -1) throw new Error(`"${context}" is not in the YAML`);
  const at = text.indexOf(value, from);
  if (at === -1) throw new Error(`"${value}" is not after "${context}" in the YAML`);
  const before = text.slice(0, at).split('\n');
  return [before.length, (before[before.length - 1] ?? '').length + 1];
}

/** The findings of one rule as [line, column]. */
export function placesOf(findings: readonly Finding[], rule: string): [number, number][] {
  return findings.filter((f) => f.rule === rule).map((f) => [f.line, f.column]);
}
