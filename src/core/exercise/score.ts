// Scoring a finished run: each expectation judged, the weighted score, objective ratings, and
// whether the exercise passed (every mandatory expectation met).
import { judge, type Judgement } from './evaluate.js';
import { expectationOwner, type OwnerRole } from './owners.js';
import { rateObjective, type Rating } from './rating.js';
import { canonical, type ScoringContext } from './scoring-context.js';
import type { Exercise, Expectation } from './types.js';

export interface ExpectationResult extends Judgement {
  id: string;
  objective: string;
  type: Expectation['type'];
  description?: string;
  target: string; // what was expected, in words
  weight: number;
  mandatory: boolean;
  met: boolean;
  owner?: OwnerRole;
}

export interface ObjectiveResult {
  id: string;
  title: string;
  description?: string;
  rating?: Rating; // undefined: no expectation belongs to it
  expectations: number;
  met: number;
}

export interface Score {
  percent: number; // met weight over total weight, one decimal
  metWeight: number;
  totalWeight: number;
  met: number;
  total: number;
  mandatoryMissed: number;
}

export interface Scored {
  passed: boolean;
  score: Score;
  expectations: ExpectationResult[];
  objectives: ObjectiveResult[];
}

/** Judge every expectation, rate every objective and compute the weighted score. */
export function scoreExercise(exercise: Exercise, ctx: ScoringContext): Scored {
  const expectations = exercise.expectations.map((e): ExpectationResult => {
    const j = judge(e, ctx);
    const owner = expectationOwner(e, ctx.plans, ctx.home);
    return {
      id: e.id,
      objective: e.objective,
      type: e.type,
      ...(e.description !== undefined ? { description: e.description } : {}),
      target: targetText(e, ctx.home),
      weight: e.weight ?? 1,
      mandatory: e.mandatory ?? false,
      met: j.status === 'met',
      ...j,
      ...(owner ? { owner } : {}),
    };
  });
  const objectives = exercise.objectives.map((o): ObjectiveResult => {
    const mine = expectations.filter((e) => e.objective === o.id);
    const rating = rateObjective(mine);
    return {
      id: o.id,
      title: o.title,
      ...(o.description !== undefined ? { description: o.description } : {}),
      ...(rating ? { rating } : {}),
      expectations: mine.length,
      met: mine.filter((e) => e.met).length,
    };
  });
  const totalWeight = expectations.reduce((s, e) => s + e.weight, 0);
  const metWeight = expectations.reduce((s, e) => s + (e.met ? e.weight : 0), 0);
  const mandatoryMissed = expectations.filter((e) => e.mandatory && !e.met).length;
  const percent = totalWeight > 0 ? Math.round((metWeight / totalWeight) * 1000) / 10 : 0;
  const score = { percent, metWeight, totalWeight, met: expectations.filter((e) => e.met).length, total: expectations.length, mandatoryMissed };
  return { passed: mandatoryMissed === 0, score, expectations, objectives };
}

/** What an expectation asks for, in a few words with canonical references. */
export function targetText(e: Expectation, home: string): string {
  const ref = (r: string | undefined): string => canonical(r ?? '?', home);
  switch (e.type) {
    case 'step-reached':
      return `step ${ref(e.step)} reached`;
    case 'decision-taken':
      return `decision taken at ${ref(e.step)}${e.option !== undefined ? `: "${e.option}"` : ''}`;
    case 'level-reached':
      return `level ${ref(e.level)} reached`;
    case 'clock-met':
      return `clock ${ref(e.clock)} met`;
    case 'notification-sent':
      return e.notification !== undefined
        ? `notification ${ref(e.notification)} sent${e.to !== undefined ? ` to ${ref(e.to)}` : ''}`
        : `a notification sent to ${ref(e.to)}`;
  }
  return String(e.type);
}
