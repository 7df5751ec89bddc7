// One way to build a rule's finding, so the id and default severity always come from the rule's metadata.

import type { RuleFinding, RuleMeta, Severity } from '../../findings.js';

/** A finding of a rule at a JSON pointer; `severity` overrides the rule's default. */
export function finding(
  meta: RuleMeta,
  path: string,
  message: string,
  options: { severity?: Severity; at?: 'key' | 'value'; cause?: readonly string[] } = {},
): RuleFinding {
  const out: RuleFinding = { rule: meta.id, severity: options.severity ?? meta.severity, message, path };
  if (options.at !== undefined) out.at = options.at;
  if (options.cause !== undefined) out.cause = options.cause;
  return out;
}
