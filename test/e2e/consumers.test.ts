// The validator's outputs read by what reads them: Microsoft's SARIF Multitool (the SARIF SDK's
// validation rules, run offline from the npm package) and VS Code's $eslint-stylish problem
// matcher (its patterns as VS Code documents them, run as VS Code runs a looping matcher).
import { execa } from 'execa';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot, runCli } from '../helpers/run-cli.js';
import { ciRepo, WARNING_PLAN, type Repo } from '../helpers/ci-repo.js';

let repo: Repo;
afterEach(() => repo.cleanup());

/** A plan with findings of several rules on several lines, and a clean one beside it. */
function twoFiles(): void {
  repo.write('plans/bad.yaml', WARNING_PLAN.replace('id: walk-test', 'id: bad-plan').replace('next: assess', 'next: asess').replace('owner: csirt\n    basis: NIS2 Art. 16', 'owner: nobody\n    basis: NIS2 Art. 16'));
}

interface SarifResults {
  runs: { results: { ruleId: string; level: string; message: { text: string } }[] }[];
}

describe('SARIF Multitool', () => {
  it('finds no error or warning in our SARIF, nor a missing tool or rule property', async () => {
    repo = ciRepo();
    twoFiles();
    const log = join(repo.root, 'crisis.sarif');
    const sarif = await runCli(['validate', '--format', 'sarif', '.'], { cwd: join(repo.root, 'plans') });
    expect(sarif.exitCode).toBe(1);
    writeFileSync(log, sarif.stdout);
    const out = join(repo.root, 'multitool.sarif');
    const bin = join(projectRoot, 'node_modules', '.bin', 'sarif-multitool');
    const config = join(projectRoot, 'test/fixtures/sarif/multitool-offline.xml');
    const r = await execa(bin, ['validate', log, '--output', out, '--level', 'Error', 'Warning', 'Note', '--config', config], { reject: false, timeout: 60_000 });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    const results = (JSON.parse(readFileSync(out, 'utf8')) as SarifResults).runs[0]?.results ?? [];
    expect(results.filter((x) => x.level === 'error' || x.level === 'warning').map((x) => `${x.ruleId}: ${x.message.text}`)).toEqual([]);
    // Notes we answer: tool properties (SARIF2005), rule names and help links (SARIF2012), snippets
    // (SARIF2010) and context regions (SARIF2011). Others are advice we do not follow, on purpose:
    // rule ids are a contract (SARIF2009), no message arguments (2002), no git provenance or
    // embedded files (2003, 2013); 2006 (are the URIs reachable?) is off, it would go on the network.
    const answered = new Set(['SARIF2005', 'SARIF2010', 'SARIF2011', 'SARIF2012']);
    expect(results.filter((x) => answered.has(x.ruleId)).map((x) => x.ruleId)).toEqual([]);
  }, 90_000);
});

// VS Code's documented $eslint-stylish matcher: a file line, then a looping pattern per problem.
const FILE = /^([^\s].*)$/;
const PROBLEM = /^\s+(\d+):(\d+)\s+(error|warning|info)\s+(.*)\s\s+(.*)$/;

interface Matched {
  file: string;
  line: number;
  column: number;
  severity: string;
  message: string;
  code: string;
}

/** Run the matcher over output as VS Code does: the loop ends at the first line it does not match. */
function matchStylish(output: string): Matched[] {
  const found: Matched[] = [];
  let file: string | undefined;
  let looping = false;
  for (const line of output.split('\n')) {
    const problem = file === undefined ? null : PROBLEM.exec(line);
    if (file !== undefined && problem) {
      const [, l, c, severity, message, code] = problem;
      found.push({ file, line: Number(l), column: Number(c), severity: severity ?? '', message: message ?? '', code: code ?? '' });
      looping = true;
      continue;
    }
    if (looping || file !== undefined) file = undefined;
    looping = false;
    const header = FILE.exec(line);
    if (header) file = header[1];
  }
  return found;
}

describe("VS Code's $eslint-stylish problem matcher", () => {
  it('reads every finding of the stylish output, with its file, position, severity and rule', async () => {
    repo = ciRepo();
    twoFiles();
    const compact = await runCli(['validate', '--format', 'compact', 'plans'], { cwd: repo.root });
    const expected = compact.stdout
      .trimEnd()
      .split('\n')
      .map((l) => /^(.*?):(\d+):(\d+): (error|warning) (\S+) /.exec(l))
      .map((m) => ({ file: m?.[1], line: Number(m?.[2]), column: Number(m?.[3]), severity: m?.[4], code: m?.[5] }));
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(new Set(expected.map((e) => e.file)).size).toBe(2);
    const stylish = await runCli(['validate', 'plans'], { cwd: repo.root });
    expect(stylish.stdout).toContain(' | '); // the excerpts are there
    const matched = matchStylish(stylish.stdout);
    expect(matched.map(({ file, line, column, severity, code }) => ({ file, line, column, severity, code }))).toEqual(expected);
  });
});
