// exercise/missing-due: a scripted start of a report asked for with no deadline in law must say
// when the request makes it due, as a responder would; the run would refuse the entry otherwise.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from '../../plan/rules/finding.js';
import { get, has, items, pointer, str } from '../../plan/rules/safe.js';
import { lookup } from './lookup.js';
import type { ExerciseRule } from './rule.js';
import { entryName } from './sites.js';

const meta: RuleMeta = {
  id: 'exercise/missing-due',
  severity: 'error',
  description: 'A script entry that starts a clock with no deadline of its own gives `due`, when the request says the report is due.',
};

/** Reports start-clock entries without `due` for a clock that has no `within`. */
export const missingDue: ExerciseRule = {
  ...meta,
  check(ctx) {
    const out: RuleFinding[] = [];
    items(ctx.exercise, 'script').forEach((entry, i) => {
      const ref = str(get(entry, 'clock'));
      if (str(get(entry, 'do')) !== 'start-clock' || ref === undefined || has(entry, 'due')) return;
      const found = lookup(ctx, ref, 'clocks');
      if (found?.status !== 'ok' || has(found.element, 'within')) return;
      const message = `${entryName(entry, i)}: clock "${ref}" has no deadline of its own: add due: with when the request says the report is due, e.g. P3D`;
      out.push(finding(meta, pointer('script', i), message));
    });
    return out;
  },
};
