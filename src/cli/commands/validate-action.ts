// The validate pipeline: expand paths, read with limits, parse, check, format, decide the exit.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ProblemsFound, UsageError } from '../../core/errors.js';
import { countFindings, type Finding } from '../../core/findings.js';
import { findingFormats } from '../../core/report/findings/index.js';
import { expandInputs, readLimited, type InputFile } from '../../adapters/plan-files.js';
import { packageVersion } from '../../adapters/package-root.js';
import type { CliIO } from '../io.js';
import { createStyler, colourEnabled } from '../styler.js';
import { startProgress } from '../progress.js';
import { exercisePlanFiles } from '../exercise-plan-files.js';
import { loadValidation, parseFile, tooLargeFinding, MAX_PLAN_BYTES } from '../load-documents.js';
import type { ValidateOptions } from './validate.js';
import type { SourceDocument } from '../../core/plan/source.js';

/** Run validate on the given paths and write the report to stdout. */
export async function validateAction(paths: readonly string[], options: ValidateOptions, io: CliIO): Promise<void> {
  const files = [...(await expandInputs(defaultPaths(paths, io.cwd), io.cwd))];
  if (files.length === 0) throw new UsageError(`no *.yaml or *.yml files in ${paths.join(', ') || 'playbooks'}: give plan files, folders or globs`);

  const progress = await startProgress(io, files.length, 'Validating');
  const docs: SourceDocument[] = [];
  const findings: Finding[] = [];
  const sources = new Map<string, string>();
  try {
    for (const [index, file] of files.entries()) {
      await progress.update(index + 1, file.display);
      readOne(file, docs, findings, sources);
    }
    const named = exercisePlanFiles(docs, files, io.cwd, { allowOutside: options.allowOutside === true });
    findings.push(...named.findings);
    for (const file of named.extra) {
      files.push(file);
      readOne(file, docs, findings, sources);
    }
    const validation = loadValidation();
    findings.push(...validation.check(docs));
  } finally {
    progress.stop();
  }

  const order = new Map(files.map((f, i) => [f.display, i]));
  findings.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line || a.column - b.column);
  const formatter = findingFormats[options.format];
  const output = formatter(
    { files: files.map((f) => f.display), findings },
    {
      sources,
      rules: loadValidation().rules,
      styler: createStyler(options.format === 'stylish' && colourEnabled(io.env, io.stdout.isTTY)),
      tool: { name: 'crisis', version: packageVersion() },
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

function readOne(file: InputFile, docs: SourceDocument[], findings: Finding[], sources: Map<string, string>): void {
  const read = readLimited(file, MAX_PLAN_BYTES);
  if ('tooLarge' in read) {
    findings.push(tooLargeFinding(file.display, read.tooLarge));
    return;
  }
  const parsed = parseFile(file.display, read.bytes);
  findings.push(...parsed.findings);
  if (parsed.doc) {
    docs.push(parsed.doc);
    sources.set(file.display, parsed.doc.text);
  }
}
