// `crisis validate` as CI pipelines meet it: every format, every exit code, hostile files.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { execa, execaSync } from 'execa';
import { binPath, runCli, tempDir } from '../helpers/run-cli.js';

const dir = tempDir();
afterAll(() => dir.cleanup());

const file = (name: string, content: string | Buffer): string => {
  const path = join(dir.path, name);
  writeFileSync(path, content);
  return path;
};

const plan = `apiVersion: crisis/v1
kind: Plan
metadata:
  id: tiny
  title: Tiny
  version: 1.0.0
  jurisdiction: EU
  tlp: CLEAR
levels:
  - { id: technical, title: Technical, rank: 1 }
roles:
  - { id: csirt, title: CSIRT, type: csirt }
steps:
  - id: triage
    title: Triage
    phase: detection
    level: technical
    owner: csirt
    basis: NIS2 Art. 23
    next: assess
  - id: assess
    title: Assess
    phase: response
    level: technical
    owner: csirt
    basis: NIS2 Art. 23
    end: true
`;
const good = file('good.yaml', plan);
const dangling = file('dangling.yaml', plan.replace('id: tiny', 'id: dangling').replace('next: assess', 'next: asess'));

interface JsonReport {
  files: number;
  errors: number;
  warnings: number;
  findings: { file: string; line: number; column: number; severity: string; rule: string; message: string; path: string }[];
}

const json = async (...paths: string[]): Promise<{ exitCode: number | undefined; report: JsonReport; stderr: string }> => {
  const out = await runCli(['validate', '--format', 'json', ...paths]);
  return { exitCode: out.exitCode, report: JSON.parse(out.stdout) as JsonReport, stderr: out.stderr };
};

