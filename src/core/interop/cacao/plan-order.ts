// Keys in the order plan authors write them (and the bundled plans use), so an imported plan
// reads like a hand-written one and diffs cleanly against the plan it was exported from.
import type { Plan, Step } from '../../plan/types.js';

const PLAN_KEYS = ['apiVersion', 'kind', 'metadata', 'principles', 'start', 'levels', 'phases', 'roles', 'channels', 'clocks', 'severities', 'notifications', 'capabilities', 'preparedness', 'nationalFramework', 'stakeholders', 'infrastructure', 'unionArrangements', 'steps'];
const STEP_KEYS = ['id', 'title', 'phase', 'level', 'owner', 'basis', 'description', 'supporting', 'actions', 'notify', 'startsClocks', 'startsTracks', 'join', 'mechanism', 'tlp', 'run', 'next', 'decision', 'end'];

function ordered<T extends object>(value: T, keys: readonly string[]): T {
  const record = value as Record<string, unknown>;
  const known = keys.filter((k) => record[k] !== undefined);
  const rest = Object.keys(record).filter((k) => !keys.includes(k) && record[k] !== undefined);
  return Object.fromEntries([...known, ...rest].map((k) => [k, record[k]])) as T;
}

/** The plan with its own keys and each step's keys in the usual order. */
export function orderedPlan(plan: Plan): Plan {
  return ordered({ ...plan, steps: plan.steps.map((s) => ordered<Step>(s, STEP_KEYS)) }, PLAN_KEYS);
}
