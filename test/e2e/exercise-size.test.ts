// The exercise schema takes up to 2,000 injects (it took 500 while a run cost grew with the square
// of its length): the largest exercise it allows loads under the file limits and runs.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
// @ts-expect-error: the bench is plain JS, without types
import { longExercise } from '../../bench/data.js';
import { projectRoot, runCli, tempDir } from '../helpers/run-cli.js';

const dir = tempDir();
afterAll(() => dir.cleanup());
const grow = longExercise as (root: string, dir: string, injects: number, entries: number) => string;

describe('long exercises', () => {
  it('runs one of 2,000 injects and 2,000 script entries', async () => {
    const file = grow(projectRoot, dir.path, 2000, 2000);
    const out = await runCli(['exercise', 'run', file, '--format', 'json'], { timeoutMs: 60_000 });
    expect(out.exitCode, out.stderr).toBe(0);
    const report = JSON.parse(out.stdout) as { timeline: { kind: string }[] };
    expect(report.timeline.filter((e) => e.kind === 'inject')).toHaveLength(2000);
  });

  it('refuses a 2,001st inject, naming the list', async () => {
    const file = grow(projectRoot, dir.path, 2000, 10);
    const exercise = parse(readFileSync(file, 'utf8')) as { injects: { id: string }[] };
    exercise.injects.push({ ...(exercise.injects.at(-1) as { id: string }), id: 'one-too-many' });
    writeFileSync(file, stringify(exercise, { lineWidth: 0 }));
    const out = await runCli(['exercise', 'run', file], { timeoutMs: 60_000 });
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(/injects/);
    expect(out.stderr).toMatch(/2000/);
  });
});
