// `crisis exercise play FILE`: a facilitated exercise. Injects come out when the facilitator says
// so (or on an accelerated clock); the players act through the same walkthrough as `crisis respond`;
// the run is scored and reported like `exercise run`.
import { homedir } from 'node:os';
import { availableActions, eventsFor, fold, openIncident, type Plans } from '../../core/engine/index.js';
import { commitFromLatest } from '../../core/commit.js';
import { ProblemsFound, UsageError } from '../../core/errors.js';
import { formatOffset, parseStart } from '../../core/exercise/offsets.js';
import { injectSchedule, pendingInjects, PlayClock, resumePoint } from '../../core/exercise/pacer.js';
import { buildReport } from '../../core/exercise/report-data.js';
import { FACILITATOR, openInput } from '../../core/exercise/session.js';
import { openingTimes } from '../../core/exercise/sim-clock.js';
import type { Exercise } from '../../core/exercise/types.js';
import { exerciseFormats } from '../../core/report/exercise/index.js';
import { sinceStart } from '../../core/report/exercise/format.js';
import { sigintInterrupts, workingFolder } from '../../adapters/command-context.js';
import { processRunner } from '../../adapters/process-runner.js';
import { pagerFrom } from '../../adapters/env-pager.js';
import { createInquirerPrompter } from '../../adapters/inquirer-prompter.js';
import { systemClock } from '../../adapters/system-clock.js';
import { terminalScreen } from '../../adapters/terminal-screen.js';
import { checkOutputFile, writeOutputFile, type OutputFileOptions } from '../../adapters/output-file.js';
import { resolveDbPath } from '../../adapters/sqlite/db-path.js';
import type { CliIO } from '../io.js';
import { createExerciseIncident } from '../exercise-incident.js';
import { walkPolled } from '../team-walk.js';
import { incidentLabel } from '../incident-lookup.js';
import { loadExercise, type LoadedExercise } from '../load-exercise.js';
import { commandFor, localTime, openLog, responderName } from '../session.js';
import { refreshCheckpoint } from '../incident-head.js';
import { quoteArg } from '../../core/safe-text/index.js';
import { colourEnabled, createStyler } from '../styler.js';
import { facilitatorHooks, facilitatorNote } from '../../core/exercise/facilitation.js';
import type { ExercisePlayOptions } from './exercise.js';

type Log = Awaited<ReturnType<typeof openLog>>;

