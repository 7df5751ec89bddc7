// The bundled exercise files (test helper, not a test file).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the project root. */
export const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Bundled exercise files, relative to the project root. */
export const bundledExercises = readdirSync(join(root, 'playbooks/exercises'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => `playbooks/exercises/${f}`);
