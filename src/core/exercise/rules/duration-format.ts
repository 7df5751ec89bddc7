// format/duration (exercise): offsets and deadlines are ISO 8601 durations the runner can compute with.
import type { RuleMeta } from '../../findings.js';
import { durationFindings } from '../../plan/rules/duration-format.js';
import { get, items, pointer } from '../../plan/rules/safe.js';
import type { ExerciseRule } from './rule.js';
import { entryName, expectationName } from './sites.js';

const meta: RuleMeta = {
  id: 'format/duration',
  severity: 'error',
  description: 'Clock deadlines, command timeouts and exercise offsets (at, by, within, end, awareness) are ISO 8601 durations such as PT24H or P1M.',
};

const EXAMPLE = 'write an ISO 8601 duration such as PT0S (at the start), PT30M, PT2H or P1D (1 day)';

/** Reports exercise offsets that are strings but not ISO 8601 durations. */
export const exerciseDurationFormat: ExerciseRule = {
  ...meta,
  check(ctx) {
    const ex = ctx.exercise;
    const incident = get(ex, 'incident');
    const sites: { value: unknown; path: string; what: string }[] = [
      { value: get(incident, 'awareness'), path: pointer('incident', 'awareness'), what: 'incident awareness' },
      { value: get(incident, 'opened'), path: pointer('incident', 'opened'), what: 'incident opened' },
      { value: get(ex, 'end'), path: pointer('end'), what: 'end' },
      ...items(ex, 'injects').map((e, i) => ({ value: get(e, 'at'), path: pointer('injects', i, 'at'), what: `inject ${i + 1}: at` })),
      ...items(ex, 'script').flatMap((e, i) =>
        ['at', 'due'].map((f) => ({ value: get(e, f), path: pointer('script', i, f), what: `${entryName(e, i)}: ${f}` })),
      ),
      ...items(ex, 'expectations').flatMap((e, i) =>
        ['by', 'within'].map((f) => ({ value: get(e, f), path: pointer('expectations', i, f), what: `${expectationName(e, i)}: ${f}` })),
      ),
    ];
    return durationFindings(meta, sites, EXAMPLE);
  },
};
