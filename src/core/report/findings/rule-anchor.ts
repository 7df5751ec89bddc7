// Each rule has an anchor in the README's rule reference (`<a id="rule-ref-unknown-step">`), so a
// SARIF viewer can link a result to the explanation of its rule.

/** The README anchor of a rule id: `ref/unknown-step` -> `rule-ref-unknown-step`. */
export function ruleAnchor(rule: string): string {
  return `rule-${rule.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}
