// Where the installed package lives: schemas and bundled playbooks are read from there.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (the folder holding package.json), from dist/adapters/ or src/adapters/. */
export const packageRoot: string = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The version in package.json. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}
