// What a team may change about a rule, in .crisis.yaml or with an inline disable. Errors are what
// `crisis respond` and `crisis exercise run` refuse to load, so validate never hides or lowers
// them: a green CI must mean the plan opens during an incident. Warnings (the NIS2 Art. 9(4)
// profile, judgement calls) may be turned off, kept, or raised to errors.

import type { RuleMeta, Severity } from '../findings.js';

export type RuleSetting = 'off' | Severity;
export const ruleSettings: readonly RuleSetting[] = ['off', 'warning', 'error'];

/** One `rules:` entry: a rule id, or a family such as `nis2/*`. */
export interface RuleOverride {
  pattern: string;
  setting: RuleSetting;
}

/** Whether `pattern` (an id or `family/*`) names `rule`. */
export function namesRule(pattern: string, rule: string): boolean {
  return pattern.endsWith('/*') ? rule.startsWith(pattern.slice(0, -1)) : pattern === rule;
}

/** The rules a pattern names among the known ones. */
export function rulesNamed(pattern: string, rules: readonly RuleMeta[]): RuleMeta[] {
  return rules.filter((r) => namesRule(pattern, r.id));
}

/** Why `setting` may not apply to `rule`, or undefined when it may. */
export function refusal(rule: RuleMeta, setting: RuleSetting): string | undefined {
  if (rule.severity === 'warning' || setting === 'error') return undefined;
  return `${rule.id} is an error, and crisis respond and exercise run refuse a file with errors, so it cannot be turned off or lowered: fix what it reports`;
}

/** The setting for `rule`: an exact id beats a family, a later entry beats an earlier one. */
export function settingFor(rule: string, overrides: readonly RuleOverride[]): RuleSetting | undefined {
  let family: RuleSetting | undefined;
  let exact: RuleSetting | undefined;
  for (const o of overrides) {
    if (!namesRule(o.pattern, rule)) continue;
    if (o.pattern.endsWith('/*')) family = o.setting;
    else exact = o.setting;
  }
  return exact ?? family;
}