describe('crisis validate', () => {
  it('passes the bundled playbooks with no finding (default path ./playbooks)', async () => {
    const out = await runCli(['validate', '--format', 'json']);
    expect(out.exitCode).toBe(0);
    const report = JSON.parse(out.stdout) as JsonReport;
    expect(report.files).toBeGreaterThanOrEqual(4);
    expect(report.findings).toEqual([]);
  });

  it('prints exactly the documented json shape', async () => {
    const { exitCode, report } = await json(good, dangling);
    expect(exitCode).toBe(1);
    expect(Object.keys(report)).toEqual(['files', 'errors', 'warnings', 'findings']);
    expect(report.files).toBe(2);
    expect(report.findings).toHaveLength(1);
    const f = report.findings[0];
    expect(f && Object.keys(f)).toEqual(['file', 'line', 'column', 'severity', 'rule', 'message', 'path']);
    expect(f).toMatchObject({ line: 20, column: 11, severity: 'error', rule: 'ref/unknown-step', path: '/steps/0/next' });
    expect(f?.message).toContain('did you mean "assess"');
  });

  it('shows the source line with a caret in stylish', async () => {
    const out = await runCli(['validate', dangling]);
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toContain('20:11');
    expect(out.stdout).toMatch(/20 \| {5}next: asess\n {5}\| {11}\^/);
  });

  it('writes junit with one testcase per file', async () => {
    const out = await runCli(['validate', '--format', 'junit', good, dangling]);
    expect(out.exitCode).toBe(1);
    expect(out.stdout.match(/<testcase /g)).toHaveLength(2);
    expect(out.stdout).toContain('<failure');
  });

  it('writes GitHub workflow commands', async () => {
    const out = await runCli(['validate', '--format', 'github', dangling]);
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toMatch(/^::error file=[^,]+dangling\.yaml,line=20,col=11,title=ref\/unknown-step::/m);
  });

  it('writes SARIF 2.1.0 with rule metadata and regions', async () => {
    const out = await runCli(['validate', '--format', 'sarif', dangling]);
    expect(out.exitCode).toBe(1);
    const sarif = JSON.parse(out.stdout) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    const result = run?.results[0];
    expect(result?.ruleId).toBe('ref/unknown-step');
    expect(run?.tool.driver.rules[result?.ruleIndex ?? -1]?.id).toBe('ref/unknown-step');
    expect(result?.locations[0]?.physicalLocation.region.startLine).toBe(20);
  });

  it('turns warnings into a failure with --fail-on warning', async () => {
    const national = file('national.yaml', plan.replace('jurisdiction: EU', 'jurisdiction: XA\n  parent: eu-circp').replace('    end: true', '    next: eu-circp#receive-national-escalation'));
    const relaxed = await json(national);
    expect(relaxed.exitCode).toBe(0);
    expect(relaxed.report.errors).toBe(0);
    expect(relaxed.report.findings.map((f) => f.rule)).toContain('nis2/art9-4-a-preparedness-objectives');
    const strict = await runCli(['validate', '--fail-on', 'warning', national]);
    expect(strict.exitCode).toBe(1);
  });

  it('resolves PLAN#STEP across files given together', async () => {
    const other = file('other.yaml', plan.replace('id: tiny', 'id: other').replace('    end: true', '    next: tiny#nowhere'));
    const { report } = await json(good, other);
    expect(report.findings.map((f) => f.rule)).toEqual(['ref/unknown-step']);
    expect(report.findings[0]?.message).toContain('plan "tiny" has no step "nowhere"');
    const fixed = file('fixed.yaml', plan.replace('id: tiny', 'id: fixed').replace('    end: true', '    next: tiny#assess'));
    expect((await json(good, fixed)).report.findings).toEqual([]);
  });

  it("reads the plan files an exercise names, relative to it, and reports a missing one", async () => {
    const drill = join(import.meta.dirname, '../fixtures/exercises/walk-drill.yaml');
    const ok = await json('--allow-outside', drill); // its plan is in a sibling folder
    expect(ok.exitCode).toBe(0);
    expect(ok.report.files).toBe(2);
    const broken = file('drill.yaml', readFileSync(drill, 'utf8').replace('../plans/walk-plan.yaml', 'missing-plan.yaml'));
    const bad = await json(broken);
    expect(bad.exitCode).toBe(1);
    expect(bad.report.findings.map((f) => f.rule)).toContain('exercise/missing-plan-file');
  });

  it('prints no progress on stderr when it is not a terminal, however many files', async () => {
    mkdirSync(join(dir.path, 'many'));
    for (let i = 0; i < 30; i++) writeFileSync(join(dir.path, 'many', `p${i}.yaml`), plan.replace('id: tiny', `id: p${i}`));
    const out = await runCli(['validate', join(dir.path, 'many')]);
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout).toContain('30 files, no problems');
  });

  it('expands folders recursively and globs', async () => {
    mkdirSync(join(dir.path, 'nested/deeper'), { recursive: true });
    writeFileSync(join(dir.path, 'nested/deeper/plan.yml'), plan.replace('id: tiny', 'id: deep'));
    writeFileSync(join(dir.path, 'nested/readme.txt'), 'not a plan');
    const folder = await json(join(dir.path, 'nested'));
    expect(folder.report.files).toBe(1);
    const glob = await runCli(['validate', '--format', 'json', 'nested/**/*.yml'], { cwd: dir.path });
    expect((JSON.parse(glob.stdout) as JsonReport).files).toBe(1);
  });

  it.each([
    [['validate', join(dir.path, 'missing.yaml')], 'does not exist'],
    [['validate', '--format', 'xml', 'playbooks'], "argument 'xml' is invalid"],
    [['validate', '--no-such-flag'], 'unknown option'],
    [['validate', 'no-match-*.yaml'], 'no file matches'],
  ])('exits 2 on a usage error: %j', async (args, text) => {
    const out = await runCli(args);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toContain(text);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  it.runIf(process.platform === 'linux')('exits 2 for a device or a pipe instead of reading it forever', async () => {
    const fifo = join(dir.path, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    for (const path of ['/dev/zero', fifo]) {
      const out = await runCli(['validate', path], { timeoutMs: 10_000 });
      expect(out.timedOut).toBe(false);
      expect(out.exitCode).toBe(2);
      expect(out.stderr).toContain('is not a regular file');
    }
  });

  // root reads anything, so as root the run drops to nobody (setpriv, util-linux); that needs a
  // checkout nobody can read, which a private CI folder may not be.
  const asRoot = process.getuid?.() === 0;
  const nobodyCanRun = !asRoot || execaSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'test', '-r', binPath], { reject: false }).exitCode === 0;
  it.runIf(nobodyCanRun)('exits 2 for an unreadable file', async () => {
    const secret = file('secret.yaml', plan);
    chmodSync(secret, 0o000);
    const out = asRoot
      ? await execa('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'node', binPath, 'validate', secret], { reject: false, env: { NO_COLOR: '1' } })
      : await runCli(['validate', secret]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toContain('permission denied');
  });
});

// Each hostile input: an error finding in that file, exit 1, seconds, no stack trace.
describe('crisis validate on hostile files', () => {
  const deep = 'a: ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n';
  // Block nesting costs one more space a level, so 2,000 levels (2 MB) stay under the size limit.
  const blockDeep = Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n';
  const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 0; i < 9; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`);
  const cases: [string, string | Buffer, string][] = [ // [file, content, rule]
    ['empty.yaml', '', 'yaml/empty'],
    ['scalar.yaml', 'just a string\n', 'yaml/not-a-mapping'],
    ['list.yaml', '- a\n- b\n', 'yaml/not-a-mapping'],
    ['syntax.yaml', 'a: [1, 2\nb: 3\n', 'yaml/syntax'],
    ['tab.yaml', 'a:\n\tb: 1\n', 'yaml/tab-indent'],
    ['dupkey.yaml', 'a: 1\na: 2\n', 'yaml/duplicate-key'],
    ['twodocs.yaml', 'a: 1\n---\nb: 2\n', 'yaml/multiple-documents'],
    ['jsfunc.yaml', 'a: !!js/function "function(){ return 1 }"\n', 'yaml/unsafe-tag'],
    ['python.yaml', 'a: !!python/object:os.system ["echo pwned"]\n', 'yaml/unsafe-tag'],
    ['bomb.yaml', bomb.join('\n') + '\n', 'yaml/alias-limit'],
    ['deep.yaml', deep, 'yaml/too-deep'],
    ['deep-block.yaml', blockDeep, 'yaml/too-deep'],
    ['huge.yaml', Buffer.alloc(50 * 1024 * 1024, 'a: 1\n'), 'yaml/too-large'],
    ['longline.yaml', 'a: ' + 'x'.repeat(5 * 1024 * 1024) + '\n', 'yaml/too-large'],
    ['binary.yaml', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0xff]), 'yaml/binary'],
    ['latin1.yaml', Buffer.from('title: caf\xe9\n', 'latin1'), 'yaml/encoding'],
    ['mac.yaml', 'apiVersion: crisis/v1\rkind: Plan\r', 'yaml/line-ending'],
  ];
  it.each(cases.map(([name, content, rule]) => ({ name, content, rule })))('$name gives $rule and exit 1', async ({ name, content, rule }) => {
    const path = file(name, content);
    const started = Date.now();
    const out = await runCli(['validate', '--format', 'json', path], { timeoutMs: 15_000 });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(out.exitCode).toBe(1);
    expect(out.stderr).not.toMatch(/\n\s+at /);
    const report = JSON.parse(out.stdout) as JsonReport;
    expect(report.findings.map((f) => f.rule)).toContain(rule);
    expect(report.findings.every((f) => f.line >= 1 && f.column >= 1)).toBe(true);
  });

  it('reports __proto__ and constructor keys without polluting anything', async () => {
    const path = file('proto.yaml', plan.replace('  tlp: CLEAR\n', '  tlp: CLEAR\n  __proto__: { polluted: true }\n  constructor: { prototype: { polluted: true } }\n'));
    const { exitCode, report } = await json(path);
    expect(exitCode).toBe(1);
    const rules = report.findings.map((f) => f.rule);
    expect(rules.length).toBeGreaterThanOrEqual(1);
    expect(report.findings.some((f) => f.message.includes('__proto__'))).toBe(true);
  });
});

// One problem, one finding: a schema finding on a value hides the rule findings it causes.
describe('crisis validate reports each problem once', () => {
  it('end: yes gives the type error alone, not flow/no-exit as well', async () => {
    const { exitCode, report } = await json(file('end-yes.yaml', plan.replace('end: true', 'end: yes')));
    expect(exitCode).toBe(1);
    expect(report.findings.map((f) => [f.rule, f.line, f.column])).toEqual([['schema/type', 27, 10]]);
  });

  it('run: {argv: []} gives one finding, not two', async () => {
    const { report } = await json(file('argv-empty.yaml', plan.replace('    next: assess\n', '    run: {argv: []}\n    next: assess\n')));
    expect(report.findings.map((f) => [f.rule, f.path])).toEqual([['schema/min-items', '/steps/0/run/argv']]);
  });

  it("refuses a YAML merge key with one yaml/merge-key finding at the '<<'", async () => {
    const merged = plan.replace('  - { id: technical, title: Technical, rank: 1 }\n', '  - &lvl { id: technical, title: Technical, rank: 1 }\n  - { <<: *lvl, id: operational, rank: 2 }\n');
    const { exitCode, report } = await json(file('merge.yaml', merged));
    expect(exitCode).toBe(1);
    expect(report.findings.map((f) => [f.rule, f.line, f.column])).toEqual([['yaml/merge-key', 11, 7]]);
  });
});

describe('crisis validate checks what authors declare (issue 8)', () => {
  it('places metadata/jurisdiction at the code and accepts EL, GR and example codes', async () => {
    const { exitCode, report } = await json(file('gb.yaml', plan.replace('id: tiny', 'id: gb-plan').replace('jurisdiction: EU', 'jurisdiction: GB')));
    expect(exitCode).toBe(1);
    expect(report.findings.map((f) => [f.rule, f.line, f.column, f.severity])).toContainEqual(['metadata/jurisdiction', 7, 17, 'error']);
    for (const code of ['EL', 'GR', 'XQ']) {
      const { report: ok } = await json(file(`${code}.yaml`, plan.replace('id: tiny', `id: plan-${code.toLowerCase()}`).replace('jurisdiction: EU', `jurisdiction: ${code}`)));
      expect(ok.findings.filter((f) => f.rule === 'metadata/jurisdiction')).toEqual([]);
    }
  });

  it('compares a clock with the bundled EU plan clock of the same id (clock/shared-id-mismatch)', async () => {
    const clock = 'clocks:\n  - { id: nis2-early-warning, title: Early warning, starts: awareness, within: PT48H, basis: NIS2 Art. 23(4)(a) }\nsteps:\n';
    const { report } = await json(file('clock.yaml', plan.replace('id: tiny', 'id: clock-plan').replace('steps:\n', clock)));
    expect(report.findings.map((f) => [f.rule, f.line, f.column])).toEqual([['clock/shared-id-mismatch', 14, 80]]);
    expect(report.findings[0]?.message).toContain('"PT48H" here and "PT24H" there');
  });
});
