// The semantic rules for exercises, and checkExercise() as check-documents' KindRules wants it.
import type { RuleFinding } from '../../findings.js';
import { runRules } from '../../plan/rules/index.js';
import { get, str } from '../../plan/rules/safe.js';
import type { Plan } from '../../plan/types.js';
import { duplicateId, duplicateInject } from './duplicate-ids.js';
import { exerciseDurationFormat } from './duration-format.js';
import { unknownInject, unknownObjective, unknownSeverity, unscoredObjective } from './exercise-refs.js';
import type { ExerciseContext, ExerciseRule } from './rule.js';
import { outOfTime, scriptOrder } from './timing.js';
import { unknownAction, unknownOption } from './unknown-option.js';
import { missingDue } from './missing-due.js';
import { unknownPlan } from './unknown-plan.js';
import { unknownClock, unknownLevel, unknownNotification, unknownRole, unknownStep } from './unknown-refs.js';

export type { ExerciseContext, ExerciseRule } from './rule.js';

/** Every exercise rule, in the order their findings are listed. */
export const exerciseRules: readonly ExerciseRule[] = [
  duplicateInject,
  duplicateId,
  unknownPlan,
  unknownStep,
  unknownOption,
  unknownAction,
  unknownRole,
  unknownClock,
  missingDue,
  unknownLevel,
  unknownNotification,
  unknownSeverity,
  unknownObjective,
  unknownInject,
  unscoredObjective,
  exerciseDurationFormat,
  outOfTime,
  scriptOrder,
];

/** Findings of every exercise rule on one (possibly schema-invalid) exercise; a rule that throws becomes one finding. */
export function checkExercise(value: unknown, plans: ReadonlyMap<string, Plan>): RuleFinding[] {
  const ctx: ExerciseContext = { exercise: value, plans, planId: str(get(value, 'plan')) };
  return runRules(exerciseRules, ctx);
}
