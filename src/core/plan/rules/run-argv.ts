// run/empty-argv: a command step must name a program; empty arguments are almost always a mistake.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from './finding.js';
import { nameOf } from './ref-sites.js';
import type { Rule } from './rule.js';
import { get, items, pointer } from './safe.js';

const meta: RuleMeta = {
  id: 'run/empty-argv',
  severity: 'error',
  description: 'A step that runs a command has a non-empty argv with no empty strings.',
};

/** Reports an empty run.argv, a blank program name, and each empty argument. */
export const runEmptyArgv: Rule = {
  ...meta,
  check(ctx) {
    const out: RuleFinding[] = [];
    items(ctx.plan, 'steps').forEach((step, i) => {
      const argv = get(get(step, 'run'), 'argv');
      if (!Array.isArray(argv)) return; // missing or mistyped: the schema's finding
      const name = nameOf('step', step, i);
      if (argv.length === 0) {
        const message = `${name}: run.argv is empty: list the program and its arguments, e.g. [ping, -c, "1", host]`;
        out.push(finding(meta, pointer('steps', i, 'run', 'argv'), message));
        return;
      }
      argv.forEach((arg: unknown, j) => {
        // A lone space can be a real argument (tr ' ' _); a blank program name never is.
        if (typeof arg !== 'string' || (j === 0 ? arg.trim() !== '' : arg !== '')) return;
        const what = j === 0 ? 'the program name' : `argument ${j}`;
        const message = `${name}: run.argv has an empty string as ${what}: remove it or fill it in`;
        out.push(finding(meta, pointer('steps', i, 'run', 'argv', j), message));
      });
    });
    return out;
  },
};
