// The graph as a Mermaid flowchart (GitHub renders it in Markdown): one subgraph per lane,
// decisions as diamonds, forks and joins as dark stadiums, the clocks in a box of their own, and
// an incident's path as classes and link styles. Every label goes through mermaidText.
import { mermaidText as m } from '../../safe-text/index.js';
import type { GraphNode, PlanGraph } from './model.js';
import { edgeTaken, markText, nodeVisited, type GraphOverlay } from './overlay.js';
import { clip, clockLine } from './text.js';

/** The flowchart text (ends with a newline). */
export function graphMermaid(graph: PlanGraph, overlay?: GraphOverlay): string {
  const out: string[] = ['flowchart LR'];
  graph.lanes.forEach((lane, i) => {
    out.push(`  subgraph L${i}["${m(lane.title)}"]`, '    direction LR');
    for (const node of graph.nodes.filter((n) => n.lane === lane.id)) out.push(`    ${shape(node, overlay)}`);
    out.push('  end');
  });
  if (graph.clocks.length > 0) {
    // One box, a clock a line: separate boxes would spread in a row across the whole chart.
    out.push(`  C0["Clocks<br/>${graph.clocks.map((c) => m(clip(clockLine(c, false), 100))).join('<br/>')}"]`, '  class C0 clocks');
  }
  const taken: number[] = [];
  graph.edges.forEach((e, i) => {
    const arrow = e.kind === 'track' ? '-.->' : e.kind === 'handover' ? '==>' : '-->';
    out.push(`  ${e.from} ${arrow}${e.label !== undefined ? `|"${m(clip(e.label, 60))}"|` : ''} ${e.to}`);
    if (edgeTaken(overlay, e.moves)) taken.push(i);
  });
  out.push('  classDef clocks fill:#fffbe6,stroke:#c9b458,text-align:left', '  classDef fork fill:#333,stroke:#333,color:#fff', '  classDef external fill:#eef,stroke:#669,stroke-dasharray:4 3');
  const forks = graph.nodes.filter((n) => n.kind === 'fork' || n.kind === 'join').map((n) => n.id);
  const externals = graph.nodes.filter((n) => n.kind === 'external').map((n) => n.id);
  if (forks.length > 0) out.push(`  class ${forks.join(',')} fork`);
  if (externals.length > 0) out.push(`  class ${externals.join(',')} external`);
  if (overlay) {
    out.push('  classDef visited fill:#d9f2d9,stroke:#2a7a2a,stroke-width:2px', '  classDef current fill:#ffe08a,stroke:#a66f00,stroke-width:3px');
    const visited = graph.nodes.filter((n) => n.kind !== 'fork' && n.kind !== 'join' && nodeVisited(graph, overlay, n.id)).map((n) => n.id);
    const current = graph.nodes.filter((n) => n.kind !== 'fork' && n.kind !== 'join' && overlay.marks.get(n.key)?.some((t) => t.status === 'active' || t.status === 'waiting')).map((n) => n.id);
    if (visited.length > 0) out.push(`  class ${visited.join(',')} visited`);
    if (current.length > 0) out.push(`  class ${current.join(',')} current`);
    if (taken.length > 0) out.push(`  linkStyle ${taken.join(',')} stroke:#2a7a2a,stroke-width:3px`);
  }
  return `${out.join('\n')}\n`;
}

function shape(node: GraphNode, overlay: GraphOverlay | undefined): string {
  const marks = node.kind === 'fork' || node.kind === 'join' ? undefined : markText(overlay?.marks.get(node.key));
  const text = m(clip(node.title, 80)) + (marks === undefined ? '' : ` #91;${m(marks)}#93;`);
  switch (node.kind) {
    case 'decision':
      return `${node.id}{"${text}"}`;
    case 'end':
      return `${node.id}(["${text}"])`;
    case 'fork':
    case 'join':
      return `${node.id}(["${text}"])`;
    case 'external':
      return `${node.id}[/"${text}"/]`;
    default:
      return node.start ? `${node.id}>"${text}"]` : `${node.id}["${text}"]`;
  }
}
