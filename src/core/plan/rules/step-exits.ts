// flow/no-exit and flow/ambiguous-exit: each step leaves in exactly one way (next, decision or end).

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from './finding.js';
import { nameOf } from './ref-sites.js';
import type { Rule } from './rule.js';
import { get, items, pointer, rec } from './safe.js';

/** The exit keys a step has, in document order: next, decision, and end when it is true. */
function exitKeys(step: unknown): string[] {
  const r = rec(step);
  if (r === undefined) return [];
  return Object.keys(r).filter((k) => {
    if (k === 'end') return r[k] === true;
    return (k === 'next' || k === 'decision') && r[k] !== undefined && r[k] !== null;
  });
}

const noExitMeta: RuleMeta = {
  id: 'flow/no-exit',
  severity: 'error',
  description: 'Every step says how it is left: a next step, a decision, or end: true.',
};

/** Reports steps with none of next, decision and end: true. */
export const noExit: Rule = {
  ...noExitMeta,
  check(ctx) {
    const out: RuleFinding[] = [];
    items(ctx.plan, 'steps').forEach((step, i) => {
      if (rec(step) === undefined || exitKeys(step).length > 0) return;
      const end = get(step, 'end') === false ? ' (end: false does not end the plan)' : '';
      const message =
        `${nameOf('step', step, i)} has no way out${end}: ` +
        'add next (the following step), a decision with options, or end: true';
      // A mistyped exit (`end: yes`, `next: 5`) is the schema's finding; this one would echo it.
      const cause = ['next', 'decision', 'end'].map((k) => pointer('steps', i, k));
      out.push(finding(noExitMeta, pointer('steps', i), message, { cause }));
    });
    return out;
  },
};

const ambiguousMeta: RuleMeta = {
  id: 'flow/ambiguous-exit',
  severity: 'error',
  description: 'A step has only one of next, decision and end: true.',
};

/** Reports steps with more than one of next, decision and end: true, at the second one. */
export const ambiguousExit: Rule = {
  ...ambiguousMeta,
  check(ctx) {
    const out: RuleFinding[] = [];
    items(ctx.plan, 'steps').forEach((step, i) => {
      const keys = exitKeys(step);
      const second = keys[1];
      if (second === undefined) return;
      const listed = keys.map((k) => (k === 'end' ? 'end: true' : k)).join(' and ');
      const message = `${nameOf('step', step, i)} has ${listed}: keep only one way out of the step`;
      out.push(finding(ambiguousMeta, pointer('steps', i, second), message, { at: 'key' }));
    });
    return out;
  },
};
