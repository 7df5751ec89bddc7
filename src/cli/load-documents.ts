// Parse files and check documents with the schemas and the bundled EU plan, shared by the
// commands that read plans (validate, respond, exercise).
import type { Finding, RuleMeta } from '../core/findings.js';
import { checkDocuments, checkEach, documentRuleMeta, type KindValidators } from '../core/plan/check-documents.js';
import { parseSource } from '../core/plan/parse-source.js';
import type { SourceDocument } from '../core/plan/source.js';
import type { Plan } from '../core/plan/types.js';
import { schemaRuleMeta } from '../core/plan/schema-findings.js';
import { nis2Rules, planRules } from '../core/plan/rules/index.js';
import { bundledEuPlanPath } from '../adapters/bundled.js';
import { schemaValidator } from '../adapters/schema-validators.js';
import { readBundledPlan, readBundledPlans } from '../adapters/bundled-plans.js';
import { checkExercise, exerciseRules } from '../core/exercise/rules/index.js';
import { missingPlanFileRule, outsidePlanFileRule } from './exercise-plan-files.js';
import { UsageError } from '../core/errors.js';

import { MAX_PLAN_BYTES } from './plan-limits.js';

export { MAX_PLAN_BYTES };

/** Parse one file's bytes into a located document, or findings. */
export function parseFile(file: string, bytes: Uint8Array): { doc?: SourceDocument; findings: Finding[] } {
  return parseSource(file, bytes, { maxBytes: MAX_PLAN_BYTES });
}

/** The finding for a file too large to read. */
export function tooLargeFinding(file: string, size: number): Finding {
  const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return {
    file,
    line: 1,
    column: 1,
    severity: 'error',
    rule: 'yaml/too-large',
    message: `the file is ${mb(size)}, above the ${mb(MAX_PLAN_BYTES)} limit for a plan: split it or remove what is not part of the plan`,
    path: '',
  };
}

export interface Validation {
  check(docs: readonly SourceDocument[]): Finding[];
  /** check, one document at a time (see checkEach). */
  checkEach(docs: readonly SourceDocument[]): Iterable<Finding[]>;
  rules: readonly RuleMeta[];
  bundledEu: Plan;
}

let cached: Validation | undefined;

/** Load the schema validators and the bundled EU plan once per process (other bundled plans when needed). */
export function loadValidation(): Validation {
  if (cached) return cached;
  const validators: KindValidators = { Plan: schemaValidator('plan'), Exercise: schemaValidator('exercise') };
  const bundledEu = readBundledPlan(bundledEuPlanPath)?.plan;
  if (!bundledEu) throw new UsageError(`the bundled EU plan ${bundledEuPlanPath} cannot be read: reinstall crisis`);
  const metas = [...schemaRuleMeta, ...planRules, ...nis2Rules, ...documentRuleMeta, ...exerciseRules, missingPlanFileRule, outsidePlanFileRule];
  // format/duration is shared by plan and exercise rules: list each id once.
  const rules = metas
    .filter((m, i) => metas.findIndex((x) => x.id === m.id) === i)
    .map(({ id, severity, description }) => ({ id, severity, description }));
  // Exercises may open on any bundled plan; parsing them all costs time, so only for exercises.
  const reference = (docs: readonly SourceDocument[]): Plan[] =>
    docs.some((d) => (d.value as { kind?: unknown } | null)?.kind === 'Exercise')
      ? [bundledEu, ...readBundledPlans().map((b) => b.plan).filter((p) => p.metadata.id !== bundledEu.metadata.id)]
      : [bundledEu];
  cached = {
    check: (docs) => checkDocuments(docs, { validators, reference: reference(docs), kindRules: { Exercise: checkExercise } }),
    checkEach: (docs) => checkEach(docs, { validators, reference: reference(docs), kindRules: { Exercise: checkExercise } }),
    rules,
    bundledEu,
  };
  return cached;
}
