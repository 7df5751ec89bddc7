// A plan and an exercise whose every prose field holds a string of the hostile corpus, written as
// YAML files that load (every unsafe character written as an escape; a raw one is a yaml/* finding).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { Plan } from '../../src/core/plan/types.js';
import { hostileStrings } from './hostile-strings.js';
import { projectRoot } from './run-cli.js';

/** Fields that hold prose (never ids, which references must keep resolving). */
export const PROSE: ReadonlySet<string> = new Set(['title', 'question', 'description', 'basis', 'value', 'availability', 'message', 'actions']);

/** A copy of `value` with every string under a `prose` key replaced by the next hostile string, cut to `max`. */
export function poison<T>(value: T, next: () => string, options: { prose?: ReadonlySet<string>; max?: number } = {}): T {
  const { prose = PROSE, max = 200 } = options;
  const walk = (v: unknown, key: string): unknown => {
    if (typeof v === 'string') return prose.has(key) ? next().slice(0, max) : v;
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return walk(value, '') as T;
}

/** YAML with every string double-quoted and every unsafe character escaped. */
export function yamlOf(value: unknown): string {
  return stringify(value, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 }).replace(
    /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Write drill/plans/walk-plan.yaml and drill/drill.yaml under `dir`, both poisoned. */
export function writeHostileDrill(dir: string): { plan: Plan; planText: string; planFile: string; exerciseFile: string; folder: string } {
  let n = 0;
  const next = (): string => hostileStrings[n++ % hostileStrings.length] ?? '';
  const folder = join(dir, 'drill');
  mkdirSync(join(folder, 'plans'), { recursive: true });
  const plan = poison(parse(readFileSync(join(projectRoot, 'test/fixtures/plans/walk-plan.yaml'), 'utf8')), next) as Plan;
  const planText = yamlOf(plan);
  const planFile = join(folder, 'plans', 'walk-plan.yaml');
  writeFileSync(planFile, planText);
  const exercise = poison(parse(readFileSync(join(projectRoot, 'test/fixtures/exercises/walk-drill.yaml'), 'utf8')), next) as Record<string, unknown>;
  const exerciseFile = join(folder, 'drill.yaml');
  writeFileSync(exerciseFile, yamlOf({ ...exercise, planFiles: ['plans/walk-plan.yaml'] }));
  return { plan, planText, planFile, exerciseFile, folder };
}
