// decision/too-few-options and decision/duplicate-label: a decision offers real, distinguishable choices.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from './finding.js';
import { nameOf } from './ref-sites.js';
import type { Rule } from './rule.js';
import { get, items, pointer, str } from './safe.js';

const tooFewMeta: RuleMeta = {
  id: 'decision/too-few-options',
  severity: 'error',
  description: 'A decision offers at least two options.',
};

/** Reports decisions with fewer than two options (a single path is a plain next). */
export const tooFewOptions: Rule = {
  ...tooFewMeta,
  check(ctx) {
    const out: RuleFinding[] = [];
    items(ctx.plan, 'steps').forEach((step, i) => {
      const options = get(get(step, 'decision'), 'options');
      // A missing or mistyped options list is the schema's finding.
      if (!Array.isArray(options) || options.length >= 2) return;
      const count = options.length === 1 ? 'only one option' : 'no options';
      const message =
        `the decision of ${nameOf('step', step, i)} has ${count}: a decision needs at least two ` +
        '(for a single way on, use next instead)';
      out.push(finding(tooFewMeta, pointer('steps', i, 'decision', 'options'), message));
    });
    return out;
  },
};

const duplicateMeta: RuleMeta = {
  id: 'decision/duplicate-label',
  severity: 'error',
  description: 'The options of a decision have different labels (ignoring case and surrounding spaces).',
};

/** Reports an option whose label repeats an earlier option's label of the same decision. */
export const duplicateLabel: Rule = {
  ...duplicateMeta,
  check(ctx) {
    const out: RuleFinding[] = [];
    items(ctx.plan, 'steps').forEach((step, i) => {
      const seen = new Map<string, number>();
      items(get(step, 'decision'), 'options').forEach((option, j) => {
        const label = str(get(option, 'label'));
        if (label === undefined) return;
        const key = label.trim().toLowerCase();
        const earlier = seen.get(key);
        if (earlier === undefined) {
          seen.set(key, j);
          return;
        }
        const message =
          `the decision of ${nameOf('step', step, i)} has two options labelled "${label.trim()}" ` +
          `(options ${earlier + 1} and ${j + 1}): a responder could not tell them apart`;
        out.push(finding(duplicateMeta, pointer('steps', i, 'decision', 'options', j, 'label'), message));
      });
    });
    return out;
  },
};
