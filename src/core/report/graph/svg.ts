// The graph as a standalone SVG, laid out here (layout.ts) so no Graphviz is needed: lanes as
// bands, steps as boxes, decisions as diamonds, forks and joins as bars, hand-overs into the
// other plan's band, clocks listed underneath, an incident's path in green and the tracks'
// places in yellow. Every text from the plan goes through htmlText; ids carry a prefix so
// several diagrams can sit in one HTML page.
import { htmlText as x } from '../../safe-text/index.js';
import type { GraphEdge, GraphNode, PlanGraph } from './model.js';
import { GEOMETRY, layoutGraph, type Box, type Layout } from './layout.js';
import { edgeTaken, markText, nodeVisited, type GraphOverlay } from './overlay.js';
import { clip, clockLine, wrapWords } from './text.js';

export interface SvgOptions {
  idPrefix?: string; // letters, digits and dashes only
}

const COLOURS = { line: '#555555', taken: '#2a7a2a', visited: '#d9f2d9', current: '#ffe08a', handover: '#336699', lane: ['#f4f6fa', '#eef1f6'] } as const;
const TITLE_H = 40;
const CLOCK_LINE = 16;

/** The SVG document text (ends with a newline). */
export function graphSvg(graph: PlanGraph, overlay?: GraphOverlay, options: SvgOptions = {}): string {
  const prefix = (options.idPrefix ?? 'g').replace(/[^A-Za-z0-9-]/g, '');
  const layout = layoutGraph(graph);
  const clocksH = graph.clocks.length === 0 ? 0 : 30 + graph.clocks.length * CLOCK_LINE;
  const width = Math.max(layout.width, 640);
  const height = TITLE_H + layout.height + clocksH + 20;
  const heading = `${graph.title} (${graph.planId})${overlay ? ` · incident ${overlay.incidentId}` : ''}`;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11" role="img" aria-label="${x(`Flow of ${heading}`)}">`,
    '<defs>',
    ...(['line', 'taken', 'handover'] as const).map((k) => `<marker id="${prefix}-arrow-${k}" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${COLOURS[k]}"/></marker>`),
    '</defs>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="12" y="24" font-size="15" font-weight="bold">${x(clip(heading, 140))} <tspan font-weight="normal">TLP:${x(graph.tlp)}</tspan></text>`,
    `<g transform="translate(0,${TITLE_H})">`,
    ...lanes(graph, layout, width),
    ...graph.edges.map((e, i) => edge(e, i, layout, prefix, edgeTaken(overlay, e.moves))),
    ...graph.nodes.map((n) => node(graph, n, layout.boxes.get(n.id), overlay)),
    ...clocks(graph, layout.height),
    '</g>',
    '</svg>',
  ];
  return `${out.join('\n')}\n`;
}

function lanes(graph: PlanGraph, layout: Layout, width: number): string[] {
  return layout.lanes.map((band, i) => {
    const lane = graph.lanes.find((l) => l.id === band.id);
    const fill = COLOURS.lane[i % 2] ?? '#ffffff';
    const dash = lane?.external ? ' stroke-dasharray="6 4"' : '';
    const label = wrapWords(lane?.title ?? band.id, 20, 3)
      .map((line, j) => `<tspan x="10" dy="${j === 0 ? 0 : 14}">${x(line)}</tspan>`)
      .join('');
    return `<g class="lane"><rect x="0" y="${band.top}" width="${width}" height="${band.height}" fill="${fill}" stroke="#c8ccd4"${dash}/><text x="10" y="${band.top + 20}" font-weight="bold" fill="#333333">${label}</text></g>`;
  });
}

function edge(e: GraphEdge, index: number, layout: Layout, prefix: string, taken: boolean): string {
  const a = layout.boxes.get(e.from);
  const b = layout.boxes.get(e.to);
  if (!a || !b) return '';
  const kind = taken ? 'taken' : e.kind === 'handover' ? 'handover' : 'line';
  const [d, mid] = layout.back.has(index) || b.x <= a.x ? loop(a, b) : forward(a, b);
  const dash = e.kind === 'track' ? ' stroke-dasharray="5 4"' : '';
  const widthAttr = taken ? 3 : e.kind === 'handover' ? 2 : 1.2;
  const path = `<path d="${d}" fill="none" stroke="${COLOURS[kind]}" stroke-width="${widthAttr}"${dash} marker-end="url(#${prefix}-arrow-${kind})"/>`;
  const label = e.label === undefined ? '' : edgeLabel(clip(e.label, 28), mid);
  return `<g class="edge${taken ? ' taken' : ''}">${path}${label}</g>`;
}

