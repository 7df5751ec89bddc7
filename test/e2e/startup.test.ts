// --help and --version must stay fast: they may not load the heavy modules that commands import lazily.
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { binPath, projectRoot } from '../helpers/run-cli.js';

const register = join(projectRoot, 'test/fixtures/startup/register.mjs');
const heavy = ['/yaml/', '/ajv', '/better-sqlite3/', '/@inquirer/', '/execa/', '/ora/', '/dist/core/engine/', '/dist/core/plan/'];

describe('startup', () => {
  it.each([['--version'], ['--help'], ['validate', '--help'], ['respond', '--help']])('crisis %s loads no heavy module', async (...args) => {
    const out = await execa('node', ['--import', register, binPath, ...args], { reject: false, env: { NO_COLOR: '1' } });
    expect(out.exitCode).toBe(0);
    const loaded = out.stderr.split('\n').filter((l) => l.startsWith('resolved '));
    // The hooks work (bin/crisis.js answers --version itself: only node:fs, no program).
    expect(loaded.length).toBeGreaterThan(args[0] === '--version' ? 0 : 3);
    expect(loaded.filter((l) => heavy.some((h) => l.includes(h)))).toEqual([]);
  });
});
