// A simple layered layout for the SVG diagram, so drawing a plan needs no Graphviz: columns by the
// longest path from the start (edges that loop back are set aside first), rows by lane, and nodes
// that share a lane and a column stacked in plan order. Deterministic: the same plan, the same picture.
import type { GraphNode, PlanGraph } from './model.js';

export interface Box {
  x: number; // centre
  y: number;
  w: number;
  h: number;
}

export interface LaneBand {
  id: string;
  top: number;
  height: number;
}

export interface Layout {
  boxes: Map<string, Box>; // node id -> box
  lanes: LaneBand[];
  width: number;
  height: number; // of the lanes, from y = 0
  back: Set<number>; // indices of edges that go back (loops)
}

export const GEOMETRY = { laneLabel: 150, column: 200, row: 84, pad: 14 } as const;

/** Where every node of the graph goes. */
export function layoutGraph(graph: PlanGraph): Layout {
  const back = backEdges(graph);
  const layer = layers(graph, back);
  const slots = new Map<string, number>(); // node id -> place in its (lane, column) cell
  const cellCount = new Map<string, number>();
  for (const node of graph.nodes) {
    const cell = `${node.lane}|${layer.get(node.id) ?? 0}`;
    const n = cellCount.get(cell) ?? 0;
    slots.set(node.id, n);
    cellCount.set(cell, n + 1);
  }
  const lanes: LaneBand[] = [];
  let top = 0;
  for (const lane of graph.lanes) {
    let rows = 1;
    for (const [cell, n] of cellCount) if (cell.startsWith(`${lane.id}|`)) rows = Math.max(rows, n);
    const height = rows * GEOMETRY.row + 2 * GEOMETRY.pad;
    lanes.push({ id: lane.id, top, height });
    top += height;
  }
  const boxes = new Map<string, Box>();
  let columns = 1;
  for (const node of graph.nodes) {
    const band = lanes.find((l) => l.id === node.lane);
    const column = layer.get(node.id) ?? 0;
    columns = Math.max(columns, column + 1);
    const [w, h] = size(node);
    boxes.set(node.id, {
      x: GEOMETRY.laneLabel + column * GEOMETRY.column + GEOMETRY.column / 2,
      y: (band?.top ?? 0) + GEOMETRY.pad + (slots.get(node.id) ?? 0) * GEOMETRY.row + GEOMETRY.row / 2,
      w,
      h,
    });
  }
  return { boxes, lanes, width: GEOMETRY.laneLabel + columns * GEOMETRY.column, height: top, back };
}

function size(node: GraphNode): [number, number] {
  if (node.kind === 'fork' || node.kind === 'join') return [10, 56];
  if (node.kind === 'decision') return [164, 72];
  return [156, 56];
}

/** Edges that close a loop, found by a depth-first walk from the start (then from any node not reached). */
function backEdges(graph: PlanGraph): Set<number> {
  const out = new Map<string, number[]>();
  graph.edges.forEach((e, i) => out.set(e.from, [...(out.get(e.from) ?? []), i]));
  const state = new Map<string, 'open' | 'done'>();
  const back = new Set<number>();
  const order = [...graph.nodes].sort((a, b) => Number(b.start === true) - Number(a.start === true));
  for (const root of order) {
    if (state.has(root.id)) continue;
    // An explicit stack: a plan of many steps must not exhaust the call stack.
    const stack: { id: string; next: number }[] = [{ id: root.id, next: 0 }];
    state.set(root.id, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { id: string; next: number };
      const list = out.get(top.id) ?? [];
      if (top.next >= list.length) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const i = list[top.next++] as number;
      const to = graph.edges[i]?.to ?? '';
      const seen = state.get(to);
      if (seen === 'open') back.add(i);
      else if (seen === undefined) {
        state.set(to, 'open');
        stack.push({ id: to, next: 0 });
      }
    }
  }
  return back;
}

/** The longest path to each node over the edges that go forward. */
function layers(graph: PlanGraph, back: Set<number>): Map<string, number> {
  const layer = new Map<string, number>(graph.nodes.map((n) => [n.id, 0]));
  const incoming = new Map<string, number>(graph.nodes.map((n) => [n.id, 0]));
  const forward = graph.edges.filter((_, i) => !back.has(i));
  for (const e of forward) incoming.set(e.to, (incoming.get(e.to) ?? 0) + 1);
  const ready = graph.nodes.filter((n) => incoming.get(n.id) === 0).map((n) => n.id);
  while (ready.length > 0) {
    const id = ready.shift() as string;
    for (const e of forward) {
      if (e.from !== id) continue;
      layer.set(e.to, Math.max(layer.get(e.to) ?? 0, (layer.get(id) ?? 0) + 1));
      const left = (incoming.get(e.to) ?? 0) - 1;
      incoming.set(e.to, left);
      if (left === 0) ready.push(e.to);
    }
  }
  return layer;
}
