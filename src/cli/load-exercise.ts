// Load an exercise for a run: the file, the plans it needs (bundled, its planFiles, --plan),
// all validated as `crisis validate` would; the first error stops the run (exit 2).
import { readBundledPlans } from '../adapters/bundled-plans.js';
import { namedFile } from '../adapters/plan-files.js';
import { UsageError } from '../core/errors.js';
import type { Exercise } from '../core/exercise/types.js';
import type { Plan } from '../core/plan/types.js';
import type { Plans } from '../core/engine/index.js';
import { exercisePlanFiles, type PlanFileOptions } from './exercise-plan-files.js';
import { loadValidation } from './load-documents.js';
import { invalidDocument, readDocument } from './read-document.js';

export interface LoadedExercise {
  exercise: Exercise;
  file: string; // as the user named it
  plans: Plans;
  texts: ReadonlyMap<string, string>; // plan id -> YAML source, for the log's plan snapshots
}

/** Read, parse and validate the exercise and its plans; UsageError naming the first problem. */
export function loadExercise(path: string, planPaths: readonly string[], cwd: string, options: PlanFileOptions): LoadedExercise {
  const exerciseFile = namedFile(path, cwd, cwd, 'an exercise file');
  const exDoc = readDocument(exerciseFile);
  const kind = (exDoc.value as { kind?: unknown }).kind;
  if (kind !== 'Exercise') {
    throw new UsageError(`${exerciseFile.display} is not an exercise (kind: ${String(kind)}): give a file with kind: Exercise`);
  }
  // The same rules as crisis validate: missing or outside plan files stop the run before any is read.
  const listed = exercisePlanFiles([exDoc], [exerciseFile], cwd, options);
  if (listed.findings[0]) throw invalidDocument(listed.findings[0], exerciseFile.display, listed.findings.length);
  const inputs = [...listed.extra, ...planPaths.map((p) => namedFile(p, cwd, cwd, 'a plan file'))];
  const unique = inputs.filter((f, i) => inputs.findIndex((g) => g.absolute === f.absolute) === i);
  const planDocs = unique.map(readDocument);

  const errors = loadValidation()
    .check([exDoc, ...planDocs])
    .filter((f) => f.severity === 'error');
  if (errors[0]) throw invalidDocument(errors[0], exerciseFile.display, errors.length);

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
