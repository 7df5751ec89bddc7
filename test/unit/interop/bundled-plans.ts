// Every plan under playbooks/ (exercises are left out), found when the tests run: the bundle changes.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { Plan } from '../../../src/core/plan/types.js';
import { root } from '../playbooks/bundled-files.js';

/** The bundled plans, by file relative to the project root. */
export function bundledPlans(): { file: string; plan: Plan }[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []));
  return walk(join(root, 'playbooks'))
    .map((f) => ({ file: relative(root, f), plan: parse(readFileSync(f, 'utf8')) as Plan }))
    .filter((p) => p.plan.kind === 'Plan')
    .sort((a, b) => a.file.localeCompare(b.file));
}

