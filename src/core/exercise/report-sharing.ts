// An exercise report shared at a TLP level (`--tlp`): the report may hold a plan's roles, steps
// and clocks and the players' notes, each marked; what is marked above the level is left out, and
// the report is marked with the level. The exercise's own text (title, objectives, injects) is
// marked with the exercise: a report cannot be shared below that, and asking for it is an error.
import { UsageError } from '../errors.js';
import type { Plans } from '../engine/index.js';
import type { Tlp } from '../plan/types.js';
import { shareable } from '../report/incident/event-marking.js';
import type { ExerciseReportData } from './report-data.js';

/** The report as it may be shared at `level`; a UsageError when the exercise itself is marked above it. */
export function shareReport(report: ExerciseReportData, level: Tlp, exerciseTlp: Tlp, plans: Plans): ExerciseReportData {
  if (!shareable(exerciseTlp, level)) {
    throw new UsageError(`exercise ${report.exercise.id} is TLP:${exerciseTlp}: its report cannot be shared at TLP:${level}; ask for TLP:${exerciseTlp} or stricter`);
  }
  const planOk = (planId: string): boolean => shareable(plans.get(planId)?.metadata.tlp, level);
  const withheld = `(left out: above TLP:${level})`;
  const timeline = report.timeline.filter((l) => shareable(l.tlp, level));
  const x = report.exercise;
  const participants = x.participants.map((p) => {
    const planId = p.ref.includes('#') ? (p.ref.split('#')[0] ?? '') : x.plan.id;
    return planOk(planId) ? p : { ref: p.ref, title: withheld };
  });
  return {
    ...report,
    exercise: {
      ...x,
      tlp: level,
      shared: { level, leftOut: report.timeline.length - timeline.length },
      plan: planOk(x.plan.id) ? x.plan : { id: x.plan.id, title: withheld },
      participants,
    },
    timeline,
    clocks: report.clocks.filter((c) => planOk(c.planId)),
    improvements: report.improvements.map((i) => {
      if (!i.owner || planOk(i.owner.planId)) return i;
      const { owner: _owner, ...rest } = i;
      return rest;
    }),
  };
}
