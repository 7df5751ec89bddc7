// The CommandRunner port on node:child_process: argv form only (never a shell), in its own
// process group with a minimal environment. At the timeout or on abort the whole group is
// stopped (SIGTERM, then SIGKILL after a grace), and the result never waits for a grandchild
// or for an output pipe a grandchild still holds open.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { BASE_ENV, clampTimeout, KILL_GRACE_MS } from '../core/command-limits.js';
import { OUTPUT_LIMIT } from '../core/engine/index.js';
import type { CommandResult, CommandRunner, RunOptions } from '../core/ports.js';

/** How long output may still arrive after the command exits before the pipes are dropped. */
const DRAIN_MS = 200;

/** Runs step commands for the walkthrough. */
export const processRunner: CommandRunner = { run: runCommand };

export function runCommand(argv: readonly string[], options: RunOptions, parentEnv: NodeJS.ProcessEnv = process.env): Promise<CommandResult> {
  const [file, ...args] = argv;
  if (file === undefined) return Promise.resolve(failed('empty command'));
  // Said plainly: spawn would report a missing folder as the program's ENOENT.
  if (!existsSync(options.cwd)) return Promise.resolve(failed(`the working folder ${options.cwd} does not exist`));
  const started = performance.now();
  const output = new OutputKeeper();
  let child: ChildProcessByStdio<null, Readable, Readable>;
  try {
    child = spawn(file, args, {
      cwd: options.cwd,
      env: commandEnv(parentEnv, options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group: a timeout or Ctrl+C can stop everything it started
      shell: false,
    });
  } catch (error) {
    // A NUL byte in an argument, say: nothing started.
    return Promise.resolve(failed(`the command could not start: ${error instanceof Error ? error.message : String(error)}`));
  }
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => output.add(chunk));
  }

  let timedOut = false;
  let interrupted = false;
  let killTimer: NodeJS.Timeout | undefined;
  const stopGroup = (): void => {
    if (killTimer !== undefined) return;
    signalGroup(child.pid, 'SIGTERM');
    // Not cleared when the child exits: a grandchild that ignores SIGTERM still gets SIGKILL,
    // at the latest when crisis itself exits (the timer does not keep Node alive).
    const pid = child.pid;
    if (pid !== undefined) groupsToKill.add(pid);
    killTimer = setTimeout(() => {
      signalGroup(pid, 'SIGKILL');
      if (pid !== undefined) groupsToKill.delete(pid);
    }, KILL_GRACE_MS);
    killTimer.unref();
  };
  const timer = setTimeout(() => {
    timedOut = true;
    stopGroup();
  }, clampTimeout(options.timeoutMs));
  const onAbort = (): void => {
    interrupted = true;
    stopGroup();
  };
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });

  return new Promise((resolve) => {
    let done = false;
    const finish = (exitCode: number | null, failure = '', signal: NodeJS.Signals | null = null): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      // Whatever the command left running in its group is part of it, and stops with it.
      if (child.pid !== undefined && !timedOut && !interrupted) stopGroup();
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({
        exitCode: timedOut || interrupted ? null : exitCode,
        timedOut,
        ...(interrupted ? { interrupted: true } : {}),
        ...(signal !== null && !timedOut && !interrupted ? { signal } : {}),
        durationMs: Math.round(performance.now() - started),
        output: failure + output.text(),
      });
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish(null, `${error.code === 'ENOENT' ? `command not found (ENOENT): ${file}` : error.message}\n`);
    });
    child.on('exit', (code, signal) => {
      // Output still in the pipes comes in a moment; a pipe a grandchild holds is not waited for.
      const drain = setTimeout(() => finish(code, '', signal), DRAIN_MS);
      child.on('close', () => {
        clearTimeout(drain);
        finish(code, '', signal);
      });
    });
  });
}

function failed(reason: string): CommandResult {
  return { exitCode: null, timedOut: false, durationMs: 0, output: `${reason}\n` };
}

/** The base variables (PATH, HOME, LANG, LC_*, TERM, TZ) and the ones the plan names; nothing else. */
export function commandEnv(parent: NodeJS.ProcessEnv, named: readonly string[]): Record<string, string> {
  const keep = new Set<string>([...BASE_ENV.filter((n) => !n.endsWith('*')), ...named]);
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(parent)) {
    if (value !== undefined && (keep.has(name) || name.startsWith('LC_'))) env[name] = value;
  }
  return env;
}

/** Groups sent SIGTERM whose SIGKILL is still due: killed at once if crisis exits first. */
const groupsToKill = new Set<number>();
process.once('exit', () => {
  for (const pid of groupsToKill) signalGroup(pid, 'SIGKILL');
});

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

// Head and tail together with the marker stay under OUTPUT_LIMIT, so the log keeps this excerpt as it is.
const HALF = OUTPUT_LIMIT / 2 - 50;

/** Keeps the head and the tail of the output, so a runaway command cannot fill the memory. */
class OutputKeeper {
  private head = '';
  private tail = '';
  private total = 0;

  add(chunk: string): void {
    this.total += chunk.length;
    const room = HALF - this.head.length;
    if (room > 0) {
      this.head += chunk.slice(0, room);
      chunk = chunk.slice(room);
    }
    if (chunk) this.tail = (this.tail + chunk).slice(-HALF);
  }

  text(): string {
    const left = this.total - this.head.length - this.tail.length;
    return left > 0 ? `${this.head}\n… (${left} characters left out) …\n${this.tail}` : this.head + this.tail;
  }
}
