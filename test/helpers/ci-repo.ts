// A throw-away repository for the CI tests: a .git folder (no git needed: crisis only looks for
// it), a plan with exactly one warning, and whatever else a test writes into it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectRoot, tempDir } from './run-cli.js';

/** The walkthrough test plan with one escalate/not-higher warning, at line 45. */
export const WARNING_PLAN = readFileSync(join(projectRoot, 'test/fixtures/plans/walk-plan.yaml'), 'utf8').replace(
  '{ label: Handle nationally, next: wrap-up }',
  '{ label: Handle nationally, next: wrap-up, escalate: technical }',
);
export const WARNING_LINE = 45;

export interface Repo {
  root: string;
  write(path: string, text: string): string;
  cleanup(): void;
}

/** A repository root with plans/warn.yaml (the warning plan) in it. */
export function ciRepo(): Repo {
  const dir = tempDir('crisis-ci-');
  mkdirSync(join(dir.path, '.git'));
  const write = (path: string, text: string): string => {
    const full = join(dir.path, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    return full;
  };
  write('plans/warn.yaml', WARNING_PLAN);
  return { root: dir.path, write, cleanup: dir.cleanup };
}
