// Validate parsed documents together: schema per kind, then the semantic rules, with
// references resolved across every document given plus the bundled plans.
import type { ValidateFunction } from 'ajv';
import type { Finding, RuleFinding, RuleMeta } from '../findings.js';
import type { SourceDocument } from './source.js';
import type { Plan } from './types.js';
import { schemaFindings } from './schema-findings.js';
import { withoutSchemaEchoes } from './suppress.js';
import { nis2Rules, planRules, runRules } from './rules/index.js';
import { get, isNational, planId, str } from './rules/safe.js';

const kindOf = (value: unknown): string | undefined => str(get(value, 'kind'));

/** The rules this module reports itself, for SARIF and the docs. */
export const documentRuleMeta: readonly RuleMeta[] = [
  { id: 'ids/duplicate-plan', severity: 'error', description: 'Two files given together declare the same plan id.' },
  { id: 'schema/unknown-kind', severity: 'error', description: 'The document has no kind, or a kind crisis does not read.' },
];

/** A compiled validator per document kind. */
export interface KindValidators {
  Plan: ValidateFunction;
  [kind: string]: ValidateFunction;
}

/** Rules for a kind other than Plan: they see the document and every plan by id. */
export type KindRules = (value: unknown, plans: ReadonlyMap<string, Plan>) => RuleFinding[];

export interface CheckOptions {
  validators: KindValidators;
  /** Plans known without being given (the bundled EU plan), used only to resolve references. */
  reference: readonly Plan[];
  /** Semantic rules of the kinds other than Plan. */
  kindRules?: Readonly<Record<string, KindRules>>;
}

/** Findings for every document, schema first, then rules. */
export function checkDocuments(docs: readonly SourceDocument[], options: CheckOptions): Finding[] {
  const findings: Finding[] = [];
  for (const step of checkEach(docs, options)) findings.push(...step);
  return findings;
}

/**
 * checkDocuments one document at a time: the plan index's findings first, then each document's,
 * so that a caller can let signals through between documents of a long run.
 */
export function* checkEach(docs: readonly SourceDocument[], options: CheckOptions): Generator<Finding[], void, undefined> {
  const { plans, findings } = collectPlans(docs, options.reference);
  yield findings;
  for (const doc of docs) {
    const kind = kindOf(doc.value);
    const validate = kind === undefined ? undefined : options.validators[kind];
    if (validate === undefined) {
      yield [kindFinding(doc, kind, Object.keys(options.validators))];
      continue;
    }
    const schema = validate(doc.value) ? [] : schemaFindings(validate.errors ?? [], doc, validate.schema as object);
    const rules = ruleFindings(kind ?? '', doc.value, plans, options.kindRules);
    yield [...schema, ...placed(doc, withoutSchemaEchoes(schema, rules))];
  }
}

function ruleFindings(
  kind: string,
  value: unknown,
  plans: ReadonlyMap<string, Plan>,
  kindRules: Readonly<Record<string, KindRules>> | undefined,
): RuleFinding[] {
  if (kind !== 'Plan') return kindRules?.[kind]?.(value, plans) ?? [];
  // Rules are written to survive schema-invalid data, so they run even after schema errors.
  const plan = value as Plan;
  const ctx = { plan, plans };
  const out = runRules(planRules, ctx);
  if (isNational(plan)) out.push(...runRules(nis2Rules, ctx));
  return out;
}


/** Index plans by metadata.id; a second plan with an id already given is a finding. */
function collectPlans(docs: readonly SourceDocument[], reference: readonly Plan[]): { plans: Map<string, Plan>; findings: Finding[] } {
  const plans = new Map<string, Plan>();
  const origin = new Map<string, string>();
  const findings: Finding[] = [];
  for (const doc of docs) {
    if (kindOf(doc.value) !== 'Plan') continue;
    const id = planId(doc.value);
    if (id === undefined) continue;
    const first = origin.get(id);
    if (first !== undefined) {
      const at = doc.locate('/metadata/id');
      findings.push({
        file: doc.file,
        ...at,
        severity: 'error',
        rule: 'ids/duplicate-plan',
        message: `plan id '${id}' is already used by ${first}: give each plan its own metadata.id`,
        path: '/metadata/id',
      });
      continue;
    }
    plans.set(id, doc.value as Plan);
    origin.set(id, doc.file);
  }
  for (const plan of reference) {
    const id = planId(plan);
    if (id !== undefined && !plans.has(id)) plans.set(id, plan);
  }
  return { plans, findings };
}



function kindFinding(doc: SourceDocument, kind: string | undefined, known: readonly string[]): Finding {
  const list = known.join(' or ');
  if (kind === undefined) {
    const hasKind = get(doc.value, 'kind') !== undefined;
    return {
      file: doc.file,
      ...doc.locate(hasKind ? '/kind' : ''),
      severity: 'error',
      rule: 'schema/unknown-kind',
      message: hasKind ? `kind must be ${list}` : `the document has no 'kind': add 'kind: Plan' (or ${list}) at the top`,
      path: hasKind ? '/kind' : '',
    };
  }
  return {
    file: doc.file,
    ...doc.locate('/kind'),
    severity: 'error',
    rule: 'schema/unknown-kind',
    message: `unknown kind '${kind}': crisis reads ${list} documents`,
    path: '/kind',
  };
}

function placed(doc: SourceDocument, found: readonly RuleFinding[]): Finding[] {
  return found.map((f) => ({
    file: doc.file,
    ...doc.locate(f.path, f.at),
    severity: f.severity,
    rule: f.rule,
    message: f.message,
    path: f.path,
  }));
}
