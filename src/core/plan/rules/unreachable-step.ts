// flow/unreachable-step: a step that no path from the start reaches is never walked in an incident.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from './finding.js';
import type { Rule } from './rule.js';
import { buildStepGraph, reachable } from './step-graph.js';
import { get, has, stepPointer, str } from './safe.js';

const meta: RuleMeta = {
  id: 'flow/unreachable-step',
  severity: 'error',
  description:
    'Every step can be reached from the start step (start, or the first step) by following next and decision options.',
};

/** Reports steps that cannot be reached from the start by local next / option next. */
// Steps without an id, or repeating an earlier id, cannot be targeted: other rules report them.
function isFirst(nodes: readonly { id: string | undefined }[], byId: ReadonlyMap<string, number>, i: number): boolean {
  const id = nodes[i]?.id;
  return id !== undefined && byId.get(id) === i;
}

export const unreachableStep: Rule = {
  ...meta,
  check(ctx) {
    const { nodes, byId } = buildStepGraph(ctx.plan);
    // With a start or a next that names no step, the intended flow is unknown: ref/unknown-step reports
    // the broken reference, and guessing what it cut off would only bury that finding in noise.
    const startName = str(get(ctx.plan, 'start'));
    if (has(ctx.plan, 'start') && (startName === undefined || !byId.has(startName))) return [];
    if (nodes.some((n) => n.broken)) return [];
    const start = startName === undefined ? 0 : byId.get(startName) ?? 0;
    if (nodes.length === 0) return [];
    const seen = reachable(nodes, start, true); // a step only a track starts at is reached too
    const startLabel = nodes[start]?.id === undefined ? 'the first step' : `the start step "${nodes[start]?.id}"`;
    const orphans = nodes.map((_, i) => i).filter((i) => !seen.has(i) && isFirst(nodes, byId, i));
    // Report where an unreachable region begins, not every step after it: one real problem, one finding.
    const fedByOrphan = new Set(orphans.flatMap((i) => [...(nodes[i]?.targets ?? []), ...(nodes[i]?.tracks ?? [])].filter((t) => t !== i)));
    const roots = orphans.filter((i) => !fedByOrphan.has(i));
    const covered = new Set<number>();
    const out: RuleFinding[] = [];
    for (const i of [...roots, ...orphans.filter((o) => !roots.includes(o))]) {
      if (covered.has(i)) continue;
      const region = [...reachable(nodes, i, true)].filter((r) => orphans.includes(r) && !covered.has(r));
      region.forEach((r) => covered.add(r));
      const followers = region.filter((r) => r !== i).map((r) => `"${nodes[r]?.id ?? '?'}"`);
      const tail = followers.length === 0 ? '' : `, and so ${followers.length === 1 ? 'is the step' : 'are the steps'} it leads to: ${followers.join(', ')}`;
      const message =
        `step "${nodes[i]?.id ?? '?'}" cannot be reached from ${startLabel}: ` +
        `no next or decision option on a path from the start leads to it${tail}`;
      out.push(finding(meta, stepPointer(ctx.plan, i), message));
    }
    return out;
  },
};
