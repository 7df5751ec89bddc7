// The team's choices applied to a run's findings: inline disables first (each checked: a reason,
// a known rule, a warning rule, something to disable), then the severities of .crisis.yaml.

import type { Finding, RuleMeta } from '../findings.js';
import { closestName } from '../plan/did-you-mean.js';
import { findDirectives, type Directive } from './directives.js';
import { noReasonRule, notAllowedRule, unknownRuleRule, unusedRule } from './directive-rules.js';
import { namesRule, refusal, rulesNamed, settingFor, type RuleOverride } from './rule-settings.js';

export interface FindingPolicy {
  /** Every known rule, with its default severity. */
  rules: readonly RuleMeta[];
  /** From .crisis.yaml, already checked (none lowers an error). */
  overrides: readonly RuleOverride[];
}

interface Active {
  directive: Directive;
  name: string;
  column: number;
  used: boolean;
}

const at = (file: string, d: Directive, column: number, rule: RuleMeta, message: string): Finding => ({
  file,
  line: d.line,
  column,
  severity: rule.severity,
  rule: rule.id,
  message,
  path: '',
});

/** Check one file's directives: findings about them, and the rule names that may disable. */
function checkDirectives(file: string, directives: readonly Directive[], rules: readonly RuleMeta[]): { findings: Finding[]; active: Active[] } {
  const findings: Finding[] = [];
  const active: Active[] = [];
  for (const d of directives) {
    if (d.rules.length === 0) {
      findings.push(at(file, d, d.column, unknownRuleRule, "crisis-disable-next-line names no rule: write '# crisis-disable-next-line RULE -- reason'"));
    }
    if (d.reason === undefined || d.reason === '') {
      findings.push(at(file, d, d.column, noReasonRule, "this disable gives no reason: add ' -- ' and why the finding is accepted"));
    }
    for (const { name, column } of d.rules) {
      const named = rulesNamed(name, rules);
      if (named.length === 0) {
        const hint = closestName(name, rules.map((r) => r.id));
        findings.push(at(file, d, column, unknownRuleRule, `'${name}' is not a rule${hint ? `; did you mean '${hint}'?` : ''}`));
        continue;
      }
      const refused = named.map((r) => refusal(r, 'off')).find((why) => why !== undefined);
      if (refused !== undefined && named.every((r) => refusal(r, 'off') !== undefined)) {
        findings.push(at(file, d, column, notAllowedRule, refused));
        continue;
      }
      active.push({ directive: d, name, column, used: false });
    }
  }
  return { findings, active };
}

/** The findings as the team asked: disabled ones dropped, severities changed, directive problems added. */
export function applyPolicy(findings: readonly Finding[], sources: ReadonlyMap<string, string>, policy: FindingPolicy): Finding[] {
  const meta = new Map(policy.rules.map((r) => [r.id, r]));
  const disablesByFile = new Map<string, Active[]>();
  const out: Finding[] = [];
  for (const [file, text] of sources) {
    const checked = checkDirectives(file, findDirectives(text), policy.rules);
    out.push(...checked.findings);
    if (checked.active.length > 0) disablesByFile.set(file, checked.active);
  }
  for (const f of findings) {
    const rule = meta.get(f.rule);
    const mayDisable = rule !== undefined && refusal(rule, 'off') === undefined;
    const disabling = mayDisable
      ? (disablesByFile.get(f.file) ?? []).filter((a) => a.directive.line === f.line - 1 && namesRule(a.name, f.rule))
      : [];
    for (const a of disabling) a.used = true;
    if (disabling.length === 0) out.push(f);
  }
  for (const [file, active] of disablesByFile) {
    for (const a of active.filter((x) => !x.used)) {
      out.push(at(file, a.directive, a.column, unusedRule, `nothing on the next line is reported by ${a.name}: remove this disable`));
    }
  }
  return out.flatMap((f) => {
    const setting = settingFor(f.rule, policy.overrides);
    if (setting === undefined) return [f];
    const rule = meta.get(f.rule);
    if (rule !== undefined && refusal(rule, setting) !== undefined) return [f]; // checked with the config; never lower an error
    return setting === 'off' ? [] : [{ ...f, severity: setting }];
  });
}
