// An incident's log as one self-contained HTML page: overview, every clock as a chart of due
// versus met, the path taken over the plan's diagram, the decisions and who took them, and the
// timeline; TLP marking on top of the screen and of every printed page.
import { clockStatus, reportingOpen } from '../../engine/index.js';
import { formatAnchor } from '../../anchors.js';
import { htmlBlock, htmlText as h } from '../../safe-text/index.js';
import { clockChart } from '../html/clock-chart.js';
import { htmlMeta, htmlPage, htmlTable } from '../html/page.js';
import { decisionsSection, pathSection } from '../html/sections.js';
import type { ExportInput } from './export.js';
import type { Tlp } from '../../plan/types.js';
import { retractionNote } from './retraction-text.js';

const utc = (iso: string): string => iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');

/** The HTML export of an incident. */
/** The report page; `marking` is the export's (never less strict than what the page holds). */
export function incidentHtml(input: ExportInput, marking: Tlp): string {
  const { record, state, plans } = input;
  const now = input.now.toISOString();
  const clocks = clockStatus(state, input.now);
  const status = state.closed ? `response closed ${utc(state.closedAt ?? '')}${reportingOpen(state) ? ', reporting open' : ''}` : 'open';
  const head = input.verify.heads[0];
  const integrity = input.verify.broken
    ? `BROKEN at event ${input.verify.broken.seq}: ${h(input.verify.broken.reason)}`
    : !input.verify.ok
      ? `BROKEN: the log's schema was altered`
      : `verified (${input.verify.events} events, SHA-256 chain intact${head ? `; head #${head.seq} <code>${h(formatAnchor(head.hash))}</code>` : ''})`;
  const overview = htmlMeta([
    ['Plan', h(state.plans.join(' → '))],
    ['Status', h(status)],
    ['Severity', h(state.meta?.severity ?? '—')],
    ['Aware', h(utc(state.meta?.awareness ?? '—'))],
    ['Opened', `${h(utc(state.meta?.openedAt ?? record.createdAt))} by ${h(state.meta?.openedBy ?? '—')}`],
    ['Cooperation level', h(state.level?.id ?? '—')],
    ['Tracks', h(state.tracks.map((t) => `${t.id} at ${t.at.planId}#${t.at.stepId} (${t.status})`).join(', ') || 'none running')],
    ['Log integrity', integrity],
    ['Exported', h(utc(now))],
  ]);
  const clockRows = clocks.map((c) => [h(c.title), h(c.basis), h(utc(c.startedAt)), h(utc(c.dueAt)), c.metAt ? h(utc(c.metAt)) : '—', `<span class="status-${h(c.status)}">${h(c.status)}</span>`]);
  const timeline = htmlTable(
    ['#', 'Time (UTC)', 'Plan', 'Step', 'Event', 'By'],
    state.timeline.map((e) => [
      String(e.seq),
      h(utc(e.at)),
      h(e.planId),
      h(e.stepId ?? ''),
      (e.retracted ? `${h(e.summary)} <em>(${h(retractionNote(e))})</em>` : h(e.summary)) + (e.detail ? `<div class="note">${htmlBlock(e.detail)}</div>` : ''),
      h(e.actor),
    ]),
    (i) => (state.timeline[i]?.retracted ? 'retracted' : ''),
  );
  const body = [
    `<h1>Incident ${h(record.id)}: ${h(record.title)}</h1>`,
    overview,
    '<section id="clocks">',
    '<h2>Clocks: due versus met</h2>',
    clockChart(clocks, now, utc),
    htmlTable(['Clock', 'Basis', 'Started', 'Due', 'Met', 'Status'], clockRows),
    '</section>',
    pathSection(record.id, state, input.recorded.map((r) => r.event), plans),
    decisionsSection(state, plans, utc),
    '<section id="timeline">',
    '<h2>Timeline</h2>',
    timeline,
    '</section>',
    ...(state.summary ? ['<section id="summary"><h2>Summary</h2>', `<div class="note">${htmlBlock(state.summary)}</div>`, '</section>'] : []),
  ].join('\n');
  return htmlPage({ title: `Incident ${record.id}: ${record.title}`, tlp: marking, body });
}
