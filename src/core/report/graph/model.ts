// A plan's flow as a graph: every step a node in a lane (its cooperation level, or its owner
// role), decisions as diamonds with one edge per option, forks where tracks start, joins where
// they meet, and hand-overs to steps of other plans as edges out of the plan's lanes. The
// mermaid, dot and svg renderers draw this model; none of them reads the plan itself.
import { splitRef, type Plans } from '../../engine/refs.js';
import type { Clock, Plan, Step, Tlp } from '../../plan/types.js';

export type LaneKind = 'level' | 'role';
export type NodeKind = 'step' | 'decision' | 'end' | 'fork' | 'join' | 'external';
export type EdgeKind = 'next' | 'option' | 'track' | 'handover';

export interface GraphLane {
  id: string;
  title: string;
  external: boolean; // the lane of another plan's steps
}

/** A move from one step to another that an edge draws (part of): what an incident's path is matched against. */
export interface Transition {
  from: string; // stepKey
  to: string;
  option?: number; // a decision's option
  track?: boolean; // a track starts there
}

export interface GraphNode {
  id: string; // n0, n1, ...: never plan text, so no renderer has to escape an id
  key: string; // stepKey (plan#step) of the step it stands for; forks and joins: of their step
  kind: NodeKind;
  lane: string;
  title: string;
  detail?: string; // a decision's question, a join's rule
  start?: boolean;
  join?: 'all' | 'first';
}

export interface GraphEdge {
  from: string; // node id
  to: string;
  kind: EdgeKind;
  label?: string;
  moves: Transition[];
}

export interface GraphClock {
  id: string;
  title: string;
  starts: string;
  within?: string;
  basis: string;
}

export interface PlanGraph {
  planId: string;
  title: string;
  tlp: Tlp;
  lanesBy: LaneKind;
  lanes: GraphLane[];
  nodes: GraphNode[];
  edges: GraphEdge[];
  clocks: GraphClock[];
}

