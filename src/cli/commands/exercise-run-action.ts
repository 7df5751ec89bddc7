// The exercise run pipeline: load and validate, run on simulated time, keep the events in an
// incident log (a temporary one unless --db), read them back, score, render, decide the exit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openEventLog } from '../../adapters/sqlite/sqlite-event-log.js';
import type { IncidentEvent } from '../../core/engine/index.js';
import { ProblemsFound } from '../../core/errors.js';
import { buildReport } from '../../core/exercise/report-data.js';
import { runExercise } from '../../core/exercise/run.js';
import type { EventLog } from '../../core/ports.js';
import { exerciseFormats } from '../../core/report/exercise/index.js';
import type { CliIO } from '../io.js';
import { loadExercise, type LoadedExercise } from '../load-exercise.js';
import type { ExerciseRunOptions } from './exercise.js';

/** Run the exercise in `file` and write its report to stdout; ProblemsFound when a mandatory expectation is missed. */
export async function exerciseRunAction(file: string, options: ExerciseRunOptions, io: CliIO): Promise<void> {
  const loaded = loadExercise(file, options.plan, io.cwd);
  const run = runExercise(loaded.exercise, loaded.plans);
  const events = withLog(options.db === undefined ? undefined : resolve(io.cwd, options.db), (log) => {
    const id = record(log, loaded, run.events);
    if (options.db !== undefined) io.stderr.write(`crisis: the exercise run is kept in ${options.db} as incident ${id}\n`);
    // Report from what the log holds: the same events a later `crisis log show` would read.
    return log.events(id).map((r) => r.event);
  });
  const report = buildReport(loaded.exercise, loaded.plans, { start: run.start, end: run.end, events, problems: run.problems });
  io.stdout.write(exerciseFormats[options.format](report));
  if (!report.passed) {
    const missed = report.expectations.filter((e) => e.mandatory && !e.met).map((e) => e.id);
    const noun = missed.length === 1 ? 'expectation was' : 'expectations were';
    throw new ProblemsFound(`${missed.length} mandatory ${noun} missed in ${loaded.file}: ${missed.join(', ')}`);
  }
}

/** Open the log at `path`, or a temporary one deleted afterwards, and hand it to `use`. */
function withLog<T>(path: string | undefined, use: (log: EventLog<IncidentEvent>) => T): T {
  const temp = path === undefined ? mkdtempSync(join(tmpdir(), 'crisis-exercise-')) : undefined;
  const log = openEventLog<IncidentEvent>(path ?? join(temp ?? '', 'exercise.db'));
  try {
    return use(log);
  } finally {
    log.close();
    if (temp !== undefined) rmSync(temp, { recursive: true, force: true });
  }
}

/** Create the exercise incident (a fresh id if the log already has one) and append the run's events. */
function record(log: EventLog<IncidentEvent>, loaded: LoadedExercise, events: readonly IncidentEvent[]): string {
  const { exercise } = loaded;
  // Deterministic, like the run: the simulated start day and the exercise id (inc-… ids are real incidents).
  const base = `ex-${new Date(Date.parse(exercise.start)).toISOString().slice(0, 10).replace(/-/g, '')}-${exercise.metadata.id}`;
  let id = base;
  for (let n = 2; log.incident(id) !== undefined; n++) id = `${base}-${n}`;
  const opened = events[0];
  const used = new Set([exercise.plan, ...events.flatMap((e) => (e.type === 'plan-handed-over' ? [e.to.planId] : []))]);
  log.createIncident({
    id,
    title: `Exercise ${exercise.metadata.title}: ${exercise.incident.title}`,
    planId: exercise.plan,
    createdAt: opened?.at ?? new Date(Date.parse(exercise.start)).toISOString(),
    plans: [...used].flatMap((planId) => {
      const text = loaded.texts.get(planId);
      return text === undefined ? [] : [{ planId, text }];
    }),
  });
  for (const event of events) log.append(id, event);
  return id;
}
