// The bundled plans kept as JSON beside their YAML (written by scripts/build-validators.js into
// dist/generated/plans/, named by the SHA-256 of the YAML text): reading one is JSON.parse, not a
// YAML parse, for the bundled EU plan on every validate and for incident snapshots of bundled
// plans on every status, note, log show and export. A text with no JSON of its own hash is parsed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './package-root.js';

/** SHA-256 (hex) of a plan's YAML text: the name of its JSON. */
export function planTextHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Where the build writes the JSON of the plan whose YAML text has this hash. */
export function planJsonPath(hash: string): string {
  return join(packageRoot, 'dist', 'generated', 'plans', `${hash}.json`);
}

/** The plain value of a bundled plan's YAML text, when the build kept it as JSON; else undefined. */
export function planJsonFor(text: string): unknown {
  let json: string;
  try {
    json = readFileSync(planJsonPath(planTextHash(text)), 'utf8');
  } catch {
    return undefined;
  }
  return JSON.parse(json) as unknown;
}