/** The graph of `plan`; `plans` names the steps of other plans it hands over to, when loaded. */
export function buildGraph(plan: Plan, plans: Plans, lanesBy: LaneKind = 'level'): PlanGraph {
  const home = plan.metadata.id;
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const lanes = planLanes(plan, lanesBy);
  const byKey = new Map<string, GraphNode>();
  const add = (node: Omit<GraphNode, 'id'>): GraphNode => {
    const made = { id: `n${nodes.length}`, ...node };
    nodes.push(made);
    return made;
  };
  const startId = plan.start ?? plan.steps[0]?.id;
  for (const step of plan.steps) {
    const node = add({
      key: `${home}#${step.id}`,
      kind: step.decision ? 'decision' : step.end ? 'end' : 'step',
      lane: laneOf(step, lanesBy),
      title: step.title,
      ...(step.decision ? { detail: step.decision.question } : {}),
      ...(step.id === startId ? { start: true } : {}),
      ...(step.join ? { join: step.join } : {}),
    });
    byKey.set(node.key, node);
  }
  // Tracks meet at a join bar in front of the join step; every way in goes through it.
  const entry = new Map<string, GraphNode>();
  for (const step of plan.steps) {
    if (!step.join) continue;
    const target = byKey.get(`${home}#${step.id}`);
    if (!target) continue;
    const bar = add({ key: target.key, kind: 'join', lane: target.lane, title: `join: ${step.join}`, join: step.join });
    edges.push({ from: bar.id, to: target.id, kind: 'next', moves: [] });
    entry.set(target.key, bar);
  }
  const external = new Map<string, GraphNode>();
  const target = (ref: string): GraphNode => {
    const { planId, id } = splitRef(ref, home);
    const key = `${planId}#${id}`;
    const found = entry.get(key) ?? byKey.get(key) ?? external.get(key);
    if (found) return found;
    const title = plans.get(planId)?.steps.find((s) => s.id === id)?.title ?? id;
    const lane = `plan:${planId}`;
    if (!lanes.some((l) => l.id === lane)) lanes.push({ id: lane, title: plans.get(planId)?.metadata.title ?? planId, external: true });
    const node = add({ key, kind: 'external', lane, title });
    external.set(key, node);
    return node;
  };
  const keyOf = (ref: string): string => {
    const { planId, id } = splitRef(ref, home);
    return `${planId}#${id}`;
  };
  const kindTo = (ref: string): EdgeKind => (splitRef(ref, home).planId === home ? 'next' : 'handover');
  for (const step of plan.steps) {
    const from = byKey.get(`${home}#${step.id}`);
    if (!from) continue;
    const options = step.decision?.options ?? [];
    if (step.decision) {
      // Tracks the step itself starts (on entering it) leave the diamond beside its options.
      for (const s of step.startsTracks ?? []) {
        edges.push({ from: from.id, to: target(s).id, kind: 'track', label: 'new track', moves: [{ from: from.key, to: keyOf(s), track: true }] });
      }
      options.forEach((option, i) => {
        const move: Transition = { from: from.key, to: keyOf(option.next), option: i };
        const starts = option.startsTracks ?? [];
        if (starts.length === 0) {
          edges.push({ from: from.id, to: target(option.next).id, kind: kindTo(option.next), label: option.label, moves: [move] });
          return;
        }
        const fork = add({ key: from.key, kind: 'fork', lane: from.lane, title: 'fork' });
        const trackMoves = starts.map((s): Transition => ({ from: from.key, to: keyOf(s), option: i, track: true }));
        edges.push({ from: from.id, to: fork.id, kind: 'option', label: option.label, moves: [move, ...trackMoves] });
        edges.push({ from: fork.id, to: target(option.next).id, kind: kindTo(option.next), moves: [move] });
        starts.forEach((s, j) => edges.push({ from: fork.id, to: target(s).id, kind: 'track', label: 'new track', moves: [trackMoves[j] as Transition] }));
      });
      continue;
    }
    forkOrNext(step, from);
  }
  function forkOrNext(step: Step, from: GraphNode): void {
    const starts = step.startsTracks ?? [];
    const next = step.next;
    if (starts.length === 0) {
      if (next !== undefined) edges.push({ from: from.id, to: target(next).id, kind: kindTo(next), moves: [{ from: from.key, to: keyOf(next) }] });
      return;
    }
    // Entering the step starts its tracks, so the fork comes first and the step's own work is one of its branches.
    const fork = add({ key: from.key, kind: 'fork', lane: from.lane, title: 'fork' });
    const moves = starts.map((s): Transition => ({ from: from.key, to: keyOf(s), track: true }));
    const own = next === undefined ? [] : [{ from: from.key, to: keyOf(next) }];
    edges.push({ from: from.id, to: fork.id, kind: 'next', moves: [...own, ...moves] });
    if (next !== undefined) edges.push({ from: fork.id, to: target(next).id, kind: kindTo(next), moves: own });
    starts.forEach((s, j) => edges.push({ from: fork.id, to: target(s).id, kind: 'track', label: 'new track', moves: [moves[j] as Transition] }));
  }
  // A join bar's way out is taken whenever one of its ways in is.
  for (const bar of entry.values()) {
    const out = edges.find((e) => e.from === bar.id);
    if (out) out.moves = edges.filter((e) => e.to === bar.id).flatMap((e) => e.moves.filter((m) => m.to === bar.key));
  }
  const clocks = (plan.clocks ?? []).map(clockOf);
  const used = new Set(nodes.map((n) => n.lane));
  // A lane no level or role declares (the plan was not validated): still drawn, under its id.
  for (const lane of used) if (!lanes.some((l) => l.id === lane)) lanes.push({ id: lane, title: lane.replace(/^[a-z]+:/, ''), external: false });
  return { planId: home, title: plan.metadata.title, tlp: plan.metadata.tlp, lanesBy, lanes: lanes.filter((l) => used.has(l.id)), nodes, edges, clocks };
}

function planLanes(plan: Plan, lanesBy: LaneKind): GraphLane[] {
  if (lanesBy === 'level') {
    return [...plan.levels].sort((a, b) => a.rank - b.rank).map((l) => ({ id: `level:${l.id}`, title: l.title, external: false }));
  }
  // Roles in the order they first own a step, so the lanes follow the flow.
  const owners = [...new Set(plan.steps.map((s) => s.owner))];
  return owners.map((id) => ({ id: `role:${id}`, title: plan.roles.find((r) => r.id === id)?.title ?? id, external: false }));
}

function laneOf(step: Step, lanesBy: LaneKind): string {
  return lanesBy === 'level' ? `level:${step.level}` : `role:${step.owner}`;
}

function clockOf(c: Clock): GraphClock {
  return { id: c.id, title: c.title, starts: c.starts, ...(c.within !== undefined ? { within: c.within } : {}), basis: c.basis };
}
