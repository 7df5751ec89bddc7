// exercise/script-order and exercise/out-of-time: when things happen in the simulated run.
import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from '../../plan/rules/finding.js';
import { get, items, pointer } from '../../plan/rules/safe.js';
import { atOffset, parseStart } from '../offsets.js';
import type { ExerciseRule } from './rule.js';
import { entryName } from './sites.js';

const orderMeta: RuleMeta = {
  id: 'exercise/script-order',
  severity: 'warning',
  description: 'Script entries are written in time order (the run plays them by time, which may surprise a reader).',
};
const timeMeta: RuleMeta = {
  id: 'exercise/out-of-time',
  severity: 'error',
  description: 'The incident is not opened before awareness, and no inject or script entry falls before the opening or after the end.',
};

/** Milliseconds from start of an offset; undefined when unreadable (format/duration reports it). */
function ms(start: Date, offset: unknown): number | undefined {
  return atOffset(start, offset)?.getTime();
}

/** Warns about script entries earlier than an entry written before them. */
export const scriptOrder: ExerciseRule = {
  ...orderMeta,
  check(ctx) {
    const start = parseStart(get(ctx.exercise, 'start')) ?? new Date(0);
    const out: RuleFinding[] = [];
    let latest: { t: number; index: number } | undefined;
    items(ctx.exercise, 'script').forEach((e, i) => {
      const t = ms(start, get(e, 'at'));
      if (t === undefined) return;
      if (latest !== undefined && t < latest.t) {
        out.push(finding(orderMeta, pointer('script', i, 'at'), `${entryName(e, i)} comes before script entry ${latest.index + 1} in time: keep the script in time order`));
      }
      if (latest === undefined || t >= latest.t) latest = { t, index: i };
    });
    return out;
  },
};

/** Reports an opening before awareness and injects or script entries outside the exercise's time. */
export const outOfTime: ExerciseRule = {
  ...timeMeta,
  check(ctx) {
    const ex = ctx.exercise;
    const start = parseStart(get(ex, 'start')) ?? new Date(0);
    const incident = get(ex, 'incident');
    const awareness = ms(start, get(incident, 'awareness') ?? 'PT0S');
    const opened = ms(start, get(incident, 'opened') ?? get(incident, 'awareness') ?? 'PT0S');
    const end = get(ex, 'end') === undefined ? undefined : ms(start, get(ex, 'end'));
    const out: RuleFinding[] = [];
    if (awareness !== undefined && opened !== undefined && opened < awareness) {
      out.push(finding(timeMeta, pointer('incident', 'opened'), 'the incident cannot be opened before the organisation became aware of it: make opened the same as awareness or later'));
    }
    const check = (list: string, noun: (e: unknown, i: number) => string): void => {
      items(ex, list).forEach((e, i) => {
        const t = ms(start, get(e, 'at'));
        if (t === undefined) return;
        if (opened !== undefined && t < opened) {
          out.push(finding(timeMeta, pointer(list, i, 'at'), `${noun(e, i)} is before the incident is opened: move it to the opening (incident.opened) or later`));
        } else if (end !== undefined && t > end) {
          out.push(finding(timeMeta, pointer(list, i, 'at'), `${noun(e, i)} is after the end of the exercise (end): it would never be played`));
        }
      });
    };
    check('injects', (e, i) => `inject ${String(get(e, 'id') ?? i + 1)}`);
    check('script', entryName);
    return out;
  },
};
