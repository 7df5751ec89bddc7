// The rules about inline disables themselves: a disable must say why, name a rule that exists
// and may be disabled, and still have something to disable.

import type { RuleMeta } from '../findings.js';

export const noReasonRule: RuleMeta = {
  id: 'suppression/no-reason',
  severity: 'error',
  description: "Every '# crisis-disable-next-line RULE -- reason' comment gives a reason after '--', so a reviewer knows why the finding is accepted.",
};

export const unknownRuleRule: RuleMeta = {
  id: 'suppression/unknown-rule',
  severity: 'error',
  description: 'Every rule an inline disable names exists (a rule id, or a family such as nis2/*).',
};

export const notAllowedRule: RuleMeta = {
  id: 'suppression/not-allowed',
  severity: 'error',
  description: 'An inline disable names only warning rules: errors are what crisis respond and exercise run refuse, so they cannot be disabled.',
};

export const unusedRule: RuleMeta = {
  id: 'suppression/unused',
  severity: 'warning',
  description: 'Every inline disable has a finding of its rule on the next line to disable (remove it once the plan is fixed).',
};

export const directiveRules: readonly RuleMeta[] = [noReasonRule, unknownRuleRule, notAllowedRule, unusedRule];
