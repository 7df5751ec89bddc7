// Load the plans an incident runs on: a validated plan file (or the bundled EU plan) and the
// plans it hands over to; or, on resume, the snapshots kept with the incident.
import { UsageError } from '../core/errors.js';
import type { Plans } from '../core/engine/index.js';
import type { PlanSnapshotInput } from '../core/ports.js';
import type { Plan } from '../core/plan/types.js';
import { bundledEuPlanPath } from '../adapters/bundled.js';
import { readBundledPlan } from '../adapters/bundled-plans.js';
import { namedFile } from '../adapters/plan-files.js';
import { invalidDocument, readDocument } from './read-document.js';
import { loadValidation } from './load-documents.js';

export { plansFromSnapshots } from './snapshot-plans.js';

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

function readBundled(): { plan: Plan; text: string } {
  const eu = readBundledPlan(bundledEuPlanPath);
  if (!eu) throw new UsageError(`the bundled EU plan ${bundledEuPlanPath} cannot be read: reinstall crisis`);
  return eu;
}

function readValidated(path: string, cwd: string): { plan: Plan; text: string } {
  const doc = readDocument(namedFile(path, cwd, cwd, 'a plan file'));
  const errors = loadValidation()
    .check([doc])
    .filter((f) => f.severity === 'error');
  if (errors[0]) throw invalidDocument(errors[0], doc.file, errors.length);
  const plan = doc.value as Plan;
  if (plan.kind !== 'Plan') throw new UsageError(`${doc.file} is not a plan (kind: ${String(plan.kind)}): give a plan file`);
  return { plan, text: doc.text };
}
