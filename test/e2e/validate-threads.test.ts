// Many files are parsed on worker threads (src/cli/parse-in-workers.ts): the report must be the
// one a serial run gives, byte for byte, in every format, with findings of every kind mixed in.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot, runCli, tempDir } from '../helpers/run-cli.js';

const dir = tempDir();
afterAll(() => dir.cleanup());
const plan = readFileSync(join(projectRoot, 'test/fixtures/plans/walk-plan.yaml'), 'utf8');
const broken = [
  (t: string) => `${t}extra: &a 1\nmore: *a\n`, // an anchor: the positioned parse, no finding of its own
  (t: string) => `${t}bad: [1\n`, // a syntax error
  (t: string) => t.replace('title:', 'titel:'), // a schema finding
  (t: string) => `${t}\tx: 1\n`, // a tab
  (t: string) => t.replace(/owner: .*/, 'owner: nobody'), // a rule finding
  (t: string) => t,
];
for (let i = 0; i < 60; i++) {
  const text = plan.replace('id: walk-test', `id: walk-${i}`);
  writeFileSync(join(dir.path, `plan-${String(i).padStart(2, '0')}.yaml`), (broken[i % broken.length] ?? ((t: string) => t))(text));
}

describe('validate on worker threads', () => {
  it.each(['json', 'stylish', 'sarif', 'junit'])('reports in %s exactly as a serial run does', async (format) => {
    const serial = await runCli(['validate', '--format', format, dir.path], { env: { CRISIS_WORKERS: '1' }, timeoutMs: 60_000 });
    const threads = await runCli(['validate', '--format', format, dir.path], { env: { CRISIS_WORKERS: '2' }, timeoutMs: 60_000 });
    expect(serial.exitCode).toBe(1);
    expect(threads.exitCode).toBe(serial.exitCode);
    expect(threads.stderr).toBe(serial.stderr);
    // JUnit reports carry the elapsed time: compare without it.
    const untimed = (s: string) => s.replace(/time="[0-9.]+"/g, 'time=""');
    expect(untimed(threads.stdout)).toBe(untimed(serial.stdout));
    if (format === 'json') expect((JSON.parse(serial.stdout) as { errors: number }).errors).toBeGreaterThan(30);
  });
});
