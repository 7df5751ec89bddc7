import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commandEnv, processRunner, runCommand } from '../../src/adapters/process-runner.js';
import { excerpt } from '../../src/core/engine/index.js';

const cwd = process.cwd();
const opts = (timeoutMs: number, extra: { env?: string[]; cwd?: string; signal?: AbortSignal } = {}) => ({ timeoutMs, cwd, env: [], ...extra });
const dir = realpathSync(mkdtempSync(join(tmpdir(), 'crisis-runner-')));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Whether a process of the group `pgid` still runs (a zombie waiting for init to reap it has stopped). */
function groupAlive(pgid: number): boolean {
  const rows = execFileSync('ps', ['-eo', 'pgid=,stat=']).toString().split('\n');
  return rows.some((row) => {
    const [group, stat = ''] = row.trim().split(/\s+/);
    return Number(group) === pgid && !stat.startsWith('Z');
  });
}

/** The pid the command printed first (sh's $$, the group leader). */
const leader = (output: string): number => Number(/^(\d+)/.exec(output.trim())?.[1]);

describe('processRunner', () => {
  it('runs argv without a shell and keeps exit code and output', async () => {
    const r = await processRunner.run(['node', '-e', 'console.log("evidence $HOME"); process.exit(3)'], opts(10_000));
    expect(r).toMatchObject({ exitCode: 3, timedOut: false });
    expect(r.output).toContain('evidence $HOME'); // no shell expanded it
  });

  it('stops a command at its timeout', async () => {
    const r = await processRunner.run(['node', '-e', 'setTimeout(() => {}, 60000)'], opts(300));
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).toBeNull();
  });

  it('reports a command that does not exist instead of throwing', async () => {
    const r = await processRunner.run(['no-such-command-crisis-test'], opts(5_000));
    expect(r.exitCode).toBeNull();
    expect(r.output).toMatch(/ENOENT|not found/);
  });

  it('keeps only the head and the tail of long output', async () => {
    const r = await processRunner.run(['node', '-e', 'process.stdout.write("a" + "x".repeat(100000) + "z")'], opts(10_000));
    expect(r.output.length).toBeLessThan(5_000);
    expect(r.output.startsWith('a')).toBe(true);
    expect(r.output.endsWith('z')).toBe(true);
    const left = Number(/… \((\d+) characters left out\) …/.exec(r.output)?.[1]);
    const kept = r.output.replace(/\n… \(\d+ characters left out\) …\n/, '').length;
    expect(kept + left).toBe(100_002);
    expect(excerpt(r.output)).toBe(r.output); // the log keeps it as it is: one marker, the right count
  });

  it('says so when the working folder does not exist, and when an argument cannot be passed', async () => {
    const missing = await processRunner.run(['ls'], opts(5_000, { cwd: join(dir, 'nope') }));
    expect(missing).toMatchObject({ exitCode: null, timedOut: false });
    expect(missing.output).toContain('does not exist');
    const nul = await processRunner.run(['echo', 'a\0b'], opts(5_000));
    expect(nul.output).toContain('could not start');
  });

  // Issue 7: a 2 s timeout returned after 30-60 s and a sleep survived as an orphan.
  it('stops the whole process group at the timeout, without waiting for grandchildren or their pipes', async () => {
    const t0 = Date.now();
    const r = await processRunner.run(['sh', '-c', 'echo $$; sleep 30 & sleep 30'], opts(1_000));
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(r.timedOut).toBe(true);
    const pgid = leader(r.output);
    expect(pgid).toBeGreaterThan(1);
    await new Promise((done) => setTimeout(done, 300));
    expect(groupAlive(pgid)).toBe(false);
  });

  it('kills a group that ignores SIGTERM after the grace', async () => {
    const t0 = Date.now();
    const r = await processRunner.run(['sh', '-c', "trap '' TERM; echo $$; sleep 30 & sleep 30"], opts(500));
    expect(Date.now() - t0).toBeLessThan(6_000);
    expect(r.timedOut).toBe(true);
    await new Promise((done) => setTimeout(done, 300));
    expect(groupAlive(leader(r.output))).toBe(false);
  });

  it('returns when the command exits even if a grandchild keeps the output pipe open', async () => {
    const t0 = Date.now();
    const r = await processRunner.run(['sh', '-c', 'echo $$; echo done; sleep 30 &'], opts(60_000));
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(r).toMatchObject({ exitCode: 0, timedOut: false });
    expect(r.output).toContain('done');
    await new Promise((done) => setTimeout(done, 300));
    expect(groupAlive(leader(r.output))).toBe(false); // what it left running stopped with it
  });

  it('kills a group that ignores SIGTERM when crisis exits before the grace is over', async () => {
    // A process of its own, as crisis is: it runs the command, and exits as soon as it has a result.
    const runner = join(import.meta.dirname, '../../dist/adapters/process-runner.js');
    const script = `import(${JSON.stringify(runner)}).then(async ({ processRunner }) => {
      const r = await processRunner.run(['sh', '-c', "trap '' TERM; echo $$; sleep 30 &"], { timeoutMs: 60000, cwd: ${JSON.stringify(cwd)}, env: [] });
      process.stdout.write(r.output);
    });`;
    const out = execFileSync('node', ['--input-type=module', '-e', script]).toString();
    await new Promise((done) => setTimeout(done, 300));
    expect(groupAlive(leader(out))).toBe(false);
  });

  it('names the signal that ended a command', async () => {
    const r = await processRunner.run(['sh', '-c', 'kill -KILL $$'], opts(10_000));
    expect(r).toMatchObject({ exitCode: null, timedOut: false, signal: 'SIGKILL' });
  });

  // Issue 7: the child inherited the responder's whole environment (SECRET_TOKEN).
  it('gives the command a minimal environment plus only the variables the plan names', async () => {
    const env = { PATH: process.env['PATH'], HOME: '/home/ana', LC_TIME: 'de_DE.UTF-8', SECRET_TOKEN: 's3cret', KUBECONFIG: '/k/config' };
    const script = 'console.log(JSON.stringify(process.env))';
    const plain = await runCommand(['node', '-e', script], opts(10_000), env);
    const seen = JSON.parse(plain.output) as Record<string, string>;
    expect(seen['SECRET_TOKEN']).toBeUndefined();
    expect(seen['KUBECONFIG']).toBeUndefined();
    expect(seen).toMatchObject({ HOME: '/home/ana', LC_TIME: 'de_DE.UTF-8' });
    const named = await runCommand(['node', '-e', script], opts(10_000, { env: ['KUBECONFIG'] }), env);
    expect(JSON.parse(named.output)).toMatchObject({ KUBECONFIG: '/k/config' });
    expect(commandEnv(env, ['KUBECONFIG'])).not.toHaveProperty('SECRET_TOKEN');
  });

  it('runs in the working folder it is given', async () => {
    const r = await processRunner.run(['node', '-e', 'console.log(process.cwd())'], opts(10_000, { cwd: dir }));
    expect(r.output.trim()).toBe(dir);
  });

  it('stops the group when aborted and reports it as interrupted', async () => {
    const abort = new AbortController();
    const t0 = Date.now();
    const running = processRunner.run(['sh', '-c', 'echo $$; sleep 30 & sleep 30'], opts(60_000, { signal: abort.signal }));
    setTimeout(() => abort.abort(), 500);
    const r = await running;
    expect(Date.now() - t0).toBeLessThan(4_000);
    expect(r).toMatchObject({ exitCode: null, timedOut: false, interrupted: true });
    await new Promise((done) => setTimeout(done, 300));
    expect(groupAlive(leader(r.output))).toBe(false);
  });

  // Issue 7: P1M overflowed setTimeout and killed the command after 1 ms.
  it('clamps a timeout too large for a timer instead of firing at once', async () => {
    const r = await processRunner.run(['node', '-e', 'setTimeout(() => console.log("finished"), 300)'], opts(31 * 86_400_000));
    expect(r).toMatchObject({ exitCode: 0, timedOut: false });
    expect(r.output).toContain('finished');
  });
});
