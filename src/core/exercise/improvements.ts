// The improvement plan: each missed expectation, what was missed, and the role that owns it.
import { formatDuration } from '../time/duration.js';
import type { OwnerRole } from './owners.js';
import type { Scored } from './score.js';
import type { Exercise } from './types.js';

export interface Improvement {
  expectation: string;
  objective: string;
  objectiveTitle: string;
  mandatory: boolean;
  issue: string; // what was missed and by how much
  owner?: OwnerRole; // who should act on it, from the plan
}

/** One entry per missed expectation, mandatory ones first, then in the order of the objectives. */
export function improvementPlan(exercise: Exercise, scored: Scored, start: Date): Improvement[] {
  const order = new Map(exercise.objectives.map((o, i) => [o.id, i]));
  return scored.expectations
    .filter((e) => !e.met)
    .map((e): Improvement => {
      const due = e.deadline !== undefined ? ` (due T+${formatDuration(Date.parse(e.deadline) - start.getTime())})` : '';
      return {
        expectation: e.id,
        objective: e.objective,
        objectiveTitle: exercise.objectives.find((o) => o.id === e.objective)?.title ?? e.objective,
        mandatory: e.mandatory,
        issue: `${e.description ?? e.target}: ${e.detail}${due}`,
        ...(e.owner ? { owner: e.owner } : {}),
      };
    })
    .sort((a, b) => Number(b.mandatory) - Number(a.mandatory) || (order.get(a.objective) ?? 0) - (order.get(b.objective) ?? 0));
}
