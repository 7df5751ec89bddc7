// `crisis validate` where plan teams run it: from any folder of a repository, in CI systems
// that read SARIF, JUnit and Code Quality, with the team's .crisis.yaml and inline disables.
import { join } from 'node:path';
import { parse, type TestSuites } from 'junit2json';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { ciRepo, WARNING_LINE, WARNING_PLAN, type Repo } from '../helpers/ci-repo.js';

/** A JUnit report read as CI systems read it; ours always has <testsuites> at the top. */
const parseJunit = async (xml: string): Promise<TestSuites | undefined> => ((await parse(xml)) ?? undefined) as TestSuites | undefined;

let repo: Repo;
afterEach(() => repo.cleanup());
const validate = (args: readonly string[], cwd = repo.root, input?: string) =>
  runCli(['validate', ...args], { cwd, ...(input === undefined ? {} : { input }) });

interface Sarif {
  runs: {
    automationDetails: { id: string };
    tool: { driver: { semanticVersion: string; informationUri: string; rules: { id: string; helpUri?: string; fullDescription: { text: string } }[] } };
    artifacts: { location: { uri: string } }[];
    results: { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
  }[];
}

describe('file names relative to the repository root', () => {
  it('names files from the root in sarif, github and codeclimate when run from a subfolder; --base overrides', async () => {
    repo = ciRepo();
    const sub = join(repo.root, 'plans');
    const sarif = JSON.parse((await validate(['--format', 'sarif', 'warn.yaml'], sub)).stdout) as Sarif;
    const run = sarif.runs[0];
    expect(run?.artifacts.map((a) => a.location.uri)).toEqual(['plans/warn.yaml']);
    expect(run?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('plans/warn.yaml');
    expect(run?.automationDetails.id).toBe('crisis/validate/');
    expect(run?.results[0]?.partialFingerprints['crisisFinding/v1']).toMatch(/^[0-9a-f]{16}$/);
    const rule = run?.tool.driver.rules.find((r) => r.id === 'escalate/not-higher');
    expect(rule?.helpUri).toMatch(/#rule-escalate-not-higher$/);
    expect(run?.tool.driver.semanticVersion).toMatch(/^\d+\.\d+\.\d+/);

    const github = await validate(['--format', 'github', 'warn.yaml'], sub);
    expect(github.stdout).toMatch(new RegExp(`^::warning file=plans/warn.yaml,line=${WARNING_LINE},`));
    const quality = JSON.parse((await validate(['--format', 'codeclimate', 'warn.yaml'], sub)).stdout) as { location: { path: string } }[];
    expect(quality[0]?.location.path).toBe('plans/warn.yaml');
    // Findings for people keep naming files from where they ran.
    expect((await validate(['--format', 'compact', 'warn.yaml'], sub)).stdout).toMatch(/^warn\.yaml:45:/);

    const based = await validate(['--format', 'github', '--base', '.', 'warn.yaml'], sub);
    expect(based.stdout).toMatch(/^::warning file=warn.yaml,/);
    const missing = await validate(['--base', 'nowhere', 'warn.yaml'], sub);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/^crisis: --base nowhere is not a folder/);
  });

  it('keeps a fingerprint when lines are added above the finding', async () => {
    repo = ciRepo();
    const print = async (): Promise<string | undefined> => {
      const log = JSON.parse((await validate(['--format', 'sarif', 'plans/warn.yaml'])).stdout) as Sarif;
      return log.runs[0]?.results[0]?.partialFingerprints['crisisFinding/v1'];
    };
    const before = await print();
    repo.write('plans/warn.yaml', `# a new comment\n# and another\n${WARNING_PLAN}`);
    expect(await print()).toBe(before);
  });
});

describe('junit agrees with the exit code', () => {
  it('fails the file when --fail-on warning makes a warning fail the run', async () => {
    repo = ciRepo();
    const lenient = await validate(['--format', 'junit', 'plans']);
    expect(lenient.exitCode).toBe(0);
    expect(await parseJunit(lenient.stdout)).toMatchObject({ tests: 1, failures: 0 });
    const strict = await validate(['--format', 'junit', '--fail-on', 'warning', 'plans']);
    expect(strict.exitCode).toBe(1);
    const parsed = await parseJunit(strict.stdout);
    expect(parsed).toMatchObject({ tests: 1, failures: 1, testsuite: [{ failures: 1, testcase: [{ name: 'plans/warn.yaml' }] }] });
    expect(typeof parsed?.time).toBe('number');
    expect(parsed?.testsuite?.[0]?.testcase?.[0]?.failure?.[0]?.inner).toContain('escalate/not-higher');
  });
});

describe('which files a search reads', () => {
  it('skips dot-folders, node_modules and YAML that is not a crisis document; reads named files always', async () => {
    repo = ciRepo();
    repo.write('.github/workflows/ci.yaml', 'on: push\njobs: {}\n');
    repo.write('.gitlab-ci.yml', 'stages: [test]\n');
    repo.write('.pre-commit-config.yaml', 'repos: []\n');
    repo.write('node_modules/pkg/plan.yaml', WARNING_PLAN);
    repo.write('deploy/k8s.yaml', 'apiVersion: v1\nkind: ConfigMap\n');
    repo.write('plans/future.yaml', 'apiVersion: crisis/v9\nkind: Plan\n');
    const r = await validate(['--format', 'json', '.']);
    const out = JSON.parse(r.stdout) as { files: number; findings: { file: string; rule: string }[] };
    expect(out.files).toBe(2); // warn.yaml and future.yaml: a wrong crisis version is read and reported
    expect([...new Set(out.findings.map((f) => f.file))].sort()).toEqual(['plans/future.yaml', 'plans/warn.yaml']);
    const named = await validate(['--format', 'compact', 'deploy/k8s.yaml']);
    expect(named.exitCode).toBe(1);
    expect(named.stdout).toMatch(/^deploy\/k8s\.yaml:\d+:\d+: error /);
    const none = await validate(['deploy']);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toMatch(/^crisis: no crisis files/);
  });

  it('leaves out what --ignore and the ignore list of .crisis.yaml match', async () => {
    repo = ciRepo();
    repo.write('plans/drafts/a.yaml', WARNING_PLAN.replace('id: walk-test', 'id: draft-a'));
    repo.write('plans/old.draft.yaml', WARNING_PLAN.replace('id: walk-test', 'id: draft-b'));
    const files = async (args: readonly string[]): Promise<number> => (JSON.parse((await validate(['--format', 'json', ...args])).stdout) as { files: number }).files;
    expect(await files(['.'])).toBe(3);
    expect(await files(['--ignore', 'drafts', '.'])).toBe(2);
    expect(await files(['--ignore', 'drafts/', '--ignore', '**/*.draft.yaml', '.'])).toBe(1);
    repo.write('.crisis.yaml', 'ignore:\n  - plans/drafts/**\n');
    expect(await files(['.'])).toBe(2);
    expect(await files(['plans/drafts/a.yaml', '.'])).toBe(3); // named files are always read
  });
});

describe('.crisis.yaml and inline disables', () => {
  it('turns a warning off or into an error; the nearest config up to the repository root applies', async () => {
    repo = ciRepo();
    repo.write('.crisis.yaml', 'rules:\n  escalate/not-higher: error\n');
    const raised = await validate(['--format', 'compact', 'warn.yaml'], join(repo.root, 'plans'));
    expect(raised.exitCode).toBe(1);
    expect(raised.stdout).toMatch(/^warn\.yaml:45:\d+: error escalate\/not-higher /);
    repo.write('plans/.crisis.yaml', 'rules:\n  escalate/*: off\n');
    const off = await validate(['--format', 'compact', 'warn.yaml'], join(repo.root, 'plans'));
    expect(off).toMatchObject({ exitCode: 0, stdout: '' });
  });

  it.each([
    ['rules:\n  ref/unknown-step: off\n', /^crisis: \.crisis\.yaml:2: ref\/unknown-step is an error, .* cannot be turned off or lowered/],
    ['rules:\n  escalate/not-highr: off\n', /^crisis: \.crisis\.yaml:2: 'escalate\/not-highr' is not a rule; did you mean 'escalate\/not-higher'\?/],
    ['rules:\n  escalate/not-higher: disabled\n', /^crisis: \.crisis\.yaml:2: rule 'escalate\/not-higher' must be set to off, warning or error/],
    ['ignroe: [x]\n', /^crisis: \.crisis\.yaml:1: unknown setting 'ignroe'; did you mean 'ignore'\?/],
    ['rules: [\n', /^crisis: \.crisis\.yaml:\d+: not valid YAML/],
  ])('refuses an invalid config in one line with its line: %j', async (config, message) => {
    repo = ciRepo();
    repo.write('.crisis.yaml', config);
    const r = await validate(['plans']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('disables a warning on the next line with a reason, and reports disables that are wrong', async () => {
    repo = ciRepo();
    const lines = WARNING_PLAN.split('\n');
    const at = (n: number, comment: string): string => [...lines.slice(0, n - 1), `        # ${comment}`, ...lines.slice(n - 1)].join('\n');
    repo.write('plans/warn.yaml', at(WARNING_LINE, 'crisis-disable-next-line escalate/not-higher -- kept on purpose for the drill'));
    expect(await validate(['--format', 'compact', 'plans'])).toMatchObject({ exitCode: 0, stdout: '' });

    const cases: [string, RegExp][] = [
      ['crisis-disable-next-line escalate/not-higher', /:45:9: error suppression\/no-reason /],
      ['crisis-disable-next-line escalate/not-highr -- typo', /:45:\d+: error suppression\/unknown-rule 'escalate\/not-highr' is not a rule; did you mean 'escalate\/not-higher'\?/],
      ['crisis-disable-next-line ref/unknown-step -- no', /:45:\d+: error suppression\/not-allowed ref\/unknown-step is an error/],
    ];
    for (const [comment, finding] of cases) {
      repo.write('plans/warn.yaml', at(WARNING_LINE, comment));
      const r = await validate(['--format', 'compact', 'plans']);
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toMatch(finding);
    }
    repo.write('plans/warn.yaml', at(10, 'crisis-disable-next-line escalate/not-higher -- nothing here'));
    const unused = await validate(['--format', 'compact', 'plans']);
    expect(unused.stdout).toMatch(/:10:\d+: warning suppression\/unused /);
    expect(unused.stdout).toMatch(/:46:\d+: warning escalate\/not-higher /);
  });
});

describe('standard input', () => {
  it("reads a plan from '-', named <stdin>", async () => {
    repo = ciRepo();
    const r = await validate(['--format', 'compact', '-'], repo.root, WARNING_PLAN);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^<stdin>:45:\d+: warning escalate\/not-higher /);
    const json = JSON.parse((await validate(['--format', 'json', '-', 'plans/warn.yaml'], repo.root, 'kind: [')).stdout) as { files: number; findings: { file: string; rule: string }[] };
    expect(json.files).toBe(2);
    expect(json.findings[0]).toMatchObject({ file: '<stdin>', rule: 'yaml/syntax' });
  });
});
