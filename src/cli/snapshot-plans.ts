// The plans kept with an incident, read back for the commands that only look at an incident
// (status, note, log show, export): the parser alone, not the schemas and rules of validation.
import { UsageError } from '../core/errors.js';
import type { Plans } from '../core/engine/index.js';
import type { PlanSnapshot } from '../core/ports.js';
import { parseSource } from '../core/plan/parse-source.js';
import type { Plan } from '../core/plan/types.js';
import { planJsonFor } from '../adapters/plan-json.js';
import { MAX_PLAN_BYTES } from './plan-limits.js';

/** The plans kept with an incident, parsed again; they were validated when it opened. */
export function plansFromSnapshots(snapshots: readonly PlanSnapshot[], incidentId: string): Plans {
  const plans = new Map<string, Plan>();
  for (const snap of snapshots) {
    const kept = planJsonFor(snap.text); // a snapshot of a bundled plan, as the build kept it
    if (kept !== undefined) {
      plans.set(snap.planId, kept as Plan);
      continue;
    }
    const parsed = parseSource(`snapshot of ${snap.planId}`, new TextEncoder().encode(snap.text), { maxBytes: MAX_PLAN_BYTES });
    if (!parsed.doc) throw new UsageError(`the plan snapshot '${snap.planId}' kept with incident ${incidentId} cannot be read`);
    plans.set(snap.planId, parsed.doc.value as Plan);
  }
  return plans;
}
