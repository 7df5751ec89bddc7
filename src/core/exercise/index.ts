// The exercise module's public surface: the format, the runner, scoring, report data and rules.
export type * from './types.js';
export { runExercise, type ExerciseRun } from './run.js';
export { ExerciseSession, FACILITATOR, injectEvent, openInput, type EventSink, type RunProblem } from './session.js';
export { agenda, endOf, openingTimes, SimClock, type Cue } from './sim-clock.js';
export { translate, ScriptRefused, type Translated } from './translate.js';
export { scoreExercise, targetText, type ExpectationResult, type ObjectiveResult, type Score, type Scored } from './score.js';
export { rateObjective, RATING_TITLES, SOME_CHALLENGES_SHARE, type Rating } from './rating.js';
export { buildReport, type ExerciseReportData, type ReportClock, type ReportLine, type ReportOverview, type RunRecord } from './report-data.js';
export { improvementPlan, type Improvement } from './improvements.js';
export { expectationOwner, stepOwner, type OwnerRole } from './owners.js';
export { atOffset, formatOffset, parseStart } from './offsets.js';
export { checkExercise, exerciseRules, type ExerciseRule } from './rules/index.js';
