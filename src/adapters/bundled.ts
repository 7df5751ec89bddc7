// The files the package ships: JSON Schemas and the bundled plans.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './package-root.js';

/** Path of the bundled EU plan. */
export const bundledEuPlanPath = join(packageRoot, 'playbooks', 'eu', 'eu-circp.yaml');

/** Path of the bundled playbooks folder. */
export const bundledPlaybooksPath = join(packageRoot, 'playbooks');

/** Load a schema shipped in schemas/ by its kind ('plan', 'exercise'). */
export function loadSchema(kind: string): object {
  return JSON.parse(readFileSync(join(packageRoot, 'schemas', `${kind}.schema.json`), 'utf8')) as object;
}
