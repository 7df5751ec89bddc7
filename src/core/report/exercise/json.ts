// The exercise report as one JSON object on stdout, for pipelines and dashboards.
import type { ExerciseReportData } from '../../exercise/report-data.js';
import { safeJson } from '../../safe-text/index.js';

/** Bumped when a field is renamed or removed (adding fields does not bump it). */
export const EXERCISE_REPORT_VERSION = 1;

/** The report as pretty-printed JSON (ends with a newline). */
export function exerciseJson(r: ExerciseReportData): string {
  const { exercise, passed, score, objectives, expectations, clocks, timeline, problems, improvements } = r;
  const out = { reportVersion: EXERCISE_REPORT_VERSION, tlp: exercise.tlp, exercise, passed, score, objectives, expectations, clocks, timeline, problems, improvements };
  return `${safeJson(out, 2)}\n`;
}
