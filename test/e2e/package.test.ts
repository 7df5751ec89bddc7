// What a user installs and runs: the npm package's contents, the GitHub Action and the pre-commit
// hook that run it, and the commands that start a plan outside this repository.
import { execa } from 'execa';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { binPath, projectRoot, runCli, tempDir } from '../helpers/run-cli.js';
import { ciRepo, type Repo } from '../helpers/ci-repo.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

interface Pack {
  name: string;
  files: { path: string }[];
}

describe('the npm package', () => {
  it('is named crisis-plans, keeps the crisis command, and ships everything the CLI reads', async () => {
    const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: 'crisis-plans', bin: { crisis: 'bin/crisis.js' }, license: 'Apache-2.0' });
    expect(manifest['repository']).toBeDefined();
    expect(manifest['homepage']).toMatch(/^https:\/\//);
    expect(manifest['bugs']).toBeDefined();
    const r = await execa('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: projectRoot, timeout: 60_000 });
    const [pack] = JSON.parse(r.stdout) as Pack[];
    const files = new Set(pack?.files.map((f) => f.path));
    for (const needed of ['LICENSE', 'README.md', 'package.json', 'bin/crisis.js', 'dist/cli/main.js', 'dist/cli/commands/validate-action.js', 'schemas/plan.schema.json', 'schemas/exercise.schema.json', 'playbooks/eu/eu-circp.yaml', 'playbooks/national/template.yaml']) {
      expect(files, needed).toContain(needed);
    }
    expect([...files].filter((f) => /^(src|test|bench|node_modules)\//.test(f))).toEqual([]);
    expect(readFileSync(join(projectRoot, 'LICENSE'), 'utf8')).toContain('Apache License');
  }, 90_000);
});

describe('the GitHub Action and the pre-commit hook', () => {
  interface Step {
    name: string;
    run?: string;
    uses?: string;
    if?: string;
    env?: Record<string, string>;
  }
  const action = parse(readFileSync(join(projectRoot, 'action.yml'), 'utf8')) as { runs: { using: string; steps: Step[] } };

  /** Run one step's script with bash, its env filled in as the runner would, and `crisis` on PATH. */
  async function runStep(step: Step, inputs: Record<string, string>, cwd: string) {
    const shims = join(cwd, '.shims');
    mkdirSync(shims, { recursive: true });
    writeFileSync(join(shims, 'crisis'), `#!/bin/sh\nexec node ${JSON.stringify(binPath)} "$@"\n`);
    chmodSync(join(shims, 'crisis'), 0o755);
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, v.replace(/\$\{\{ inputs\.([a-z-]+) \}\}/g, (_m, name: string) => inputs[name] ?? '')]));
    return execa('bash', ['-eo', 'pipefail', '-c', step.run ?? ''], { cwd, reject: false, env: { ...env, NO_COLOR: '1', PATH: `${shims}:${process.env['PATH'] ?? ''}` } });
  }

  it('annotates, writes SARIF even when validation fails, and uploads it', async () => {
    const repo: Repo = ciRepo();
    cleanup = repo.cleanup;
    expect(action.runs.using).toBe('composite');
    const [, annotate, sarif, upload] = action.runs.steps as [Step, Step, Step, Step];
    const inputs = { paths: '.', 'fail-on': 'warning', 'sarif-file': 'out.sarif' };
    const a = await runStep(annotate, inputs, repo.root);
    expect(a.exitCode).toBe(1); // the warning fails the job with fail-on: warning
    expect(a.stdout).toMatch(/^::warning file=plans\/warn\.yaml,line=45,/);
    expect(sarif.if).toBe('always()');
    const s = await runStep(sarif, inputs, repo.root);
    expect(s.exitCode).toBe(0);
    expect(JSON.parse(readFileSync(join(repo.root, 'out.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0' });
    expect(upload.uses).toMatch(/^github\/codeql-action\/upload-sarif@/);
    expect(upload.if).toMatch(/^always\(\)/);
    // A usage error still fails the SARIF step.
    const bad = await runStep(sarif, { ...inputs, paths: 'no-such-folder' }, repo.root);
    expect(bad.exitCode).toBe(2);
  });

  it('has a pre-commit hook that runs crisis validate on the whole repository', async () => {
    const [hook] = parse(readFileSync(join(projectRoot, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; args: string[]; language: string; pass_filenames: boolean }[];
    expect(hook).toMatchObject({ id: 'crisis-validate', entry: 'crisis validate', language: 'node', pass_filenames: false });
    const repo = ciRepo();
    cleanup = repo.cleanup;
    const r = await runCli(['validate', ...(hook?.args ?? [])], { cwd: repo.root });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^plans\/warn\.yaml:45:\d+: warning /);
  });
});

describe('crisis init national and crisis schema', () => {
  it('writes a national plan that validates clean, with a schema comment that works outside this repository', async () => {
    const dir = tempDir();
    cleanup = dir.cleanup;
    const r = await runCli(['init', 'national', '--jurisdiction', 'de', '--out', 'de.yaml'], { cwd: dir.path });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/crisis schema plan/);
    const text = readFileSync(join(dir.path, 'de.yaml'), 'utf8');
    const schemaPath = /^# yaml-language-server: \$schema=(.+)$/m.exec(text)?.[1] ?? '';
    expect(JSON.parse(readFileSync(schemaPath, 'utf8'))).toMatchObject({ title: expect.any(String) as string });
    expect(text).toMatch(/^ {2}id: de-ncirp$/m);
    expect(text).toMatch(/^ {2}jurisdiction: DE$/m);
    const check = await runCli(['validate', '--fail-on', 'warning', 'de.yaml'], { cwd: dir.path });
    expect(check).toMatchObject({ exitCode: 0 });
    expect(await runCli(['init', 'national', '-j', 'DE', '--out', 'de.yaml'], { cwd: dir.path })).toMatchObject({ exitCode: 2 });
    expect((await runCli(['init', 'national', '-j', 'GB'], { cwd: dir.path })).stderr).toMatch(/^crisis: --jurisdiction GB is not a Member State/);
  });

  it('points the schema comment at the package relative to the plan inside one repository', async () => {
    const r = await runCli(['init', 'national', '-j', 'XA'], { cwd: join(projectRoot, 'playbooks') });
    expect(r.stdout).toMatch(/^# yaml-language-server: \$schema=\.\.\/schemas\/plan\.schema\.json$/m);
    expect(r.stderr).toBe('');
  });

  it('prints the schemas the validator uses', async () => {
    for (const kind of ['plan', 'exercise']) {
      const r = await runCli(['schema', kind]);
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toBe(readFileSync(join(projectRoot, 'schemas', `${kind}.schema.json`), 'utf8'));
    }
    expect((await runCli(['schema', 'plan', '--path'])).stdout).toBe(`${join(projectRoot, 'schemas', 'plan.schema.json')}\n`);
    expect((await runCli(['schema', 'nope'])).exitCode).toBe(2);
  });

  it.each([['validate'], ['respond'], ['status'], ['note'], ['log', 'list'], ['log', 'show'], ['log', 'export'], ['log', 'verify'], ['exercise', 'run'], ['exercise', 'play'], ['init', 'national'], ['schema']])(
    'ends the --help of %s with examples',
    async (...command) => {
      const r = await runCli([...command, '--help']);
      const block = r.stdout.split('\nExamples:\n')[1] ?? '';
      expect(block.trimEnd().split('\n').filter((l) => l.startsWith('  $ crisis ')).length).toBeGreaterThanOrEqual(2);
    },
  );
});
