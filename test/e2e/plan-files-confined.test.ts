// An exercise's planFiles stay in the exercise file's folder tree unless --allow-outside: an
// exercise from elsewhere cannot make `crisis validate` read and echo /etc/shadow or ../../secrets.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot, runCli, tempDir } from '../helpers/run-cli.js';

const dir = tempDir();
afterAll(() => dir.cleanup());

const drillText = readFileSync(join(projectRoot, 'test/fixtures/exercises/walk-drill.yaml'), 'utf8');
const planText = readFileSync(join(projectRoot, 'test/fixtures/plans/walk-plan.yaml'), 'utf8');
const SECRET = 'password: hunter2-TOPSECRET';

const exercises = join(dir.path, 'team', 'exercises');
mkdirSync(join(exercises, 'plans'), { recursive: true });
writeFileSync(join(dir.path, 'secret.yaml'), `${SECRET}\n`);
writeFileSync(join(dir.path, 'team', 'walk-plan.yaml'), planText);
writeFileSync(join(exercises, 'plans', 'walk-plan.yaml'), planText);
symlinkSync(join(dir.path, 'secret.yaml'), join(exercises, 'plans', 'linked.yaml'));

/** An exercise in team/exercises naming `planFile`. */
const exercise = (name: string, planFile: string): string => {
  const path = join(exercises, name);
  writeFileSync(path, drillText.replace('planFiles: [../plans/walk-plan.yaml]', `planFiles: ['${planFile}']`));
  return path;
};

interface JsonReport {
  findings: { rule: string; message: string; file: string; line: number }[];
}

describe('crisis validate: planFiles outside the exercise folder', () => {
  it.each([
    ['a parent folder', '../../secret.yaml'],
    ['an absolute path', join(dir.path, 'secret.yaml')],
    ['a link inside the folder leading out', 'plans/linked.yaml'],
  ])('are not read when named through %s, and nothing of them is echoed', async (_how, planFile) => {
    const file = exercise('outside.yaml', planFile);
    const stylish = await runCli(['validate', file]);
    expect(stylish.exitCode).toBe(1);
    expect(stylish.stdout).not.toContain('hunter2');
    expect(stylish.stdout).toContain('exercise/plan-file-outside');
    expect(stylish.stdout).toContain('--allow-outside');
    const json = await runCli(['validate', '--format', 'json', file]);
    const report = JSON.parse(json.stdout) as JsonReport;
    expect(report.findings.filter((f) => f.rule === 'exercise/plan-file-outside').map((f) => [f.file, f.line])).toEqual([[file, 11]]);
    expect(report.findings.every((f) => f.file === file)).toBe(true); // the outside file is not a file of the report
  });

  it('names a system file without reading it', async () => {
    const out = await runCli(['validate', exercise('shadow.yaml', '/etc/passwd')]);
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toContain("plan file '/etc/passwd' is outside this exercise's folder");
    expect(out.stdout).not.toMatch(/^\/etc\/passwd$/m);
  });

  it('reads plan files in the folder tree, and outside ones with --allow-outside', async () => {
    const inside = await runCli(['validate', exercise('inside.yaml', 'plans/walk-plan.yaml')]);
    expect(inside.stdout).toContain('2 files, no problems');
    expect(inside.exitCode).toBe(0);
    const outside = exercise('parent.yaml', '../walk-plan.yaml');
    expect((await runCli(['validate', outside])).exitCode).toBe(1);
    const allowed = await runCli(['validate', '--allow-outside', outside]);
    expect(allowed.stdout).toContain('2 files, no problems');
    expect(allowed.exitCode).toBe(0);
  });
});

describe('crisis exercise run: planFiles outside the exercise folder', () => {
  it('stops with exit 2 naming the file and the flag, and runs with --allow-outside', async () => {
    const outside = exercise('run-parent.yaml', '../walk-plan.yaml');
    const refused = await runCli(['exercise', 'run', outside]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/^crisis: .*run-parent\.yaml:11:\d+: plan file '\.\.\/walk-plan\.yaml' is outside this exercise's folder.*--allow-outside/);
    expect(refused.stderr.trimEnd().split('\n')).toHaveLength(1);
    const allowed = await runCli(['exercise', 'run', '--allow-outside', outside, '--format', 'json']);
    expect(allowed.stderr).toBe('');
    expect(allowed.exitCode).toBe(0);
  });

  it('does not read a secret outside, and does not echo it', async () => {
    const refused = await runCli(['exercise', 'run', exercise('run-secret.yaml', '../../secret.yaml')]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).not.toContain('hunter2');
  });
});
