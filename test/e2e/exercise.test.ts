// `crisis exercise run` as an exercise planner and a CI pipeline meet it: the bundled scenarios,
// every report format, exit codes 0/1/2, plan files, and the incident log.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type TestSuites } from 'junit2json';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot, runCli, tempDir } from '../helpers/run-cli.js';
import { parseXml } from '../unit/report/xml-tree.js';

/** A JUnit report read as CI systems read it; ours always has <testsuites> at the top. */
const parseJunit = async (xml: string): Promise<TestSuites | undefined> => ((await parse(xml)) ?? undefined) as TestSuites | undefined;

const dir = tempDir('crisis-exercise-e2e-');
afterAll(() => dir.cleanup());
const run = (args: readonly string[], env: Record<string, string> = {}) => runCli(['exercise', 'run', ...args], { env });

const scenarios = [
  { file: 'ransomware-hospitals', passes: true, missed: [] },
  { file: 'ransomware-hospitals-late-warning', passes: false, missed: ['early-warning-met', 'spocs-informed'] },
  { file: 'ddos-national', passes: true, missed: [] },
  { file: 'ddos-national-late-notification', passes: false, missed: ['notification-met'] },
  { file: 'msp-compromise', passes: true, missed: [] },
  { file: 'msp-compromise-late-warning', passes: false, missed: ['early-warning-met'] },
];

interface JsonReport {
  tlp: string;
  passed: boolean;
  score: { percent: number; mandatoryMissed: number; total: number };
  expectations: { id: string; status: string; mandatory: boolean }[];
  timeline: { kind: string; tlp: string }[];
  improvements: { expectation: string; owner?: { roleId: string } }[];
}

describe.each(scenarios)('playbooks/exercises/$file.yaml', ({ file, passes, missed }) => {
  const path = `playbooks/exercises/${file}.yaml`;

  it(`exits ${passes ? 0 : 1} with a JSON report of its score and expectations`, async () => {
    const r = await run([path, '--format', 'json']);
    expect(r.exitCode).toBe(passes ? 0 : 1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.passed).toBe(passes);
    // The exercises are CLEAR, but their runs hold AMBER reports and GREEN plans' steps and roles:
    // a report is marked with the strictest thing it holds.
    expect(report.tlp).toBe('AMBER');
    expect(report.expectations.filter((e) => e.status !== 'met').map((e) => e.id)).toEqual(missed);
    expect(report.improvements.map((i) => i.expectation)).toEqual(expect.arrayContaining(missed));
    expect(report.timeline.some((t) => t.kind === 'inject')).toBe(true);
    if (passes) {
      expect(report.score.percent).toBe(100);
      expect(r.stderr).toBe('');
    } else {
      expect(report.score.mandatoryMissed).toBeGreaterThan(0);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(new RegExp(`^crisis: \\d+ mandatory expectations? (was|were) missed in ${path.replace(/\./g, '\\.')}: `));
    }
  });
});

