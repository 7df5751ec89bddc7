// What a validate run is told besides its paths: the repository root and the base that reports
// name files from, the team's .crisis.yaml, and the ignore globs.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { RuleMeta } from '../core/findings.js';
import type { RuleOverride } from '../core/suppression/rule-settings.js';
import { findConfigFile, readConfigFile } from '../adapters/config-file.js';
import { ignoreMatcher } from '../adapters/ignore-globs.js';
import { findRepositoryRoot } from '../adapters/repository-root.js';

export interface ValidateSettings {
  /** The folder SARIF, GitHub and Code Quality name files from: --base, else the repository root, else cwd. */
  base: string;
  overrides: readonly RuleOverride[];
  ignored: (absolute: string) => boolean;
}

/** Settings for a run in `cwd` with the given --base and --ignore. */
export function validateSettings(options: { base?: string; ignore?: readonly string[] }, cwd: string, rules: readonly RuleMeta[]): ValidateSettings {
  const root = findRepositoryRoot(cwd);
  const configFile = findConfigFile(cwd, root);
  const config = configFile === undefined ? { ignore: [], rules: [] } : readConfigFile(configFile, cwd, rules);
  const ignored = ignoreMatcher([
    { base: cwd, globs: options.ignore ?? [] },
    ...(configFile === undefined ? [] : [{ base: dirname(configFile), globs: config.ignore }]),
  ]);
  return { base: options.base === undefined ? (root ?? cwd) : baseFolder(options.base, cwd), overrides: config.rules, ignored };
}

function baseFolder(base: string, cwd: string): string {
  const absolute = resolve(cwd, base);
  let folder = false;
  try {
    folder = statSync(absolute).isDirectory();
  } catch {
    // reported below
  }
  if (!folder) throw new UsageError(`--base ${base} is not a folder: give the folder that reports should name files from (the repository root)`);
  return absolute;
}
