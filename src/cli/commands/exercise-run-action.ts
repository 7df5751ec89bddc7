// The exercise run pipeline: load and validate, run on simulated time, keep the events in an
// incident log (a temporary one unless --db), read them back, score, render, decide the exit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkOutputFile, writeOutputFile } from '../../adapters/output-file.js';
import { isPostgresUrl } from '../../adapters/postgres/connection-string.js';
import type { IncidentEvent } from '../../core/engine/index.js';
import { ProblemsFound } from '../../core/errors.js';
import { buildReport } from '../../core/exercise/report-data.js';
import { shareReport } from '../../core/exercise/report-sharing.js';
import type { Tlp } from '../../core/plan/types.js';
import { runExercise } from '../../core/exercise/run.js';
import type { EventLog } from '../../core/ports.js';
import { exerciseFormats } from '../../core/report/exercise/index.js';
import type { CliIO } from '../io.js';
import { createExerciseIncident } from '../exercise-incident.js';
import { incidentLabel } from '../incident-lookup.js';
import { loadExercise, type LoadedExercise } from '../load-exercise.js';
import { openLogAt, type OpenLog } from '../session.js';
import { refreshCheckpoint } from '../incident-head.js';
import type { ExerciseRunOptions } from './exercise.js';

/** Run the exercise in `file` and write its report to stdout; ProblemsFound when a mandatory expectation is missed. */
export async function exerciseRunAction(file: string, options: ExerciseRunOptions, io: CliIO): Promise<void> {
  const began = performance.now();
  const target = { force: options.force === true, protect: options.db === undefined ? [] : [options.db], cwd: io.cwd };
  if (options.output !== undefined) checkOutputFile(options.output, target);
  const loaded = loadExercise(file, options.plan, io.cwd, { allowOutside: options.allowOutside === true });
  const run = runExercise(loaded.exercise, loaded.plans);
  const location = options.db === undefined ? undefined : isPostgresUrl(options.db) ? options.db : resolve(io.cwd, options.db);
  const events = await withLog(location, async (log) => {
    const id = await record(log, loaded, run.start, run.events);
    const kept = await log.incident(id);
    if (options.db !== undefined) await refreshCheckpoint(log, id);
    if (options.db !== undefined) io.stderr.write(`crisis: the exercise run is kept in ${isPostgresUrl(options.db) ? log.path : options.db} as incident ${kept ? incidentLabel(kept) : id}\n`);
    // Report from what the log holds: the same events a later `crisis log show` would read.
    return (await log.events(id)).map((r) => r.event);
  });
  const full = buildReport(loaded.exercise, loaded.plans, { start: run.start, end: run.end, events, problems: run.problems });
  const level = options.tlp as Tlp | undefined;
  const report = level === undefined ? full : shareReport(full, level, loaded.exercise.metadata.tlp, loaded.plans);
  if (report.exercise.shared) io.stderr.write(`crisis: shared at TLP:${report.exercise.shared.level}: left out ${report.exercise.shared.leftOut} timeline ${report.exercise.shared.leftOut === 1 ? 'entry' : 'entries'} marked above it\n`);
  // Shared at a lower level, the HTML report leaves out the path and decisions drawn from the whole run.
  const drawn = level === undefined ? { run: { plans: loaded.plans, events } } : {};
  const text = exerciseFormats[options.format](report, { elapsedMs: performance.now() - began, ...drawn });
  if (options.output === undefined) io.stdout.write(text);
  else {
    writeOutputFile(options.output, text, target);
    io.stderr.write(`Report written to ${options.output}\n`);
  }
  if (!report.passed) {
    const missed = report.expectations.filter((e) => e.mandatory && !e.met).map((e) => e.id);
    const noun = missed.length === 1 ? 'expectation was' : 'expectations were';
    throw new ProblemsFound(`${missed.length} mandatory ${noun} missed in ${loaded.file}: ${missed.join(', ')}`);
  }
}

/** Open the log at `path`, or a temporary one deleted afterwards, and hand it to `use`. */
async function withLog<T>(path: string | undefined, use: (log: OpenLog) => Promise<T>): Promise<T> {
  const temp = path === undefined ? mkdtempSync(join(tmpdir(), 'crisis-exercise-')) : undefined;
  const log = await openLogAt(path ?? join(temp ?? '', 'exercise.db'));
  try {
    return await use(log);
  } finally {
    await log.close();
    if (temp !== undefined) rmSync(temp, { recursive: true, force: true });
  }
}

/** Create the exercise incident and append the run's events, all in one transaction. */
function record(log: EventLog<IncidentEvent>, loaded: LoadedExercise, start: Date, events: readonly IncidentEvent[]): Promise<string> {
  return createExerciseIncident(log, loaded, start, events[0]?.at ?? start.toISOString(), events);
}
