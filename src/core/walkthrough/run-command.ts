// Running a step's command from the walkthrough: show exactly what will run (each argument on its
// own line, every control character visible, the folder, the variables passed on, the timeout),
// ask, log command-started, run it (Ctrl+C stops its process group), log the result, and keep
// the result on screen until the responder continues.
import { BASE_ENV } from '../command-limits.js';
import { commandFinished, commandOutcome, EngineError, eventsFor, type Action, type Plans } from '../engine/index.js';
import { commitFromLatest } from '../commit.js';
import type { Clock, CommandResult, CommandRunner, EventLog, Interrupts, Prompter, Screen, WorkingFolder } from '../ports.js';
import type { IncidentEvent } from '../engine/index.js';
import type { Styler } from '../report/styler.js';
import { commandLines, quoteArg, safeBlock } from '../safe-text/index.js';
import { formatDuration } from '../time/duration.js';

type RunAction = Extract<Action, { kind: 'run-command' }>;

export interface RunDeps {
  log: EventLog<IncidentEvent>;
  prompter: Prompter;
  screen: Screen;
  clock: Clock;
  runner: CommandRunner;
  styler: Styler;
  workdir: WorkingFolder;
  interrupts: Interrupts;
}

export interface RunContext {
  incidentId: string;
  plans: Plans;
  actor: string;
}

/** How many lines of the command's output stay on screen; the log keeps a longer excerpt. */
const SHOWN_LINES = 20;

/** Confirm, log, run and report one command; returns a notice for the next screen ('' when none). */
export async function runStepCommand(deps: RunDeps, ctx: RunContext, action: RunAction): Promise<string> {
  const cwd = deps.workdir(action.cwd);
  deps.screen.write(confirmationText(action, cwd, deps.styler));
  if (!(await deps.prompter.confirm({ message: 'Run this command now?', default: false }))) return '';
  try {
    // Logged before it starts: a session killed while the command runs still leaves this trace.
    await commitFromLatest(deps.log, ctx.incidentId, ctx.plans, (latest) => eventsFor(latest, ctx.plans, action.id, { cwd }, deps.clock.now(), ctx.actor));
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return deps.styler.error(`Not run: ${error.message}\n`);
  }
  deps.screen.write(deps.styler.dim('Running… (Ctrl+C stops the command)\n'));
  const result = await runInterruptibly(deps, action, cwd);
  let notice = '';
  try {
    await commitFromLatest(deps.log, ctx.incidentId, ctx.plans, (latest) => commandFinished(latest, ctx.plans, result, deps.clock.now(), ctx.actor));
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    notice = deps.styler.error(`Result not recorded: ${error.message}\n`);
  }
  // After Ctrl+C the terminal has echoed ^C where the cursor was: start the result on a line of its own.
  deps.screen.write(`${result.interrupted ? '\n' : ''}${resultText(result, deps.styler)}${notice}`);
  // The result stays in view until the responder has read it: the next step screen clears it.
  await deps.prompter.select({ message: 'The command has finished', choices: [{ name: 'Continue', value: 'continue' }] });
  return notice;
}

/** The confirmation screen: nothing in an argument can hide another argument or fake a line. */
export function confirmationText(action: RunAction, cwd: string, s: Styler): string {
  const lines = [
    ...(action.description ? [safeBlock(action.description), ''] : []),
    s.bold('Command (one argument per line):'),
    ...commandLines(action.argv).map((l) => `    ${s.bold(l)}`),
    `${s.bold('Working folder:')} ${quoteArg(cwd)}`,
    `${s.bold('Environment:')} ${envText(action.env)}`,
    `${s.bold('Timeout:')} ${formatDuration(action.timeoutMs)}`,
  ];
  return lines.join('\n') + '\n';
}

/** The variables the command gets: the base set, and the names the plan adds (never values). */
export function envText(named: readonly string[]): string {
  const base = BASE_ENV.join(', ');
  return named.length === 0 ? `${base} only` : `${base}, and from the plan: ${named.map(quoteArg).join(', ')}`;
}

/** The outcome and the last lines of output, escaped: the output is hostile text too. */
export function resultText(r: CommandResult, s: Styler): string {
  const lines = safeBlock(r.output.replace(/\n+$/, '')).split('\n');
  const shown = lines.length > SHOWN_LINES ? [s.dim(`… ${lines.length - SHOWN_LINES} earlier lines are in the log (crisis log show)`), ...lines.slice(-SHOWN_LINES)] : lines;
  const outcome = `${commandOutcome(r)}, ${formatDuration(r.durationMs)}`;
  const mark = r.exitCode === 0 ? s.ok(`✔ ${outcome}`) : s.error(`✖ ${outcome}`);
  return [s.bold('Output:'), ...(r.output.trim() === '' ? [s.dim('(none)')] : shown.map((l) => `  ${l}`)), mark].join('\n') + '\n';
}

/** Run with Ctrl+C wired to the runner's abort signal (the command's own group never sees it). */
async function runInterruptibly(deps: RunDeps, action: RunAction, cwd: string): Promise<CommandResult> {
  const abort = new AbortController();
  const stop = deps.interrupts.listen(() => abort.abort());
  try {
    return await deps.runner.run(action.argv, { timeoutMs: action.timeoutMs, cwd, env: action.env, signal: abort.signal });
  } finally {
    stop();
  }
}
