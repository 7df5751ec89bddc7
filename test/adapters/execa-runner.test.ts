import { describe, expect, it } from 'vitest';
import { execaRunner } from '../../src/adapters/execa-runner.js';

describe('execaRunner', () => {
  it('runs argv without a shell and keeps exit code and output', async () => {
    const r = await execaRunner.run(['node', '-e', 'console.log("evidence $HOME"); process.exit(3)'], { timeoutMs: 10_000 });
    expect(r).toMatchObject({ exitCode: 3, timedOut: false });
    expect(r.output).toContain('evidence $HOME'); // no shell expanded it
  });

  it('stops a command at its timeout', async () => {
    const r = await execaRunner.run(['node', '-e', 'setTimeout(() => {}, 60000)'], { timeoutMs: 300 });
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).toBeNull();
  });

  it('reports a command that does not exist instead of throwing', async () => {
    const r = await execaRunner.run(['no-such-command-crisis-test'], { timeoutMs: 5_000 });
    expect(r.exitCode).toBeNull();
    expect(r.output).toMatch(/ENOENT|not found/);
  });

  it('keeps only the head and tail of long output', async () => {
    const r = await execaRunner.run(['node', '-e', 'process.stdout.write("x".repeat(100000))'], { timeoutMs: 10_000 });
    expect(r.output.length).toBeLessThan(5_000);
  });
});
