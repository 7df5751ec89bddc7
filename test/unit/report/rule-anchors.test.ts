// SARIF's helpUri points into the README's rule reference: every rule must have its anchor there.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadValidation } from '../../../src/cli/load-documents.js';
import { ruleAnchor } from '../../../src/core/report/findings/rule-anchor.js';
import { directiveRules } from '../../../src/core/suppression/directive-rules.js';

describe('rule anchors', () => {
  it('has an anchor in the README for every rule validate knows', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const rules = [...loadValidation().rules, ...directiveRules];
    expect(rules.length).toBeGreaterThan(100);
    expect(rules.filter((r) => !readme.includes(`<a id="${ruleAnchor(r.id)}"></a>`)).map((r) => r.id)).toEqual([]);
  });

  it('makes anchors GitHub keeps: lower case, hyphens only', () => {
    expect(ruleAnchor('nis2/art9-4-c-procedures')).toBe('rule-nis2-art9-4-c-procedures');
    expect(ruleAnchor('ref/unknown-step')).toBe('rule-ref-unknown-step');
  });
});
