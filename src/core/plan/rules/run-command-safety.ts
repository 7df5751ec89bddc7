// run/control-characters and run/timeout-range: a command a responder confirms must read as it
// runs, and must be stopped in a bounded time.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { MAX_COMMAND_TIMEOUT_MS } from '../../command-limits.js';
import { escapeCodePoint, isUnsafeCodePoint } from '../../safe-text/index.js';
import { addDuration, formatDuration, parseDuration } from '../../time/duration.js';
import { finding } from './finding.js';
import { nameOf } from './ref-sites.js';
import type { Rule } from './rule.js';
import { get, items, pointer, str } from './safe.js';

const controlMeta: RuleMeta = {
  id: 'run/control-characters',
  severity: 'error',
  description:
    'A command\'s run.argv and run.cwd hold no control, format or bidi character (such as ESC, CR, newline, tab or U+202E), which could make the confirmation show one command while another runs.',
};

/** Reports each argument (and the working folder) that holds a character a terminal would not show as it is. */
export const runControlCharacters: Rule = {
  ...controlMeta,
  check(ctx) {
    const out: RuleFinding[] = [];
    items(ctx.plan, 'steps').forEach((step, i) => {
      const run = get(step, 'run');
      const name = nameOf('step', step, i);
      items(run, 'argv').forEach((arg, j) => {
        const found = unsafeIn(str(arg));
        if (found) out.push(finding(controlMeta, pointer('steps', i, 'run', 'argv', j), `${name}: run.argv[${j}] ${found}`));
      });
      const found = unsafeIn(str(get(run, 'cwd')));
      if (found) out.push(finding(controlMeta, pointer('steps', i, 'run', 'cwd'), `${name}: run.cwd ${found}`));
    });
    return out;
  },
};

/** What is wrong with the text, or undefined when it has no unsafe character. */
function unsafeIn(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const escapes: string[] = [];
  let first = -1;
  let index = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isUnsafeCodePoint(cp)) {
      if (first < 0) first = index;
      const shown = escapeCodePoint(cp);
      if (!escapes.includes(shown) && escapes.length < 5) escapes.push(shown);
    }
    index++;
  }
  if (first < 0) return undefined;
  return (
    `holds ${escapes.join(', ')} (first at character ${first + 1}): ` +
    'control, format and bidi characters can make a command look like another; remove them, or run a script that the plan ships'
  );
}

const rangeMeta: RuleMeta = {
  id: 'run/timeout-range',
  severity: 'error',
  description: `A command's run.timeout is more than zero and at most PT1H (${formatDuration(MAX_COMMAND_TIMEOUT_MS)}).`,
};

/** Reports a timeout of zero, or one above the maximum (months and years always are). */
export const runTimeoutRange: Rule = {
  ...rangeMeta,
  check(ctx) {
    const out: RuleFinding[] = [];
    items(ctx.plan, 'steps').forEach((step, i) => {
      const text = str(get(get(step, 'run'), 'timeout'));
      const d = text === undefined ? undefined : parseDuration(text);
      if (d === undefined) return; // absent, or format/duration's finding
      const ms = addDuration(new Date(0), d).getTime();
      if (ms > 0 && ms <= MAX_COMMAND_TIMEOUT_MS) return;
      const name = nameOf('step', step, i);
      const problem = ms <= 0 ? 'is zero, which would stop the command before it starts' : `is longer than the maximum of PT1H`;
      out.push(finding(rangeMeta, pointer('steps', i, 'run', 'timeout'), `${name}: run.timeout "${text}" ${problem}: give a timeout from PT1S to PT1H, such as PT5M`));
    });
    return out;
  },
};
