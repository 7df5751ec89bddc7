// Load an exercise for a run: the file, the plans it needs (bundled, its planFiles, --plan),
// all validated as `crisis validate` would; the first error stops the run (exit 2).
import { statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { readBundledPlans } from '../adapters/bundled-plans.js';
import { readLimited, type InputFile } from '../adapters/plan-files.js';
import { UsageError } from '../core/errors.js';
import type { Exercise } from '../core/exercise/types.js';
import type { Finding } from '../core/findings.js';
import type { SourceDocument } from '../core/plan/source.js';
import type { Plan } from '../core/plan/types.js';
import type { Plans } from '../core/engine/index.js';
import { loadValidation, MAX_PLAN_BYTES, parseFile, tooLargeFinding } from './load-documents.js';

export interface LoadedExercise {
  exercise: Exercise;
  file: string; // as the user named it
  plans: Plans;
  texts: ReadonlyMap<string, string>; // plan id -> YAML source, for the log's plan snapshots
}

/** Read, parse and validate the exercise and its plans; UsageError naming the first problem. */
export function loadExercise(path: string, planPaths: readonly string[], cwd: string): LoadedExercise {
  const exerciseFile = openInput(path, cwd, cwd, 'an exercise file');
  const exDoc = parse(exerciseFile);
  const kind = (exDoc.value as { kind?: unknown }).kind;
  if (kind !== 'Exercise') {
    throw new UsageError(`${exerciseFile.display} is not an exercise (kind: ${String(kind)}): give a file with kind: Exercise`);
  }
  const base = dirname(exerciseFile.absolute);
  const listed = (exDoc.value as { planFiles?: unknown }).planFiles;
  const planFiles = Array.isArray(listed) ? listed.filter((p): p is string => typeof p === 'string') : [];
  const inputs = [
    ...planFiles.map((p) => openInput(p, base, cwd, `a plan file (planFiles of ${exerciseFile.display} are relative to it)`)),
    ...planPaths.map((p) => openInput(p, cwd, cwd, 'a plan file')),
  ];
  const unique = inputs.filter((f, i) => inputs.findIndex((g) => g.absolute === f.absolute) === i);
  const planDocs = unique.map(parse);

  const errors = loadValidation()
    .check([exDoc, ...planDocs])
    .filter((f) => f.severity === 'error');
  if (errors[0]) throw invalid(errors[0], exerciseFile.display, errors.length);

  const plans = new Map<string, Plan>();
  const texts = new Map<string, string>();
  for (const b of readBundledPlans()) {
    plans.set(b.plan.metadata.id, b.plan);
    texts.set(b.plan.metadata.id, b.text);
  }
  for (const doc of planDocs) {
    const plan = doc.value as Plan;
    if (plan.kind !== 'Plan') throw new UsageError(`${doc.file} is not a plan (kind: ${String(plan.kind)}): give plan files with --plan and in planFiles`);
    plans.set(plan.metadata.id, plan);
    texts.set(plan.metadata.id, doc.text);
  }
  return { exercise: exDoc.value as Exercise, file: exerciseFile.display, plans, texts };
}

/** A file the user named (relative to `base`), shown relative to the working folder `cwd`. */
function openInput(path: string, base: string, cwd: string, what: string): InputFile {
  const absolute = resolve(base, path);
  let isFolder: boolean;
  try {
    isFolder = statSync(absolute).isDirectory();
  } catch {
    throw new UsageError(`${path} does not exist: give the path of ${what}`);
  }
  if (isFolder) throw new UsageError(`${path} is a folder: give the path of ${what}`);
  const rel = relative(cwd, absolute);
  return { absolute, display: rel === '' || rel.startsWith('..') || isAbsolute(rel) ? absolute : rel.split(sep).join('/') };
}

function parse(file: InputFile): SourceDocument {
  const read = readLimited(file, MAX_PLAN_BYTES);
  if ('tooLarge' in read) throw invalid(tooLargeFinding(file.display, read.tooLarge), file.display);
  const parsed = parseFile(file.display, read.bytes);
  const first = parsed.findings.find((f) => f.severity === 'error');
  if (first || !parsed.doc) throw invalid(first, file.display);
  return parsed.doc;
}

function invalid(finding: Finding | undefined, file: string, count = 1): UsageError {
  const where = finding ? `${finding.file}:${finding.line}:${finding.column}: ${finding.message.replace(/\s*\n\s*/g, ' ')}` : `${file} cannot be read`;
  const more = count > 1 ? ` (and ${count - 1} more)` : '';
  return new UsageError(`${where}${more}; fix it (see crisis validate ${finding?.file ?? file}) and try again`);
}
