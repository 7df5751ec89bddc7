// The validate pipeline: settings, expand paths, read with limits, parse, check, apply the team's
// policy (inline disables, .crisis.yaml severities), format, decide the exit.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ProblemsFound, UsageError } from '../../core/errors.js';
import { countFindings, type Finding } from '../../core/findings.js';
import { findingFormats } from '../../core/report/findings/index.js';
import { ruleAnchor } from '../../core/report/findings/rule-anchor.js';
import { applyPolicy } from '../../core/suppression/apply-policy.js';
import { directiveRules } from '../../core/suppression/directive-rules.js';
import { isCrisisFile } from '../../adapters/crisis-sniff.js';
import { expandInputs, readLimited, type InputFile } from '../../adapters/plan-files.js';
import { packageHomepage, packageVersion } from '../../adapters/package-root.js';
import type { CliIO } from '../io.js';
import { createStyler, colourEnabled } from '../styler.js';
import { startProgress } from '../progress.js';
import { exercisePlanFiles } from '../exercise-plan-files.js';
import { loadValidation, parseFile, tooLargeFinding, MAX_PLAN_BYTES } from '../load-documents.js';
import { parseFiles, workerCount, type ParsedFile } from '../parse-in-workers.js';
import { reportPaths } from '../report-paths.js';
import { validateSettings } from '../validate-settings.js';
import type { ValidateOptions } from './validate.js';
import type { SourceDocument } from '../../core/plan/source.js';

/** How findings name standard input. */
export const STDIN_NAME = '<stdin>';

/** Run validate on the given paths and write the report to stdout. */
export async function validateAction(paths: readonly string[], options: ValidateOptions, io: CliIO): Promise<void> {
  const began = performance.now();
  const rules = [...loadValidation().rules, ...directiveRules];
  const settings = validateSettings(options, io.cwd, rules);
  const stdin = paths.includes('-') ? await stdinFile(io) : undefined;
  const search = { ignored: settings.ignored, crisisOnly: (absolute: string) => isCrisisFile(absolute, MAX_PLAN_BYTES), ...(stdin ? { stdin: () => stdin } : {}) };
  const files = [...(await expandInputs(defaultPaths(paths, io.cwd), io.cwd, search))];
  if (files.length === 0) {
    throw new UsageError(`no crisis files (*.yaml or *.yml with apiVersion: crisis/v1) in ${paths.join(', ') || 'playbooks'}: give plan files, folders or globs`);
  }

  const progress = await startProgress(io, files.length, 'Validating');
  const docs: SourceDocument[] = [];
  const found: Finding[] = [];
  const sources = new Map<string, string>();
  try {
    const read = files.map((file) => ({ file, read: readLimited(file, MAX_PLAN_BYTES) }));
    const toParse = read.flatMap(({ file, read: r }) => ('bytes' in r ? [{ file: file.display, bytes: r.bytes }] : []));
    const parsed = await parseFiles(toParse, workerCount(toParse.length, io.env), (n) => progress.update(n, toParse[n - 1]?.file ?? ''));
    let next = 0;
    for (const { file, read: r } of read) {
      if ('tooLarge' in r) found.push(tooLargeFinding(file.display, r.tooLarge));
      else keep(file, parsed[next++] ?? parseFile(file.display, r.bytes), docs, found, sources);
    }
    const named = exercisePlanFiles(docs, files, io.cwd, { allowOutside: options.allowOutside === true });
    found.push(...named.findings);
    for (const file of named.extra) {
      files.push(file);
      readOne(file, docs, found, sources);
    }
    const validation = loadValidation();
    // Document by document, letting SIGTERM and Ctrl+C through now and then: the rules of a large
    // repository take seconds.
    let checked = 0;
    for (const step of validation.checkEach(docs)) {
      found.push(...step);
      if (++checked % 16 === 0) await progress.update(files.length, docs[checked - 2]?.file ?? '');
    }
  } finally {
    progress.stop();
  }

  const findings = applyPolicy(found, sources, { rules, overrides: settings.overrides });
  const order = new Map(files.map((f, i) => [f.display, i]));
  findings.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line || a.column - b.column);
  const homepage = packageHomepage();
  const formatter = findingFormats[options.format];
  const output = formatter(
    { files: files.map((f) => f.display), findings },
    {
      sources,
      rules,
      styler: createStyler(options.format === 'stylish' && colourEnabled(io.env, io.stdout.isTTY)),
      tool: { name: 'crisis', version: packageVersion(), ...(homepage === undefined ? {} : { informationUri: homepage }) },
      repoPaths: reportPaths(files, settings.base),
      ...(homepage === undefined ? {} : { helpUri: (rule: string) => `${homepage.replace(/#.*$/, '')}#${ruleAnchor(rule)}` }),
      failOn: options.failOn,
      elapsedMs: performance.now() - began,
    },
  );
  io.stdout.write(output);

  const { errors, warnings } = countFindings(findings);
  if (errors > 0 || (options.failOn === 'warning' && warnings > 0)) throw new ProblemsFound();
}

function defaultPaths(paths: readonly string[], cwd: string): readonly string[] {
  if (paths.length > 0) return paths;
  if (!existsSync(join(cwd, 'playbooks'))) {
    throw new UsageError('no path given and there is no ./playbooks folder here: give plan files, folders or globs');
  }
  return ['playbooks'];
}

/** Standard input as a file named <stdin> (exercise planFiles are then relative to the current folder). */
async function stdinFile(io: CliIO): Promise<InputFile> {
  if (io.readStdin === undefined || io.stdinIsTTY) {
    throw new UsageError("'-' reads a plan from standard input, but that is a terminal: pipe a file in (crisis validate - < plan.yaml)");
  }
  return { display: STDIN_NAME, absolute: join(io.cwd, STDIN_NAME), bytes: await io.readStdin(MAX_PLAN_BYTES) };
}

function readOne(file: InputFile, docs: SourceDocument[], findings: Finding[], sources: Map<string, string>): void {
  const read = readLimited(file, MAX_PLAN_BYTES);
  if ('tooLarge' in read) {
    findings.push(tooLargeFinding(file.display, read.tooLarge));
    return;
  }
  keep(file, parseFile(file.display, read.bytes), docs, findings, sources);
}

function keep(file: InputFile, parsed: ParsedFile, docs: SourceDocument[], findings: Finding[], sources: Map<string, string>): void {
  findings.push(...parsed.findings);
  if (parsed.doc) {
    docs.push(parsed.doc);
    sources.set(file.display, parsed.doc.text);
  }
}
