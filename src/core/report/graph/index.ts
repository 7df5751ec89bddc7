// Plan diagrams: the graph model, the incident overlay, and one renderer per format.
import type { Plans } from '../../engine/refs.js';
import type { Plan } from '../../plan/types.js';
import { graphDot } from './dot.js';
import { graphMermaid } from './mermaid.js';
import { buildGraph, type LaneKind } from './model.js';
import type { GraphOverlay } from './overlay.js';
import { graphSvg } from './svg.js';

import type { GraphFormat } from './formats.js';

export { graphFormats, laneKinds, type GraphFormat } from './formats.js';

/** The diagram of `plan` in one format, with an incident's path when given. */
export function renderGraph(format: GraphFormat, plan: Plan, plans: Plans, options: { lanes?: LaneKind; overlay?: GraphOverlay } = {}): string {
  const graph = buildGraph(plan, plans, options.lanes ?? 'level');
  switch (format) {
    case 'mermaid':
      return graphMermaid(graph, options.overlay);
    case 'dot':
      return graphDot(graph, options.overlay);
    case 'svg':
      return graphSvg(graph, options.overlay);
  }
  return '';
}

export { buildGraph, graphDot, graphMermaid, graphSvg };
export { buildOverlay, type GraphOverlay } from './overlay.js';
export type { LaneKind, PlanGraph } from './model.js';
