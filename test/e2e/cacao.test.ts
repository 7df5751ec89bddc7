// crisis export cacao / import cacao through the built CLI: files, exit codes, one-line errors.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers/run-cli.js';

const dir = tempDir('crisis-cacao-');
afterAll(() => dir.cleanup());

describe('crisis export cacao and import cacao', () => {
  it.each([['export', 'cacao'], ['import', 'cacao']])('%s %s --help ends with examples', async (...command) => {
    const r = await runCli([...command, '--help']);
    const block = r.stdout.split('\nExamples:\n')[1] ?? '';
    expect(block.trimEnd().split('\n').filter((l) => l.startsWith('  $ crisis ')).length).toBeGreaterThanOrEqual(2);
  });

  it('export → import → validate gives back a plan that validates', async () => {
    const out = join(dir.path, 'eu.cacao.json');
    const exported = await runCli(['export', 'cacao', 'playbooks/eu/eu-circp.yaml', '-o', out]);
    expect(exported.stderr).toBe('');
    expect(exported.exitCode).toBe(0);
    expect((statSync(out).mode & 0o777).toString(8)).toBe('600');
    const playbook = JSON.parse(readFileSync(out, 'utf8')) as { type: string; markings: string[] };
    expect(playbook.type).toBe('playbook');
    const imported = await runCli(['import', 'cacao', out]);
    expect(imported.exitCode).toBe(0);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toMatch(/^# yaml-language-server: \$schema=.*plan\.schema\.json\n# Imported by crisis import cacao from /);
    const validated = await runCli(['validate', '-'], { input: imported.stdout });
    expect(validated.exitCode).toBe(0);
  });

  it('lists on stderr what it could not carry over, one line each, and exits 0 when the plan validates', async () => {
    const file = join(dir.path, 'other.json');
    const { foreignPlaybook } = await import('../unit/interop/cacao-foreign-fixture.js');
    writeFileSync(file, JSON.stringify(foreignPlaybook()));
    const result = await runCli(['import', 'cacao', file, '-o', join(dir.path, 'other.yaml')]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^crisis: \d+ things in .*other\.json could not be carried over as they are:$/);
    expect(lines.slice(1).every((l) => /^ {2}\S.*other\.json: .+: .+$/.test(l))).toBe(true);
  });

  it.each([
    ['missing.json', undefined, /^crisis: missing\.json does not exist: give the path of a CACAO playbook \(JSON\)\n$/],
    ['not-json.json', '{"type": "playbook",\n nope}', /^crisis: .*not-json\.json:2:2: not JSON \(.*\): give a CACAO 2\.0 playbook \(JSON\)\n$/],
    ['huge.json', 'x', /^crisis: .*huge\.json is 4\.\d MB, above the 4 MB limit for a playbook: it is not one crisis reads\n$/],
    ['plan.json', '{"type":"identity"}', /^crisis: .*plan\.json: not a CACAO playbook \(its type is "identity", not "playbook"\)\n$/],
  ])('refuses %s with one line and exit 2', async (name, content, message) => {
    const path = name === 'missing.json' ? name : join(dir.path, name);
    if (name === 'huge.json') writeFileSync(path, ' '.repeat(4 * 1024 * 1024 + 10));
    else if (content !== undefined) writeFileSync(path, content);
    const result = await runCli(['import', 'cacao', path], name === 'missing.json' ? { cwd: dir.path } : {});
    expect(result.stderr).toMatch(message);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
  });

  it('refuses to export an invalid plan (exit 2, the first finding) and a missing one', async () => {
    const bad = join(dir.path, 'bad.yaml');
    writeFileSync(bad, 'apiVersion: crisis/v1\nkind: Plan\nmetadata: {id: x}\n');
    const result = await runCli(['export', 'cacao', bad]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.stderr).toMatch(/bad\.yaml:\d+:\d+: /);
    const missing = await runCli(['export', 'cacao', 'nowhere.yaml']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toBe('crisis: nowhere.yaml does not exist: give the path of a plan file\n');
  });
});
