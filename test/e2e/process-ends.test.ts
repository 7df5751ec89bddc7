// No hangs: a terminal that reports 0 columns gets no spinner (ora divided by it and wrote forever),
// SIGTERM ends a run promptly, and a reader that closes stdout early (`| head -1`) ends the
// command quietly with the exit code of what it found, not a stack trace and exit 1.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binPath, projectRoot, runCli, tempDir } from '../helpers/run-cli.js';
import { hasTmux, TmuxSession } from '../helpers/tmux.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dir = tempDir();
const sessions: TmuxSession[] = [];
const pids: number[] = [];
afterAll(() => {
  // A run that hangs ignores SIGTERM and SIGHUP: kill it for good.
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already ended
    }
  }
  sessions.forEach((s) => s.kill());
  dir.cleanup();
});

/** Start `crisis ARGS` in a terminal whose stty settings are `stty`; returns its pid and where its exit code lands. */
async function startInTerminal(name: string, stty: string, args: string, stdout: 'file' | 'terminal' = 'file'): Promise<{ pid: number; rc: string; out: string }> {
  const rc = join(dir.path, `${name}.rc`);
  const pidFile = join(dir.path, `${name}.pid`);
  const out = join(dir.path, `${name}.out`);
  // A background job's stdin is /dev/null; a prompt needs the terminal's.
  const redirect = stdout === 'file' ? `> '${out}'` : '< /dev/tty';
  const line = `stty ${stty}; cd '${projectRoot}'; node '${binPath}' ${args} ${redirect} & echo $! > '${pidFile}'; wait $!; echo $? > '${rc}'; sleep 30`;
  sessions.push(TmuxSession.start(name, line, { NO_COLOR: '1', TERM: 'xterm-256color', CI: null }));
  for (let i = 0; i < 100 && !existsSync(pidFile); i++) await sleep(50);
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  pids.push(pid);
  return { pid, rc, out };
}

/** The exit code once it is written, or undefined when the run has not ended within `ms`. */
async function exitWithin(rc: string, ms: number): Promise<number | undefined> {
  for (const until = Date.now() + ms; Date.now() < until; await sleep(50)) {
    if (existsSync(rc) && readFileSync(rc, 'utf8').trim() !== '') return Number(readFileSync(rc, 'utf8').trim());
  }
  return undefined;
}

describe.runIf(hasTmux() || process.env['CI'] === 'true')('crisis validate on a terminal', () => {
  const plans = join(dir.path, 'plans');
  beforeAll(() => {
    mkdirSync(plans);
    const eu = readFileSync(join(projectRoot, 'playbooks/eu/eu-circp.yaml'), 'utf8');
    for (let i = 0; i < 300; i++) writeFileSync(join(plans, `p${i}.yaml`), eu.replace('id: eu-circp', `id: copy-${i}`));
  });

  it('ends, without a spinner, on a terminal that reports 0 columns', async () => {
    const few = join(dir.path, 'few');
    mkdirSync(few);
    for (let i = 0; i < 25; i++) writeFileSync(join(few, `p${i}.yaml`), readFileSync(join(plans, `p${i}.yaml`)));
    const run = await startInTerminal('crisis-e2e-cols0', 'cols 0', `validate '${few}'`);
    expect(await exitWithin(run.rc, 30_000)).toBe(0);
    expect(readFileSync(run.out, 'utf8')).toContain('25 files, no problems');
  }, 60_000);

  it.each([
    ['with a spinner', 'cols 120', 'Validating'],
    ['on a terminal of 0 columns', 'cols 0', undefined],
  ])('ends promptly on SIGTERM %s', async (_how, stty, shown) => {
    const run = await startInTerminal(`crisis-e2e-term-${stty.replace(' ', '')}`, stty, `validate '${plans}'`);
    if (shown) await sessions.at(-1)?.waitFor(shown, 20_000);
    else await sleep(1500);
    expect(await exitWithin(run.rc, 0)).toBeUndefined(); // still validating
    process.kill(run.pid, 'SIGTERM');
    expect(await exitWithin(run.rc, 3000)).toBe(143);
  }, 60_000);
});

describe.runIf(hasTmux() || process.env['CI'] === 'true')('crisis respond on a terminal', () => {
  it('ends promptly on SIGTERM while a prompt waits for the responder', async () => {
    const plan = join(projectRoot, 'test/fixtures/plans/walk-plan.yaml');
    const db = join(dir.path, 'respond.db');
    const run = await startInTerminal('crisis-e2e-term-prompt', 'cols 120', `respond --db '${db}' --plan '${plan}' --title Drill --aware PT1H`, 'terminal');
    await sessions.at(-1)?.waitFor('❯', 20_000);
    process.kill(run.pid, 'SIGTERM');
    expect(await exitWithin(run.rc, 3000)).toBe(143);
  }, 60_000);
});

describe('a reader that closes stdout early', () => {
  const db = join(dir.path, 'log.db');
  beforeAll(async () => {
    const r = await runCli(['exercise', 'run', 'playbooks/exercises/ddos-national.yaml', '--db', db, '--format', 'json']);
    expect(r.exitCode).toBe(0);
  });

  /** Run crisis with stdout closed before it writes anything, as `| head -1` does once it has its line. */
  async function withClosedStdout(args: readonly string[]): Promise<{ exitCode: number | undefined; stderr: string }> {
    const child = execa('node', [binPath, ...args], { cwd: projectRoot, env: { NO_COLOR: '1', CI: 'true' }, reject: false, timeout: 20_000, stdout: 'pipe' });
    child.stdout.destroy();
    const result = await child;
    return { exitCode: result.exitCode, stderr: String(result.stderr) };
  }

  it.each([
    [['log', 'verify'], 0],
    [['log', 'list'], 0],
    [['log', 'export', 'ex-20260414-ddos-national', '--format', 'jsonl'], 0],
  ])('crisis %s ends quietly with its own exit code', async (args, code) => {
    const r = await withClosedStdout([...args, '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(code);
  });

  it('validate still exits 1 for an invalid plan', async () => {
    const bad = join(dir.path, 'bad.yaml');
    writeFileSync(bad, 'apiVersion: crisis/v1\nkind: Plan\n');
    const r = await withClosedStdout(['validate', bad]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(1);
  });
});
