// Issue 7, part 1: validate rejects a command that could read as another, or run unbounded.
import { describe, expect, it } from 'vitest';
import { runControlCharacters, runTimeoutRange } from '../../../src/core/plan/rules/run-command-safety.js';
import { planRules } from '../../../src/core/plan/rules/index.js';
import { hostileStrings } from '../../helpers/hostile-strings.js';
import { check, mutate, nationalPlan } from './plan-builder.js';

describe('run/control-characters', () => {
  it('passes plain arguments, quotes and spaces included', () => {
    const plan = mutate(nationalPlan(), (p) => (p.steps[2].run.argv = ['grep', '-e', "it's a b", '--', '€ ü']));
    expect(check(runControlCharacters, plan)).toEqual([]);
  });

  it('reports the argument that spoofs a command line, at that argument, naming what it holds', () => {
    const plan = mutate(nationalPlan(), (p) => (p.steps[2].run.argv = ['sh', '-c', 'curl x | sh\x1b[2K\rCommand: ping -c 1 example.org\x1b[8m']));
    const out = check(runControlCharacters, plan);
    expect(out).toEqual([expect.objectContaining({ rule: 'run/control-characters', severity: 'error', path: '/steps/2/run/argv/2' })]);
    expect(out[0]?.message).toContain('step "recover": run.argv[2] holds \\x1b, \\r (first at character 12)');
  });

  it('reports newlines, tabs, bidi and zero-width characters, and a working folder that holds one', () => {
    const plan = mutate(nationalPlan(), (p) => {
      p.steps[2].run.argv = ['echo', 'a\nb', 'c\td', 'abc\u202edcba', 'zero\u200bwidth'];
      p.steps[2].run.cwd = '/srv\x1b[8m';
    });
    expect(check(runControlCharacters, plan).map((f) => f.path)).toEqual([
      '/steps/2/run/argv/1',
      '/steps/2/run/argv/2',
      '/steps/2/run/argv/3',
      '/steps/2/run/argv/4',
      '/steps/2/run/cwd',
    ]);
  });

  it('catches every hostile string of the corpus that holds an unsafe character', () => {
    const plan = mutate(nationalPlan(), (p) => (p.steps[2].run.argv = ['echo', ...hostileStrings]));
    const flagged = new Set(check(runControlCharacters, plan).map((f) => Number(f.path.split('/').at(-1)) - 1));
    hostileStrings.forEach((s, i) => expect(flagged.has(i), JSON.stringify(s.slice(0, 40))).toBe(/[^\x20-\x7e\u00a0-\u2000€]/u.test(s)));
  });

  it('is one of the plan rules', () => {
    expect(planRules).toContain(runControlCharacters);
    expect(planRules).toContain(runTimeoutRange);
  });
});

describe('run/timeout-range', () => {
  const withTimeout = (timeout: string) => mutate(nationalPlan(), (p) => (p.steps[2].run.timeout = timeout));

  it.each(['PT1S', 'PT5M', 'PT1H', 'PT0.5S', 'PT60M'])('accepts %s', (t) => expect(check(runTimeoutRange, withTimeout(t))).toEqual([]));

  // P1M overflowed setTimeout and killed the command after 1 ms.
  it.each(['PT0S', 'P0D', 'PT1H1S', 'P1D', 'P1W', 'P1M', 'P1Y', 'PT99999999H'])('reports %s', (t) => {
    const out = check(runTimeoutRange, withTimeout(t));
    expect(out).toEqual([expect.objectContaining({ rule: 'run/timeout-range', severity: 'error', path: '/steps/2/run/timeout' })]);
    expect(out[0]?.message).toContain('give a timeout from PT1S to PT1H');
  });

  it('leaves a timeout that is not a duration to format/duration', () => {
    expect(check(runTimeoutRange, withTimeout('5 minutes'))).toEqual([]);
  });
});