function forward(a: Box, b: Box): [string, [number, number]] {
  const [x1, y1, x2, y2] = [a.x + a.w / 2, a.y, b.x - b.w / 2, b.y];
  const c = Math.max(30, (x2 - x1) / 2);
  return [`M${x1},${y1} C${x1 + c},${y1} ${x2 - c},${y2} ${x2},${y2}`, [(x1 + x2) / 2, (y1 + y2) / 2]];
}

/** An edge back to an earlier column (or the same one): out of the bottom, round, into the bottom. */
function loop(a: Box, b: Box): [string, [number, number]] {
  const [x1, y1, x2, y2] = [a.x, a.y + a.h / 2, b.x, b.y + b.h / 2];
  const dip = Math.max(y1, y2) + GEOMETRY.row / 2;
  return [`M${x1},${y1} C${x1},${dip} ${x2},${dip} ${x2},${y2}`, [(x1 + x2) / 2, (y1 + y2) / 8 + (3 * dip) / 4]];
}

function edgeLabel(text: string, [cx, cy]: [number, number]): string {
  const w = [...text].length * 5.6 + 8;
  return `<rect x="${cx - w / 2}" y="${cy - 8}" width="${w}" height="15" rx="3" fill="#ffffff" fill-opacity="0.9" stroke="#dddddd"/><text x="${cx}" y="${cy + 3}" text-anchor="middle" font-size="10" fill="#333333">${x(text)}</text>`;
}

function node(graph: PlanGraph, n: GraphNode, box: Box | undefined, overlay: GraphOverlay | undefined): string {
  if (!box) return '';
  const visited = nodeVisited(graph, overlay, n.id);
  const marks = n.kind === 'fork' || n.kind === 'join' ? undefined : overlay?.marks.get(n.key);
  const current = marks?.some((t) => t.status === 'active' || t.status === 'waiting') === true;
  const fill = current ? COLOURS.current : visited ? COLOURS.visited : n.kind === 'external' ? '#eef0ff' : '#ffffff';
  const stroke = current ? '#a66f00' : visited ? COLOURS.taken : '#666666';
  const sw = current ? 3 : n.start ? 2.5 : 1.2;
  const { x: cx, y: cy, w, h } = box;
  const tip = `<title>${x(n.title)}${n.detail !== undefined ? `: ${x(n.detail)}` : ''}</title>`;
  const classes = `node ${n.kind}${visited ? ' visited' : ''}${current ? ' current' : ''}`;
  if (n.kind === 'fork' || n.kind === 'join') {
    const bar = `<rect x="${cx - w / 2}" y="${cy - h / 2}" width="${w}" height="${h}" fill="${visited ? COLOURS.taken : '#222222'}"/>`;
    const label = n.kind === 'join' ? `<text x="${cx}" y="${cy - h / 2 - 4}" text-anchor="middle" font-size="10">${x(n.title)}</text>` : '';
    return `<g class="${classes}">${tip}${bar}${label}</g>`;
  }
  let shape: string;
  if (n.kind === 'decision') shape = `<polygon points="${cx},${cy - h / 2} ${cx + w / 2},${cy} ${cx},${cy + h / 2} ${cx - w / 2},${cy}"`;
  else if (n.kind === 'external') shape = `<polygon points="${cx - w / 2 + 10},${cy - h / 2} ${cx + w / 2},${cy - h / 2} ${cx + w / 2 - 10},${cy + h / 2} ${cx - w / 2},${cy + h / 2}"`;
  else shape = `<rect x="${cx - w / 2}" y="${cy - h / 2}" width="${w}" height="${h}" rx="${n.kind === 'end' ? h / 2 : 6}"`;
  shape += ` fill="${fill}" stroke="${stroke}" stroke-width="${sw}"/>`;
  const lines = wrapWords(n.title, n.kind === 'decision' ? 18 : 24, n.kind === 'decision' ? 3 : 3);
  const first = cy - ((lines.length - 1) * 13) / 2 + 4;
  const text = `<text x="${cx}" y="${first}" text-anchor="middle">${lines.map((l, i) => `<tspan x="${cx}" dy="${i === 0 ? 0 : 13}">${x(l)}</tspan>`).join('')}</text>`;
  const said = markText(marks);
  const badge = said === undefined ? '' : `<text class="track-mark" x="${cx}" y="${cy + h / 2 + 12}" text-anchor="middle" font-size="10" font-weight="bold" fill="#7a4f00">${x(clip(said, 40))}</text>`;
  return `<g class="${classes}">${tip}${shape}${text}${badge}</g>`;
}

function clocks(graph: PlanGraph, top: number): string[] {
  if (graph.clocks.length === 0) return [];
  const lines = graph.clocks.map((c, i) => `<text x="16" y="${top + 44 + i * CLOCK_LINE}">${x(clip(clockLine(c), 160))}</text>`);
  return [`<g class="clocks"><text x="12" y="${top + 24}" font-weight="bold" font-size="12">Clocks</text>${lines.join('')}</g>`];
}
