// The graph in Graphviz DOT: left to right, one cluster per lane, decisions as diamonds, forks
// and joins as black bars, hand-overs bold into the dashed cluster of the other plan, clocks in a
// note, and an incident's path filled and thick. Every label goes through dotText.
import { dotText as d } from '../../safe-text/index.js';
import type { GraphNode, PlanGraph } from './model.js';
import { edgeTaken, markText, nodeVisited, type GraphOverlay } from './overlay.js';
import { clip, clockLine, wrapWords } from './text.js';

/** The DOT text (ends with a newline). */
export function graphDot(graph: PlanGraph, overlay?: GraphOverlay): string {
  const out: string[] = [
    'digraph plan {',
    `  label="${d(`${graph.title} (${graph.planId}) TLP:${graph.tlp}`)}"; labelloc=t; fontname="Helvetica";`,
    '  rankdir=LR; nodesep=0.3; ranksep=0.5; compound=true;',
    '  node [fontname="Helvetica", fontsize=10, shape=box, style="rounded,filled", fillcolor="#ffffff"];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  graph.lanes.forEach((lane, i) => {
    out.push(`  subgraph cluster_${i} {`, `    label="${d(lane.title)}"; style="${lane.external ? 'dashed' : 'filled'}"; color="#bbbbbb"; fillcolor="#f6f6f6";`);
    for (const node of graph.nodes.filter((n) => n.lane === lane.id)) out.push(`    ${node.id} [${attributes(graph, node, overlay)}];`);
    out.push('  }');
  });
  if (graph.clocks.length > 0) {
    const lines = graph.clocks.map((c) => `${d(clip(clockLine(c), 140))}\\l`).join('');
    out.push(`  clocks [shape=note, style=filled, fillcolor="#fffbe6", label="Clocks\\l${lines}"];`);
  }
  for (const e of graph.edges) {
    const attrs: string[] = [];
    if (e.label !== undefined) attrs.push(`label="${d(clip(e.label, 60))}"`);
    if (e.kind === 'track') attrs.push('style=dashed');
    if (e.kind === 'handover') attrs.push('style=bold', 'color="#336699"');
    if (edgeTaken(overlay, e.moves)) attrs.push('color="#2a7a2a"', 'penwidth=3');
    out.push(`  ${e.from} -> ${e.to}${attrs.length > 0 ? ` [${attrs.join(', ')}]` : ''};`);
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}

function attributes(graph: PlanGraph, node: GraphNode, overlay: GraphOverlay | undefined): string {
  if (node.kind === 'fork' || node.kind === 'join') {
    const fill = nodeVisited(graph, overlay, node.id) ? '#2a7a2a' : '#000000';
    const label = node.kind === 'join' ? `, xlabel="${d(node.title)}"` : '';
    return `shape=box, style=filled, fillcolor="${fill}", label="", width=0.08, height=0.6${label}`;
  }
  const marks = markText(overlay?.marks.get(node.key));
  const lines = wrapWords(node.title, 24, 3).map(d);
  if (marks !== undefined) lines.push(d(`[${clip(marks, 60)}]`));
  const attrs = [`label="${lines.join('\\n')}"`];
  if (node.kind === 'decision') attrs.push('shape=diamond', 'style=filled');
  if (node.kind === 'end') attrs.push('peripheries=2');
  if (node.kind === 'external') attrs.push('shape=parallelogram', 'style=filled');
  if (node.start) attrs.push('penwidth=2');
  if (node.detail !== undefined) attrs.push(`tooltip="${d(node.detail)}"`);
  const current = overlay?.marks.get(node.key)?.some((t) => t.status === 'active' || t.status === 'waiting');
  if (current) attrs.push('fillcolor="#ffe08a"', 'penwidth=3');
  else if (nodeVisited(graph, overlay, node.id)) attrs.push('fillcolor="#d9f2d9"');
  return attrs.join(', ');
}
