import { describe, expect, it } from 'vitest';
import type { Finding, RuleFinding } from '../../../src/core/findings.js';
import { withoutSchemaEchoes } from '../../../src/core/plan/suppress.js';
import { noExit } from '../../../src/core/plan/rules/step-exits.js';
import { check, mutate, nationalPlan } from './plan-builder.js';

const schema = (rule: string, path: string): Finding => ({ file: 'p.yaml', line: 1, column: 1, severity: 'error', rule, message: 'm', path });
const rule = (path: string, cause?: string[]): RuleFinding => ({ rule: 'x/y', severity: 'error', message: 'm', path, ...(cause ? { cause } : {}) });

describe('schema findings suppress the rule findings they cause', () => {
  it('drops a rule finding at the same pointer as a value finding, or under it', () => {
    const out = withoutSchemaEchoes([schema('schema/min-items', '/steps/0/run/argv')], [rule('/steps/0/run/argv'), rule('/steps/0/run/argv/0'), rule('/steps/0/run')]);
    expect(out.map((f) => f.path)).toEqual(['/steps/0/run']);
  });

  it('uses the causes a rule names: flow/no-exit on a step with end: yes is dropped', () => {
    const plan = mutate(nationalPlan(), (p) => (p.steps[2].end = 'yes'));
    const found = check(noExit, plan);
    expect(found).toHaveLength(1);
    expect(withoutSchemaEchoes([schema('schema/type', '/steps/2/end')], found)).toEqual([]);
  });

  it('keeps rule findings next to a missing or unknown property, and next to the root', () => {
    const rules = [rule('/steps/0/next'), rule('/steps/0')];
    const schemas = [schema('schema/required', '/steps/0'), schema('schema/additional-property', '/steps/0/nxt'), schema('schema/type', '')];
    expect(withoutSchemaEchoes(schemas, rules)).toEqual(rules);
  });
});
