// Find and read .crisis.yaml: the nearest one from the current folder up to the repository root
// (only the current folder outside a repository), as eslint and Spectral users expect.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { RuleMeta } from '../core/findings.js';
import { CONFIG_FILE, parseConfig, type CrisisConfig } from '../core/config/parse-config.js';
import { displayPath } from './plan-files.js';

const MAX_CONFIG_BYTES = 256 * 1024;

/** The path of the config file that applies in `cwd`, or undefined. */
export function findConfigFile(cwd: string, root: string | undefined): string | undefined {
  for (let folder = cwd; ; folder = dirname(folder)) {
    const path = join(folder, CONFIG_FILE);
    try {
      if (statSync(path).isFile()) return path;
    } catch {
      // none here
    }
    if (root === undefined || folder === root || dirname(folder) === folder) return undefined;
  }
}

/** Read and check the config file at `path`; a problem is a usage error naming its line. */
export function readConfigFile(path: string, cwd: string, rules: readonly RuleMeta[]): CrisisConfig {
  const shown = displayPath(path, cwd);
  let text: string;
  try {
    if (statSync(path).size > MAX_CONFIG_BYTES) throw new UsageError(`${shown} is larger than 256 KB: a config file holds globs and rule settings only`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${shown}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const parsed = parseConfig(text, rules);
  if (!parsed.ok) throw new UsageError(`${shown}:${parsed.line}: ${parsed.message}`);
  return parsed.config;
}
