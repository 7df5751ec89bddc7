// Loads the bundled schema and plans for the playbook tests (test helper, not a test file).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import type { Plan } from '../../../src/core/plan/types.js';

/** Absolute path of the project root. */
export const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Bundled plan files, relative to the project root. */
export const bundledPlanFiles = [
  'playbooks/eu/eu-circp.yaml',
  'playbooks/national/template.yaml',
  'playbooks/national/example-northland.yaml',
  'playbooks/national/example-southland.yaml',
] as const;

/** The plan JSON Schema as parsed JSON. */
export function readPlanSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(root, 'schemas/plan.schema.json'), 'utf8')) as Record<string, unknown>;
}

let compiled: ValidateFunction | undefined;

/** Compiles the plan schema once, the way the validator does: strict, all errors, with formats. */
export function compilePlanSchema(): ValidateFunction {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats.default(ajv);
  ajv.addKeyword({ keyword: 'defaultSnippets', schemaType: 'array' }); // editor snippets, as createAjv declares them
  compiled = ajv.compile(readPlanSchema());
  return compiled;
}

/** Raw text of a file under the project root. */
export function readText(file: string): string {
  return readFileSync(join(root, file), 'utf8');
}

/** Parses a bundled plan file; duplicate keys are an error. */
export function loadPlanDocument(file: string): unknown {
  return parse(readText(file), { uniqueKeys: true });
}

/** Parses a bundled plan file and types it (call only after schema validation passed). */
export function loadPlan(file: string): Plan {
  return loadPlanDocument(file) as Plan;
}
