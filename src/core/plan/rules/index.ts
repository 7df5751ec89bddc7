// The semantic rules of `crisis validate`, in the order their findings are listed, and a safe runner.

import type { RuleFinding } from '../../findings.js';
import { clockAfterRequired } from './clock-after.js';
import { clockNoDeadline } from './clock-deadline.js';
import { clockNeverStarted } from './clock-never-started.js';
import { clockNotStepEntered } from './clock-not-step-entered.js';
import { sharedClockMismatch } from './clock-shared.js';
import { deadEndLoop } from './dead-end-loop.js';
import { trackNoEnd, trackUnreachable } from './track-starts.js';
import { joinDeadlock, joinTwice, joinWithoutTracks } from './tracks.js';
import { duplicateLabel, tooFewOptions } from './decision.js';
import { duplicateIds } from './duplicate-ids.js';
import { duplicateRank } from './duplicate-rank.js';
import { durationFormat } from './duration-format.js';
import { escalateNotHigher } from './escalate-not-higher.js';
import { jurisdiction } from './jurisdiction.js';
import { nis2AuthorityDesignated, nis2AuthorityTasks, nis2Coordinator } from './nis2-authority.js';
import { nis2DesignationLate } from './nis2-designation.js';
import { nis2PlanInfoLate } from './nis2-notified.js';
import { nis2Infrastructure, nis2Stakeholders, nis2UnionArrangements } from './nis2-parties.js';
import { nis2ExercisesTraining, nis2PreparednessMeasures, nis2PreparednessObjectives } from './nis2-preparedness.js';
import { nis2FrameworkIntegration, nis2InfoExchangeChannels, nis2Procedures } from './nis2-procedures.js';
import { tlpAboveChannel } from './notification-tlp.js';
import { missingParent, noHandover, unknownParent } from './parent.js';
import { reviewBeforeAdoption } from './plan-dates.js';
import type { Rule, RuleContext } from './rule.js';
import { runEmptyArgv } from './run-argv.js';
import { runControlCharacters, runTimeoutRange } from './run-command-safety.js';
import { ambiguousExit, noExit } from './step-exits.js';
import { unknownBody } from './unknown-body.js';
import { unknownChannel, unknownClock, unknownLevel, unknownNotification } from './unknown-local.js';
import { unknownPlan } from './unknown-plan.js';
import { unknownRole } from './unknown-role.js';
import { unknownStep } from './unknown-step.js';
import { unreachableStep } from './unreachable-step.js';

export type { Rule, RuleContext } from './rule.js';

/** Structural, reference and flow rules (errors unless a rule says otherwise). */
export const planRules: readonly Rule[] = [
  duplicateIds,
  unknownStep,
  unknownPlan,
  unknownRole,
  unknownLevel,
  unknownClock,
  unknownChannel,
  unknownNotification,
  unreachableStep,
  noExit,
  ambiguousExit,
  deadEndLoop,
  joinTwice,
  joinDeadlock,
  trackNoEnd,
  trackUnreachable,
  joinWithoutTracks,
  tooFewOptions,
  duplicateLabel,
  durationFormat,
  clockAfterRequired,
  clockNoDeadline,
  // Issue 8: what authors wrote that was accepted silently.
  jurisdiction,
  reviewBeforeAdoption,
  duplicateRank,
  unknownBody,
  tlpAboveChannel,
  clockNotStepEntered,
  clockNeverStarted,
  sharedClockMismatch,
  escalateNotHigher,
  missingParent,
  unknownParent,
  noHandover,
  runEmptyArgv,
  runControlCharacters,
  runTimeoutRange,
];

/** The NIS2 Art. 9 profile: warnings for national plans that leave out an element of Art. 9(1), 9(2), 9(4), or send 9(5) information late. */
export const nis2Rules: readonly Rule[] = [
  nis2AuthorityDesignated,
  nis2Coordinator,
  nis2PreparednessObjectives,
  nis2AuthorityTasks,
  nis2Procedures,
  nis2FrameworkIntegration,
  nis2InfoExchangeChannels,
  nis2PreparednessMeasures,
  nis2ExercisesTraining,
  nis2Stakeholders,
  nis2Infrastructure,
  nis2UnionArrangements,
  nis2PlanInfoLate,
  nis2DesignationLate,
];

/** The id of the finding that stands in for a rule that threw: validate reports it and carries on. */
export const RULE_CRASHED = 'internal/rule-crashed';

/** Runs rules in order and concatenates their findings; a rule that throws becomes one error finding. */
export function runRules<C = RuleContext>(rules: readonly { id: string; check(ctx: C): RuleFinding[] }[], ctx: C): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const rule of rules) {
    try {
      out.push(...rule.check(ctx));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      out.push({
        rule: RULE_CRASHED,
        severity: 'error',
        message:
          `rule ${rule.id} failed on this file (${reason}); the other rules still ran. ` +
          'This is a bug in crisis: please report it',
        path: '',
      });
    }
  }
  return out;
}
