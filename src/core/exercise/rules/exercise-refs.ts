// References inside the exercise: objectives, injects and the incident's severity.
import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from '../../plan/rules/finding.js';
import { get, idIndex, items, pointer, str } from '../../plan/rules/safe.js';
import { didYouMean } from '../../plan/rules/words.js';
import { lookup } from './lookup.js';
import type { ExerciseRule } from './rule.js';
import { expectationSites } from './sites.js';

const objectiveMeta: RuleMeta = {
  id: 'exercise/unknown-objective',
  severity: 'error',
  description: 'Every expectation counts towards an objective of the exercise.',
};
const unscoredMeta: RuleMeta = {
  id: 'exercise/unscored-objective',
  severity: 'warning',
  description: 'Every objective has at least one expectation, or it cannot be rated.',
};
const injectMeta: RuleMeta = {
  id: 'exercise/unknown-inject',
  severity: 'error',
  description: 'The inject an expectation measures `within` from (after) is an inject of the exercise.',
};
const severityMeta: RuleMeta = {
  id: 'exercise/unknown-severity',
  severity: 'error',
  description: "The incident's severity is a severity of the exercise's plan.",
};

/** Reports expectations whose objective is not an objective of the exercise. */
export const unknownObjective: ExerciseRule = {
  ...objectiveMeta,
  check(ctx) {
    const known = [...idIndex(get(ctx.exercise, 'objectives')).keys()];
    return expectationSites(ctx.exercise, 'objective')
      .filter((s) => !known.includes(s.value))
      .map((s) => finding(objectiveMeta, s.path, `${s.what} "${s.value}" is not an objective of this exercise${didYouMean(s.value, known)}`));
  },
};

/** Warns about objectives no expectation counts towards. */
export const unscoredObjective: ExerciseRule = {
  ...unscoredMeta,
  check(ctx) {
    const used = new Set(expectationSites(ctx.exercise, 'objective').map((s) => s.value));
    const out: RuleFinding[] = [];
    items(ctx.exercise, 'objectives').forEach((o, i) => {
      const id = str(get(o, 'id'));
      if (id !== undefined && !used.has(id)) {
        out.push(finding(unscoredMeta, pointer('objectives', i, 'id'), `objective "${id}" has no expectation, so it cannot be rated: add one with objective: ${id}`));
      }
    });
    return out;
  },
};

/** Reports `after` values that name no inject. */
export const unknownInject: ExerciseRule = {
  ...injectMeta,
  check(ctx) {
    const known = [...idIndex(get(ctx.exercise, 'injects')).keys()];
    return expectationSites(ctx.exercise, 'after')
      .filter((s) => !known.includes(s.value))
      .map((s) => finding(injectMeta, s.path, `${s.what} "${s.value}" is not an inject of this exercise${didYouMean(s.value, known)}`));
  },
};

/** Reports an incident severity the plan does not define (the engine would refuse to open). */
export const unknownSeverity: ExerciseRule = {
  ...severityMeta,
  check(ctx) {
    const severity = str(get(get(ctx.exercise, 'incident'), 'severity'));
    const r = severity === undefined ? undefined : lookup(ctx, severity, 'severities');
    if (r?.status !== 'missing') return [];
    const known = r.known.length === 0 ? 'it defines none' : `severities: ${r.known.join(', ')}`;
    return [finding(severityMeta, pointer('incident', 'severity'), `incident severity "${r.id}" is not a severity of plan "${r.planId}"${didYouMean(r.id, r.known)} (${known})`)];
  },
};
