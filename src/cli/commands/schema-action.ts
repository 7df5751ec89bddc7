// Print a bundled schema (or its path) to standard output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../adapters/package-root.js';
import type { CliIO } from '../io.js';

/** Write the schema of `kind`, as shipped, or its path with --path. */
export function schemaAction(kind: 'plan' | 'exercise', options: { path?: boolean }, io: CliIO): void {
  const path = join(packageRoot, 'schemas', `${kind}.schema.json`);
  io.stdout.write(options.path === true ? `${path}\n` : readFileSync(path, 'utf8'));
}
