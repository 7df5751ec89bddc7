// Sections both HTML reports share: the path taken over each plan's diagram, and the decisions
// with who took them. Input text is escaped here or by the renderers they call.
import type { IncidentEvent } from '../../engine/events.js';
import type { Plans } from '../../engine/refs.js';
import type { IncidentState } from '../../engine/state.js';
import { htmlText as h } from '../../safe-text/index.js';
import { buildGraph } from '../graph/model.js';
import { buildOverlay } from '../graph/overlay.js';
import { graphSvg } from '../graph/svg.js';
import { htmlTable } from './page.js';

/** Each plan the incident has been in, drawn with the path it took there. */
export function pathSection(incidentId: string, state: IncidentState, events: readonly IncidentEvent[], plans: Plans): string {
  const overlay = buildOverlay(incidentId, state, events);
  const drawn = state.plans.flatMap((planId, i) => {
    const plan = plans.get(planId);
    if (!plan) return [];
    const svg = graphSvg(buildGraph(plan, plans), overlay, { idPrefix: `plan${i}` });
    return [`<h3>${h(plan.metadata.title)} (${h(planId)})</h3>\n<div class="diagram">${svg}</div>`];
  });
  const legend =
    '<p class="legend"><span><i class="swatch" style="background:#d9f2d9"></i>step visited</span><span><i class="swatch" style="background:#ffe08a"></i>where a track stands</span>' +
    '<span><i class="swatch" style="background:#2a7a2a"></i>way taken</span><span>dashed: a new track · bold blue: hand-over to another plan</span></p>';
  return ['<section id="path">', '<h2>Path taken</h2>', legend, ...drawn, '</section>'].join('\n');
}

/** The decisions taken: when, where, the question, the answer, and who took it. */
export function decisionsSection(state: IncidentState, plans: Plans, time: (iso: string) => string): string {
  if (state.decisions.length === 0) return '<section id="decisions"><h2>Decisions</h2><p>No decision was taken.</p></section>';
  const rows = state.decisions.map((d) => {
    const step = plans.get(d.planId)?.steps.find((s) => s.id === d.stepId);
    const question = step?.decision?.question ?? step?.title ?? d.stepId;
    return [h(time(d.at)), `${h(step?.title ?? d.stepId)} <small>(${h(`${d.planId}#${d.stepId}`)})</small>`, h(question), `<strong>${h(d.label)}</strong>`, h(d.actor)];
  });
  return ['<section id="decisions">', '<h2>Decisions</h2>', htmlTable(['Time', 'Step', 'Question', 'Decision', 'Taken by'], rows), '</section>'].join('\n');
}