describe('report formats', () => {
  it('--tlp shares the report at a lower level: marked with it, leaving out what is marked above it', async () => {
    const full = JSON.parse((await run(['playbooks/exercises/ransomware-hospitals.yaml', '--format', 'json'])).stdout) as JsonReport;
    const r = await run(['playbooks/exercises/ransomware-hospitals.yaml', '--format', 'json', '--tlp', 'GREEN']);
    expect(r.exitCode).toBe(0);
    const shared = JSON.parse(r.stdout) as JsonReport & { exercise: { shared: { level: string; leftOut: number } } };
    expect(shared.tlp).toBe('GREEN');
    const above = full.timeline.filter((t) => t.tlp === 'AMBER').length;
    expect(above).toBeGreaterThan(0);
    expect(shared.exercise.shared).toEqual({ level: 'GREEN', leftOut: above });
    expect(shared.timeline.every((t) => t.tlp === 'GREEN' || t.tlp === 'CLEAR')).toBe(true);
    expect(r.stderr).toBe(`crisis: shared at TLP:GREEN: left out ${above} timeline entries marked above it\n`);
    const md = await run(['playbooks/exercises/ransomware-hospitals.yaml', '--tlp', 'CLEAR']);
    expect(md.stdout.split('\n')[0]).toBe('**TLP:CLEAR**');
    expect(md.stdout).toMatch(/^Shared at TLP:CLEAR: \d+ timeline entries marked above it left out/m);
    const refused = await run(['playbooks/exercises/ransomware-hospitals.yaml', '--tlp', 'RED']);
    expect(refused.exitCode).toBe(0); // sharing wider is refused, stricter is always possible
    expect(refused.stdout.split('\n')[0]).toBe('**TLP:RED**');
  });

  it('writes a Markdown report by default, TLP first', async () => {
    const r = await run(['playbooks/exercises/ransomware-hospitals.yaml']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('**TLP:AMBER**');
    for (const heading of ['## Objectives', '## Expectations', '## Clocks at the end of the exercise', '## Timeline (simulated time)', '## Improvement plan']) {
      expect(r.stdout).toContain(heading);
    }
    expect(r.stdout).toContain('| Result | PASSED: score 100%');
  });

  it('writes JUnit that agrees with the exit code: a mandatory miss fails, an optional miss is skipped', async () => {
    const r = await run(['playbooks/exercises/ransomware-hospitals-late-warning.yaml', '--format', 'junit']);
    expect(r.exitCode).toBe(1);
    const suite = parseXml(r.stdout).children[0];
    const cases = suite?.children.filter((c) => c.name === 'testcase') ?? [];
    expect(cases).toHaveLength(13);
    const failures = cases.filter((c) => c.children.some((x) => x.name === 'failure'));
    expect(failures.map((c) => c.attrs['name']?.split(':')[0])).toEqual(['early-warning-met']);
    expect(failures.map((c) => c.children[0]?.attrs['type'])).toEqual(['mandatory']);
    const skipped = cases.filter((c) => c.children.some((x) => x.name === 'skipped'));
    expect(skipped.map((c) => c.attrs['name']?.split(':')[0])).toEqual(['spocs-informed']);
    expect(suite?.attrs).toMatchObject({ failures: '1', skipped: '1' });
    // Read by a JUnit parser as CI systems read it.
    const parsed = await parseJunit(r.stdout);
    expect(parsed).toMatchObject({ failures: 1, testsuite: [{ failures: 1, skipped: 1 }] });
    expect(typeof parsed?.time).toBe('number');
  });

  it('writes JUnit with no failure when only optional expectations are missed (exit 0)', async () => {
    const r = await run(['playbooks/exercises/ransomware-hospitals.yaml', '--format', 'junit']);
    expect(r.exitCode).toBe(0);
    const parsed = await parseJunit(r.stdout);
    expect(parsed?.failures).toBe(0);
    expect(parsed?.testsuite?.[0]?.failures).toBe(0);
  });

  it('gives the same report every time', async () => {
    const [a, b] = await Promise.all([run(['playbooks/exercises/ddos-national.yaml', '--format', 'json']), run(['playbooks/exercises/ddos-national.yaml', '--format', 'json'])]);
    expect(a.stdout).toBe(b.stdout);
  });

  it('refuses an unknown format (exit 2)', async () => {
    const r = await run(['playbooks/exercises/ddos-national.yaml', '--format', 'pdf']);
    expect(r.exitCode).toBe(2);
  });
});

describe('files that cannot be run', () => {
  const write = (name: string, text: string): string => {
    const path = join(dir.path, name);
    writeFileSync(path, text);
    return path;
  };

  it('stops at an invalid exercise with one line naming the file, line and column (exit 2)', async () => {
    const scenario = readFileSync(join(projectRoot, 'playbooks/exercises/ransomware-hospitals.yaml'), 'utf8');
    const bad = write('bad-option.yaml', scenario.replace('option: No - stay in the cyber crisis cell', 'option: Maybe'));
    const r = await run([bad]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^crisis: .*bad-option\.yaml:\d+:\d+: script entry \d+ at PT9H: option: "Maybe" is not an option of step "situation-report"/);
  });

  it('stops at a schema error and at YAML that does not parse (exit 2)', async () => {
    for (const [name, text] of [
      ['no-expectations.yaml', 'apiVersion: crisis/v1\nkind: Exercise\nmetadata: { id: x, title: X, version: "1", tlp: CLEAR }\n'],
      ['broken.yaml', 'kind: Exercise\nscript: [\n'],
    ]) {
      const r = await run([write(name ?? '', text ?? '')]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^crisis: .*${name}:\\d+:\\d+: .+\\n$`));
    }
  });

  it('says so when the file does not exist (exit 2)', async () => {
    const r = await run(['nowhere/exercise.yaml']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('crisis: nowhere/exercise.yaml does not exist: give the path of an exercise file\n');
  });

  it('says so when the file is a plan (exit 2)', async () => {
    const r = await run(['playbooks/eu/eu-circp.yaml']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^crisis: playbooks\/eu\/eu-circp\.yaml is not an exercise \(kind: Plan\)/);
  });
});

describe('plans and the log', () => {
  it('loads plan files listed in planFiles, relative to the exercise, and given with --plan', async () => {
    mkdirSync(join(dir.path, 'plans'), { recursive: true });
    mkdirSync(join(dir.path, 'exercises', 'plans'), { recursive: true });
    writeFileSync(join(dir.path, 'plans', 'tiny.yaml'), tinyPlan);
    writeFileSync(join(dir.path, 'exercises', 'plans', 'tiny.yaml'), tinyPlan);
    writeFileSync(join(dir.path, 'exercises', 'listed.yaml'), minimal.replace('plan: tiny', 'plan: tiny\nplanFiles: [plans/tiny.yaml]'));
    const listed = await run([join(dir.path, 'exercises', 'listed.yaml'), '--format', 'json']);
    expect(listed.stderr).toBe('');
    expect(listed.exitCode).toBe(0);
    expect((JSON.parse(listed.stdout) as JsonReport).score.percent).toBe(100);

    writeFileSync(join(dir.path, 'exercises', 'given.yaml'), minimal);
    const without = await run([join(dir.path, 'exercises', 'given.yaml')]);
    expect(without.exitCode).toBe(2);
    expect(without.stderr).toMatch(/plan "tiny" is not loaded/);
    const given = await run([join(dir.path, 'exercises', 'given.yaml'), '--plan', join(dir.path, 'plans', 'tiny.yaml')]);
    expect(given.exitCode).toBe(0);
  });

  it('keeps the run in the log given with --db, under a new id each time, with an intact chain', async () => {
    const db = join(dir.path, 'log.db');
    const first = await run(['playbooks/exercises/ddos-national.yaml', '--db', db, '--format', 'json']);
    const second = await run(['playbooks/exercises/ddos-national.yaml', '--db', db, '--format', 'json']);
    expect([first.exitCode, second.exitCode]).toEqual([0, 0]);
    expect(first.stderr).toMatch(/as incident ex-20260414-ddos-national \(Exercise DDoS campaign [^)]*\)\n/);
    expect(second.stderr).toMatch(/as incident ex-20260414-ddos-national-2 \(Exercise DDoS campaign [^)]*\)\n/);
    expect(second.stdout).toBe(first.stdout);
    const verify = await runCli(['log', 'verify', '--db', db]);
    expect(verify.exitCode).toBe(0);
  });

  it('uses a temporary log when no --db is given, and removes it', async () => {
    const tmp = join(dir.path, 'tmp');
    mkdirSync(tmp, { recursive: true });
    const r = await run(['playbooks/exercises/ddos-national.yaml'], { TMPDIR: tmp });
    expect(r.exitCode).toBe(0);
    expect(readdirSync(tmp)).toEqual([]);
  });
});

const tinyPlan = `apiVersion: crisis/v1
kind: Plan
metadata: { id: tiny, title: Tiny plan, version: 1.0.0, jurisdiction: EU, tlp: CLEAR }
levels:
  - { id: technical, title: Technical, rank: 1 }
roles:
  - { id: csirt, title: CSIRT, type: csirt }
steps:
  - id: decide
    title: Decide
    phase: detection
    level: technical
    owner: csirt
    basis: plan
    decision:
      question: Go on?
      options:
        - { label: Go, next: done }
        - { label: Stop, next: done }
  - { id: done, title: Done, phase: recovery, level: technical, owner: csirt, basis: plan, end: true }
`;

const minimal = `apiVersion: crisis/v1
kind: Exercise
metadata: { id: tiny-drill, title: "Tiny drill <&>", version: "1", tlp: GREEN }
plan: tiny
objectives: [{ id: decide, title: Decide }]
participants: [csirt]
start: 2026-01-05T09:00:00Z
incident: { title: Drill }
injects: [{ id: go, at: PT0S, title: Go, message: Start }]
script:
  - { at: PT1H, do: decision, step: decide, option: 'Go' }
expectations:
  - { id: decided, objective: decide, type: decision-taken, step: decide, option: Go, by: PT2H, mandatory: true }
`;
