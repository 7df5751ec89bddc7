import { describe, expect, it } from 'vitest';
import { nis2Rules, planRules, RULE_CRASHED, runRules, type Rule } from '../../../src/core/plan/rules/index.js';
import { contextFor, euPlan, nationalPlan } from './plan-builder.js';

const all = [...planRules, ...nis2Rules];

describe('rule registry', () => {
  it('gives every rule a unique id, a severity and a one-sentence description', () => {
    const ids = all.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of all) {
      expect(rule.id).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
      expect(['error', 'warning']).toContain(rule.severity);
      expect(rule.description).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('makes the NIS2 profile warnings only', () => {
    expect(nis2Rules.length).toBe(14);
    expect(nis2Rules.every((r) => r.severity === 'warning' && r.id.startsWith('nis2/'))).toBe(true);
  });

  it('finds nothing in the builder plans (the baseline every other test mutates)', () => {
    expect(runRules(all, contextFor(nationalPlan()))).toEqual([]);
    expect(runRules(all, contextFor(euPlan()))).toEqual([]);
  });
});

describe('runRules', () => {
  const crashing: Rule = {
    id: 'test/crash',
    severity: 'error',
    description: 'Throws.',
    check() {
      throw new TypeError('boom');
    },
  };
  const fine: Rule = {
    id: 'test/fine',
    severity: 'warning',
    description: 'Always reports.',
    check: () => [{ rule: 'test/fine', severity: 'warning', message: 'hello', path: '/x' }],
  };

  it('turns a throwing rule into an internal/rule-crashed error and keeps running the rest', () => {
    const out = runRules([crashing, fine], contextFor(nationalPlan()));
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ rule: RULE_CRASHED, severity: 'error', path: '' });
    expect(out[0]?.message).toContain('test/crash');
    expect(out[0]?.message).toContain('boom');
    expect(out[1]).toMatchObject({ rule: 'test/fine', message: 'hello' });
  });

  it('copes with a rule that throws something that is not an Error', () => {
    const odd: Rule = { ...crashing, check: () => { throw 'plain string'; } };
    expect(runRules([odd], contextFor(nationalPlan()))[0]?.message).toContain('plain string');
  });
});
