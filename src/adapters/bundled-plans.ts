// The plans bundled with crisis (kind Plan under playbooks/), each read and parsed at most once
// per process: references resolve against them, and exercises may open on any of them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSource } from '../core/plan/parse-source.js';
import type { Plan } from '../core/plan/types.js';
import { bundledPlaybooksPath } from './bundled.js';
import { planJsonFor } from './plan-json.js';

export interface BundledPlan {
  file: string; // absolute path
  text: string; // the YAML source, for plan snapshots
  plan: Plan;
}

const parsed = new Map<string, BundledPlan | undefined>();

/** One bundled plan file, parsed once; undefined when it does not parse to a Plan. */
export function readBundledPlan(file: string): BundledPlan | undefined {
  if (parsed.has(file)) return parsed.get(file);
  const bytes = readFileSync(file);
  const text = new TextDecoder().decode(bytes); // as parseSource reads it (a BOM dropped)
  const kept = planJsonFor(text);
  const result = kept === undefined ? parseSource(file, bytes) : { doc: { text, value: kept } };
  const value = result.doc?.value as { kind?: unknown; metadata?: { id?: unknown } } | undefined;
  const plan = result.doc && value?.kind === 'Plan' && typeof value.metadata?.id === 'string' ? { file, text: result.doc.text, plan: value as Plan } : undefined;
  parsed.set(file, plan);
  return plan;
}

/** Every bundled plan file (not the exercises), in path order. */
export function bundledPlanFiles(): string[] {
  return yamlFiles(bundledPlaybooksPath);
}

/** Every bundled plan, in path order (parsing takes ~0.1 s per plan: call it only when needed). */
export function readBundledPlans(): BundledPlan[] {
  return yamlFiles(bundledPlaybooksPath).flatMap((file) => readBundledPlan(file) ?? []);
}

function yamlFiles(folder: string): string[] {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.flatMap((e) => {
    const full = join(folder, e.name);
    if (e.isDirectory()) return e.name === 'exercises' ? [] : yamlFiles(full); // exercises are not plans
    return e.isFile() && /\.ya?ml$/i.test(e.name) ? [full] : [];
  });
}
