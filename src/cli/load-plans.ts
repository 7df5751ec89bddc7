// Load the plans an incident runs on: a validated plan file (or the bundled EU plan) and the
// plans it hands over to; or, on resume, the snapshots kept with the incident.
import type { Finding } from '../core/findings.js';
import { UsageError } from '../core/errors.js';
import type { Plans } from '../core/engine/index.js';
import type { PlanSnapshot, PlanSnapshotInput } from '../core/ports.js';
import type { Plan } from '../core/plan/types.js';
import { readBundledEuPlan } from '../adapters/bundled.js';
import { readPlanFile } from '../adapters/plan-files.js';
import { loadValidation, MAX_PLAN_BYTES, parseFile, tooLargeFinding } from './load-documents.js';

export interface LoadedPlans {
  plan: Plan; // the plan the incident opens on
  plans: Plans; // it and every plan it can hand over to
  snapshots: PlanSnapshotInput[];
}

/** The plan at `path` (the bundled EU plan when undefined), validated, with its parent plan. */
export function loadPlansForIncident(path: string | undefined, cwd: string): LoadedPlans {
  const main = path === undefined ? readBundled() : readValidated(path, cwd);
  const plans = new Map<string, Plan>([[main.plan.metadata.id, main.plan]]);
  const snapshots: PlanSnapshotInput[] = [{ planId: main.plan.metadata.id, text: main.text }];
  const parent = main.plan.metadata.parent;
  if (parent !== undefined && !plans.has(parent)) {
    const eu = readBundled();
    if (eu.plan.metadata.id !== parent) {
      throw new UsageError(`${path ?? 'the plan'} hands over to '${parent}', which is not bundled: only 'eu-circp' can be a parent today`);
    }
    plans.set(parent, eu.plan);
    snapshots.push({ planId: parent, text: eu.text });
  }
  return { plan: main.plan, plans, snapshots };
}

/** The plans kept with an incident, parsed again; they were validated when it opened. */
export function plansFromSnapshots(snapshots: readonly PlanSnapshot[], incidentId: string): Plans {
  const plans = new Map<string, Plan>();
  for (const snap of snapshots) {
    const parsed = parseFile(`snapshot of ${snap.planId}`, new TextEncoder().encode(snap.text));
    if (!parsed.doc) throw new UsageError(`the plan snapshot '${snap.planId}' kept with incident ${incidentId} cannot be read`);
    plans.set(snap.planId, parsed.doc.value as Plan);
  }
  return plans;
}

function readBundled(): { plan: Plan; text: string } {
  return { plan: loadValidation().bundledEu, text: new TextDecoder().decode(readBundledEuPlan()) };
}

function readValidated(path: string, cwd: string): { plan: Plan; text: string } {
  const { file, read } = readPlanFile(path, cwd, MAX_PLAN_BYTES);
  if ('tooLarge' in read) throw invalid(tooLargeFinding(file.display, read.tooLarge), file.display);
  const parsed = parseFile(file.display, read.bytes);
  const first = parsed.findings.find((f) => f.severity === 'error');
  if (first || !parsed.doc) throw invalid(first, file.display);
  const errors = loadValidation()
    .check([parsed.doc])
    .filter((f) => f.severity === 'error');
  if (errors[0]) throw invalid(errors[0], file.display, errors.length);
  const plan = parsed.doc.value as Plan;
  if (plan.kind !== 'Plan') throw new UsageError(`${file.display} is not a plan (kind: ${String(plan.kind)}): give a plan file`);
  return { plan, text: parsed.doc.text };
}

function invalid(finding: Finding | undefined, file: string, count = 1): UsageError {
  const where = finding ? `${finding.file}:${finding.line}:${finding.column}: ${finding.message}` : `${file} cannot be read as a plan`;
  const more = count > 1 ? ` (and ${count - 1} more)` : '';
  return new UsageError(`${where}${more}; fix the plan (see crisis validate ${file}) and try again`);
}

