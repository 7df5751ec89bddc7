// The work of `crisis graph`: read the plan (and, with --incident, the incident from the log),
// render in core, write to stdout or --output.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { readBundledPlans } from '../../adapters/bundled-plans.js';
import { checkOutputFile, writeOutputFile } from '../../adapters/output-file.js';
import type { Plans } from '../../core/engine/index.js';
import { UsageError } from '../../core/errors.js';
import type { Plan } from '../../core/plan/types.js';
import { buildOverlay, renderGraph, type GraphOverlay } from '../../core/report/graph/index.js';
import { safeLine } from '../../core/safe-text/index.js';
import type { CliIO } from '../io.js';
import { loadIncident } from '../incident-lookup.js';
import { loadPlansForIncident } from '../load-plans.js';
import { openLog } from '../session.js';
import type { GraphOptions } from './graph.js';

/** Render the diagram of `planArg` in the asked format. */
export async function graphAction(planArg: string, options: GraphOptions, io: CliIO): Promise<void> {
  const target = { force: options.force === true, protect: options.db === undefined ? [] : [options.db], cwd: io.cwd };
  if (options.output !== undefined) checkOutputFile(options.output, target);
  const { plan, plans } = readPlan(planArg, io.cwd);
  const overlay = options.incident === undefined ? undefined : await incidentOverlay(options.incident, options.db, plan, io);
  const text = renderGraph(options.format, plan, plans, { lanes: options.lanes, ...(overlay ? { overlay } : {}) });
  if (options.output === undefined) io.stdout.write(text);
  else {
    writeOutputFile(options.output, text, target);
    io.stderr.write(`Wrote the ${options.format} diagram of ${safeLine(plan.metadata.id)} to ${options.output}\n`);
  }
}

/** A plan file (validated), or a bundled plan named by its id. */
function readPlan(arg: string, cwd: string): { plan: Plan; plans: Plans } {
  if (!existsSync(resolve(cwd, arg))) {
    const bundled = readBundledPlans();
    const found = bundled.find((b) => b.plan.metadata.id === arg);
    if (found) return { plan: found.plan, plans: new Map(bundled.map((b) => [b.plan.metadata.id, b.plan])) };
  }
  const { plan, plans } = loadPlansForIncident(arg, cwd);
  return { plan, plans };
}

async function incidentOverlay(id: string, db: string | undefined, plan: Plan, io: CliIO): Promise<GraphOverlay> {
  const log = await openLog(io, db, { readonly: true });
  try {
    const { record, state, recorded } = await loadIncident(log, id);
    if (!state.plans.includes(plan.metadata.id)) {
      const where = state.plans.map(safeLine).join(', ') || 'no plan';
      throw new UsageError(`incident ${record.id} never was in plan ${safeLine(plan.metadata.id)} (it was in ${where}): give one of those plans`);
    }
    return buildOverlay(record.id, state, recorded.map((r) => r.event));
  } finally {
    await log.close();
  }
}
