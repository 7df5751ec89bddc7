// flow/dead-end-loop: a loop of steps that never reaches an end or a hand-over traps the responder.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from './finding.js';
import type { Rule } from './rule.js';
import { buildStepGraph, stronglyConnected } from './step-graph.js';
import { stepPointer } from './safe.js';
import { quoteList } from './words.js';

const meta: RuleMeta = {
  id: 'flow/dead-end-loop',
  severity: 'error',
  description:
    'No loop of steps is a trap: from every loop, some path reaches end: true or a hand-over to another plan.',
};

/**
 * Reports each closed loop once, at its first step. A loop is closed when no step in it ends the plan,
 * hands over, or leads to a step outside it. Steps that merely lead into a closed loop, or into a step
 * with no exit (flow/no-exit), are not reported: fixing the trap fixes them.
 */
export const deadEndLoop: Rule = {
  ...meta,
  check(ctx) {
    const { nodes } = buildStepGraph(ctx.plan);
    const out: RuleFinding[] = [];
    const components = stronglyConnected(nodes).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
    for (const component of components) {
      const first = component[0];
      if (first === undefined) continue;
      const members = new Set(component);
      const cyclic = component.length > 1 || (nodes[first]?.targets.includes(first) ?? false);
      const closed = component.every((i) => {
        const node = nodes[i];
        return node !== undefined && !node.escapes && node.targets.every((t) => members.has(t));
      });
      if (!cyclic || !closed) continue;
      const names = component.map((i) => nodes[i]?.id ?? `#${i + 1}`);
      const message =
        component.length === 1
          ? `step "${names[0]}" only leads back to itself: give it a way out ` +
            '(end: true, a hand-over PLAN#STEP, or a next step outside the loop)'
          : `steps ${quoteList(names)} form a loop with no way out: no step in it ends the plan (end: true), ` +
            'hands over to another plan, or leads outside the loop';
      out.push(finding(meta, stepPointer(ctx.plan, first), message));
    }
    return out;
  },
};
