// Everything an exercise report shows, as plain data: built from the events of a run (or of a
// facilitated run read back from the log), so every renderer and the JSON output agree.
import { clockStatus, fold, type ClockStatusKind, type IncidentEvent, type Plans } from '../engine/index.js';
import type { Tlp } from '../plan/types.js';
import { strictestTlp } from '../tlp.js';
import { eventMarkings } from '../report/incident/event-marking.js';
import { incidentTlp } from '../report/incident/marking.js';
import { formatOffset } from './offsets.js';
import { improvementPlan, type Improvement } from './improvements.js';
import { scoreExercise, type Scored } from './score.js';
import type { RunProblem } from './session.js';
import type { Exercise } from './types.js';

export interface ReportOverview {
  id: string;
  title: string;
  version: string;
  /** The report's marking: never less strict than the exercise, the plans it ran on and its events. */
  tlp: Tlp;
  /** Set when the report is shared at a TLP level below what it holds (`--tlp`): what it left out. */
  shared?: { level: Tlp; leftOut: number };
  description?: string;
  plan: { id: string; title: string };
  start: string;
  end: string;
  duration: string; // ISO 8601 offset of the end
  incident: string;
  participants: { ref: string; title: string }[];
  objectives: { id: string; title: string; description?: string }[];
}

export interface ReportClock {
  planId: string;
  id: string;
  title: string;
  basis: string;
  status: ClockStatusKind;
  startedAt: string;
  dueAt: string;
  metAt?: string;
  marginMs: number; // time left (running) or to spare (met); negative when late or overdue
}

export interface ReportLine {
  tlp: Tlp; // the event's marking (its plan's TLP, or stricter)
  offset: string; // from start, ISO 8601 (PT2H30M)
  at: string;
  actor: string;
  kind: 'inject' | 'response';
  planId: string;
  stepId?: string;
  summary: string;
  message?: string; // injects: what the players were told
  facts?: Record<string, string | number | boolean>; // injects: the facts revealed
}

export interface ExerciseReportData extends Scored {
  exercise: ReportOverview;
  clocks: ReportClock[];
  timeline: ReportLine[];
  problems: RunProblem[];
  improvements: Improvement[];
}

export interface RunRecord {
  start: Date;
  end: Date;
  events: readonly IncidentEvent[];
  problems: readonly RunProblem[];
}

/** The report of a run: overview, timeline, clocks at the end, score, ratings and improvements. */
export function buildReport(exercise: Exercise, plans: Plans, run: RunRecord): ExerciseReportData {
  const state = fold(plans, run.events);
  const home = exercise.plan;
  const scored = scoreExercise(exercise, { plans, home, state, start: run.start, end: run.end });
  const offset = (iso: string): string => formatOffset(Date.parse(iso) - run.start.getTime());
  const markings = eventMarkings(run.events, state, plans);
  const timeline = state.timeline.map((t, i): ReportLine => {
    const event = run.events[t.seq - 1];
    const inject = event?.type === 'inject-released' ? event : undefined;
    return {
      // An inject is the exercise's own text, marked with the exercise.
      tlp: inject ? strictestTlp([exercise.metadata.tlp, markings[i]]) : (markings[i] ?? 'CLEAR'),
      offset: offset(t.at),
      at: t.at,
      actor: t.actor,
      kind: inject ? 'inject' : 'response',
      planId: t.planId,
      ...(t.stepId !== undefined ? { stepId: t.stepId } : {}),
      summary: t.summary,
      ...(inject ? { message: inject.message } : {}),
      ...(inject?.facts !== undefined ? { facts: { ...inject.facts } } : {}),
    };
  });
  const clocks = clockStatus(state, run.end).map((c): ReportClock => {
    const late = c.status === 'overdue' || c.status === 'met-late';
    return {
      planId: c.planId,
      id: c.id,
      title: c.title,
      basis: c.basis,
      status: c.status,
      startedAt: c.startedAt,
      dueAt: c.dueAt,
      ...(c.metAt !== undefined ? { metAt: c.metAt } : {}),
      marginMs: late ? -c.overdueMs : c.remainingMs,
    };
  });
  const tlp = strictestTlp([exercise.metadata.tlp, incidentTlp(state, plans), ...timeline.map((l) => l.tlp)]);
  return {
    exercise: { ...overview(exercise, plans, run), tlp },
    ...scored,
    clocks,
    timeline,
    problems: [...run.problems],
    improvements: improvementPlan(exercise, scored, run.start),
  };
}

function overview(exercise: Exercise, plans: Plans, run: RunRecord): ReportOverview {
  const m = exercise.metadata;
  const roleTitle = (ref: string): string => {
    const [planId, id] = ref.includes('#') ? ref.split('#') : [exercise.plan, ref];
    return plans.get(planId ?? '')?.roles.find((r) => r.id === id)?.title ?? ref;
  };
  return {
    id: m.id,
    title: m.title,
    version: m.version,
    tlp: m.tlp,
    ...(m.description !== undefined ? { description: m.description } : {}),
    plan: { id: exercise.plan, title: plans.get(exercise.plan)?.metadata.title ?? exercise.plan },
    start: run.start.toISOString(),
    end: run.end.toISOString(),
    duration: formatOffset(run.end.getTime() - run.start.getTime()),
    incident: exercise.incident.title,
    participants: exercise.participants.map((ref) => ({ ref, title: roleTitle(ref) })),
    objectives: exercise.objectives.map((o) => ({ id: o.id, title: o.title, ...(o.description !== undefined ? { description: o.description } : {}) })),
  };
}
