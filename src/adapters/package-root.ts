// Where the installed package lives: schemas and bundled playbooks are read from there.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (the folder holding package.json), from dist/adapters/ or src/adapters/. */
export const packageRoot: string = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const manifest = (): { version?: unknown; homepage?: unknown } =>
  JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version?: unknown; homepage?: unknown };

/** The version in package.json. */
export function packageVersion(): string {
  const { version } = manifest();
  return typeof version === 'string' ? version : '0.0.0';
}

/** The homepage in package.json (where the README and its rule reference are read), if any. */
export function packageHomepage(): string | undefined {
  const { homepage } = manifest();
  return typeof homepage === 'string' ? homepage : undefined;
}