/** Play the exercise with people in the room; write the report when it ends. */
export async function exercisePlayAction(file: string, options: ExercisePlayOptions, io: CliIO): Promise<void> {
  const target: OutputFileOptions = {
    force: options.force === true,
    protect: [resolveDbPath({ ...(options.db === undefined ? {} : { flag: options.db }), env: io.env, home: homedir() })],
    cwd: io.cwd,
  };
  // Refused now rather than after an hour of play, when the report is due.
  if (options.output !== undefined) checkOutputFile(options.output, target);
  if (!io.stdinIsTTY || !io.stdout.isTTY) {
    throw new UsageError('crisis exercise play needs a terminal; for an unattended run use crisis exercise run FILE');
  }
  const speed = parseSpeed(options.speed);
  const loaded = loadExercise(file, options.plan, io.cwd, { allowOutside: options.allowOutside === true });
  const { exercise, plans } = loaded;
  const start = parseStart(exercise.start);
  if (!start) throw new UsageError(`${loaded.file}: start '${exercise.start}' is not an RFC 3339 time`);
  const log = await openLog(io, options.db);
  let id = options.incident;
  const resumeHint = () => commandFor(io, log.path, `exercise play ${quoteArg(file)} --incident ${id ?? 'ID'}`);
  try {
    id = id === undefined ? await openExercise(log, loaded, start) : await checkResumable(log, id, exercise);
    const state = fold(plans, (await log.events(id)).map((r) => r.event));
    const clock = new PlayClock(systemClock, resumePoint(state, start), speed);
    const styler = createStyler(colourEnabled(io.env, io.stdout.isTTY));
    const prompter = createInquirerPrompter(() => `interrupted; everything confirmed so far is saved. Resume with: ${resumeHint()}`);
    const hooks = facilitatorHooks({ log, plans, incidentId: id, exercise, schedule: injectSchedule(exercise, start), start, clock, prompter, styler });
    const deps = { log, prompter, screen: terminalScreen(), clock, runner: processRunner, styler, formatTime: localTime, workdir: workingFolder(io.cwd), interrupts: sigintInterrupts, ...pagerFrom(io.env) };
    const actor = responderName(io, options.responder);
    const outcome = await walkPolled(deps, { incidentId: id, plans, actor, hooks, resumeHint: resumeHint() });
    if (outcome === 'paused') {
      // Logged so that resuming starts the exercise clock where it stood.
      await facilitatorNote({ log, plans, incidentId: id, clock }, `Exercise paused at ${sinceStart(clock.now().toISOString(), start.toISOString())}`);
      const record = await log.incident(id);
      const named = record ? incidentLabel(record) : id;
      io.stdout.write(`Paused at ${sinceStart(clock.now().toISOString(), start.toISOString())}: ${named}. Resume with: ${resumeHint()}\n`);
      await refreshCheckpoint(log, id);
      return;
    }
    const end = await endex(log, id, plans, exercise, clock.now());
    await refreshCheckpoint(log, id);
    const events = (await log.events(id)).map((r) => r.event);
    const pending = pendingInjects(injectSchedule(exercise, start), fold(plans, events)).length;
    const problems = pending === 0 ? [] : [{ source: 'end' as const, index: 0, offset: formatOffset(end.getTime() - start.getTime()), message: `${pending} inject(s) were never released` }];
    const report = buildReport(exercise, plans, { start, end, events, problems });
    const text = exerciseFormats[options.format](report, { run: { plans, events } });
    if (options.output === undefined) io.stdout.write(text);
    else writeReport(options.output, text, target, io);
    if (!report.passed) throw new ProblemsFound(`mandatory expectations were missed in ${loaded.file}; the report lists them`);
  } finally {
    await log.close();
  }
}

function parseSpeed(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const speed = Number(text);
  if (!Number.isFinite(speed) || speed <= 0 || speed > 100_000) {
    throw new UsageError(`--speed '${text}' is not a speed: give how many exercise seconds pass per real second, e.g. 60`);
  }
  return speed;
}

/** A new exercise incident in the log, opened at the exercise's simulated opening time. */
function openExercise(log: Log, loaded: LoadedExercise, start: Date): Promise<string> {
  const { exercise, plans } = loaded;
  const { awareness, opened } = openingTimes(exercise, start);
  return createExerciseIncident(log, loaded, start, opened.toISOString(), openIncident(plans, openInput(exercise, plans, awareness, opened)));
}

async function checkResumable(log: Log, id: string, exercise: Exercise): Promise<string> {
  const record = await log.incident(id);
  if (!record) throw new UsageError(`there is no incident ${id} in ${log.path}; list them with crisis log list`);
  if (record.closed) throw new UsageError(`exercise incident ${id} has ended; see it with crisis log show ${id}`);
  if (record.planId !== exercise.plan || !record.title.startsWith(`Exercise ${exercise.metadata.title}:`)) {
    throw new UsageError(`incident ${id} was not opened by this exercise (${exercise.metadata.id}); give the exercise file it was played from`);
  }
  return id;
}

/** ENDEX: close the incident if the players left it open; the end of the exercise is returned. */
async function endex(log: Log, id: string, plans: Plans, exercise: Exercise, now: Date): Promise<Date> {
  let end = now;
  await commitFromLatest(log, id, plans, (state) => {
    if (state.closed) {
      end = new Date(state.closedAt ?? now.toISOString());
      return [];
    }
    const close = availableActions(state, plans).find((a) => a.kind === 'close');
    return close ? eventsFor(state, plans, close, { summary: `Exercise ${exercise.metadata.id} ended by the facilitator (ENDEX).` }, now, FACILITATOR) : [];
  });
  return end;
}

function writeReport(name: string, text: string, target: OutputFileOptions, io: CliIO): void {
  try {
    writeOutputFile(name, text, target);
  } catch (error) {
    // The file was fine when play began; do not lose the report of the whole exercise now.
    io.stdout.write(text);
    throw error;
  }
  io.stdout.write(`Report written to ${name}\n`);
}
