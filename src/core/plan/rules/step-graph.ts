// The flow of a plan as a graph over its steps: local next / option next edges, and whether a step
// can leave the graph (end: true, a hand-over to another plan, or a reference reported elsewhere).

import { parseRef } from './ref-sites.js';
import { asArray, get, idIndex, items, planId, str } from './safe.js';

/** One step as a node of the flow graph. */
export interface StepNode {
  id: string | undefined;
  /** Indexes of the local steps this step can go to. */
  targets: number[];
  /** Indexes of the local steps where tracks this step (or one of its options) starts begin. */
  tracks: number[];
  /** The step ends the plan, hands over to another plan, or has a broken reference (reported elsewhere). */
  escapes: boolean;
  /** The step has a next or option next that is not a string, or names no local step. */
  broken: boolean;
}

/** The flow graph of a plan; `byId` maps each step id to its first occurrence. */
export interface StepGraph {
  nodes: StepNode[];
  byId: Map<string, number>;
}

/** The next / option next values of a step, whatever their type. */
export function exitValues(step: unknown): unknown[] {
  const options = items(get(step, 'decision'), 'options').map((o) => get(o, 'next'));
  return [get(step, 'next'), ...options].filter((v) => v !== undefined && v !== null);
}

/** The startsTracks values of a step and of its options, whatever their type. */
export function trackValues(step: unknown): unknown[] {
  const options = items(get(step, 'decision'), 'options').flatMap((o) => asArray(get(o, 'startsTracks')));
  return [...asArray(get(step, 'startsTracks')), ...options];
}

/** Builds the flow graph of a plan. */
export function buildStepGraph(plan: unknown): StepGraph {
  const byId = idIndex(get(plan, 'steps'));
  const own = planId(plan);
  const nodes = asArray(get(plan, 'steps')).map((step): StepNode => {
    const targets: number[] = [];
    let escapes = get(step, 'end') === true;
    let broken = false;
    for (const value of exitValues(step)) {
      const text = str(value);
      const ref = text === undefined ? undefined : parseRef(text);
      const local = ref === undefined || ref.plan === undefined || ref.plan === own;
      const target = ref !== undefined && local ? byId.get(ref.id) : undefined;
      if (target !== undefined && !targets.includes(target)) targets.push(target);
      if (target !== undefined) continue;
      escapes = true;
      if (local) broken = true;
    }
    const tracks = trackValues(step)
      .map((v) => str(v))
      .map((text) => (text === undefined ? undefined : parseRef(text)))
      .map((ref) => (ref !== undefined && (ref.plan === undefined || ref.plan === own) ? byId.get(ref.id) : undefined))
      .filter((t): t is number => t !== undefined);
    return { id: str(get(step, 'id')), targets, tracks, escapes, broken };
  });
  return { nodes, byId };
}

/** Indexes reachable from `start` (including it), following targets (and, with `tracks`, where tracks start). */
export function reachable(nodes: readonly StepNode[], start: number, tracks = false): Set<number> {
  const seen = new Set<number>([start]);
  const queue = [start];
  for (let v = queue.shift(); v !== undefined; v = queue.shift()) {
    for (const w of [...(nodes[v]?.targets ?? []), ...(tracks ? (nodes[v]?.tracks ?? []) : [])]) {
      if (!seen.has(w)) {
        seen.add(w);
        queue.push(w);
      }
    }
  }
  return seen;
}

/** Strongly connected components (Tarjan, iterative so deep plans cannot overflow the stack). */
export function stronglyConnected(nodes: readonly StepNode[]): number[][] {
  const index = nodes.map(() => -1);
  const low = nodes.map(() => 0);
  const onStack = nodes.map(() => false);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let root = 0; root < nodes.length; root++) {
    if (index[root] !== -1) continue;
    const work: [node: number, edge: number][] = [[root, 0]];
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [v, e] = frame;
      if (e === 0 && index[v] === -1) {
        index[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = true;
      }
      const targets = nodes[v]!.targets;
      if (e < targets.length) {
        frame[1] = e + 1;
        const w = targets[e]!;
        if (index[w] === -1) work.push([w, 0]);
        else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low[parent[0]] = Math.min(low[parent[0]]!, low[v]!);
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number | undefined;
        do {
          w = stack.pop()!;
          onStack[w] = false;
          component.push(w);
        } while (w !== v);
        components.push(component.sort((a, b) => a - b));
      }
    }
  }
  return components;
}
