// Every plan bundled with crisis (kind Plan under playbooks/), read and parsed once per process:
// references resolve against them, and exercises may open on any of them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSource } from '../core/plan/parse-source.js';
import type { Plan } from '../core/plan/types.js';
import { bundledPlaybooksPath } from './bundled.js';

export interface BundledPlan {
  file: string; // absolute path
  text: string; // the YAML source, for plan snapshots
  plan: Plan;
}

let cached: BundledPlan[] | undefined;

/** The bundled plans, in path order; files that do not parse to a Plan are left out. */
export function readBundledPlans(): BundledPlan[] {
  if (cached) return cached;
  cached = yamlFiles(bundledPlaybooksPath).flatMap((file) => {
    const parsed = parseSource(file, readFileSync(file));
    const value = parsed.doc?.value as { kind?: unknown; metadata?: { id?: unknown } } | undefined;
    if (!parsed.doc || value?.kind !== 'Plan' || typeof value.metadata?.id !== 'string') return [];
    return [{ file, text: parsed.doc.text, plan: value as Plan }];
  });
  return cached;
}

function yamlFiles(folder: string): string[] {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.flatMap((e) => {
    const full = join(folder, e.name);
    if (e.isDirectory()) return e.name === 'exercises' ? [] : yamlFiles(full); // exercises are not plans
    return e.isFile() && /\.ya?ml$/i.test(e.name) ? [full] : [];
  });
}
