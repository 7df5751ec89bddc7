// Run the built CLI (bin/crisis.js) as a user or a CI pipeline would.
import { execa } from 'execa';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '..', '..');
export const binPath = join(projectRoot, 'bin', 'crisis.js');

export interface CliResult {
  exitCode: number | undefined;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Run `crisis ARGS` with no colour, no TTY and a private database unless told otherwise. */
export async function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; input?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
  const result = await execa('node', [binPath, ...args], {
    cwd: options.cwd ?? projectRoot,
    env: { NO_COLOR: '1', CI: 'true', FORCE_COLOR: undefined, ...options.env },
    input: options.input ?? '',
    reject: false,
    timeout: options.timeoutMs ?? 20_000,
    stripFinalNewline: false,
  });
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr, timedOut: result.timedOut };
}

/** A temporary folder removed by the returned cleanup. */
export function tempDir(prefix = 'crisis-test-'): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}
