// Every clock as a bar from its start to its deadline, with the moment it was met (green on
// time, red late), or how far it ran past its deadline unmet: inline SVG, one row per clock.
import { htmlText as h } from '../../safe-text/index.js';
import type { ClockStatusKind } from '../../engine/clocks.js';
import { clip } from '../graph/text.js';

export interface ChartClock {
  title: string;
  startedAt: string;
  dueAt: string;
  metAt?: string;
  status: ClockStatusKind;
}

const ROW = 30;
const LABEL = 260;
const WIDTH = 980;

/** The chart, or a sentence when no clock started. `now` ends the bars of clocks still owed. */
export function clockChart(clocks: readonly ChartClock[], now: string, time: (iso: string) => string): string {
  if (clocks.length === 0) return '<p>No clock was started.</p>';
  const ms = (iso: string): number => Date.parse(iso);
  // The axis ends at `now` (or the last thing that happened): a report due a month later would
  // otherwise squeeze every hour-long clock into a few pixels. Its bar runs off the end, labelled.
  const points = clocks.flatMap((c) => [ms(c.startedAt), ...(c.metAt ? [ms(c.metAt)] : []), ...(ms(c.dueAt) <= ms(now) ? [ms(c.dueAt)] : [])]).filter(Number.isFinite);
  const t0 = Math.min(...points);
  const t1 = Math.max(...points, ms(now), t0 + 1);
  const plot = WIDTH - LABEL - 120;
  const x = (iso: string): number => LABEL + ((Math.min(ms(iso), t1) - t0) / (t1 - t0)) * plot;
  const height = clocks.length * ROW + 44;
  const rows = clocks.map((c, i) => {
    const y = 10 + i * ROW;
    const parts = [`<text x="${LABEL - 8}" y="${y + 15}" text-anchor="end">${h(clip(c.title, 40))}</text>`];
    const due = `<rect class="due" x="${x(c.startedAt)}" y="${y + 5}" width="${Math.max(2, x(c.dueAt) - x(c.startedAt))}" height="14" fill="#c9d7ee" stroke="#5b7bb0"><title>${h(c.title)}: due ${h(time(c.dueAt))}</title></rect>`;
    if (ms(c.dueAt) > t1) parts.push(due, `<text x="${LABEL + plot + 4}" y="${y + 16}" font-size="11" fill="#1d3f73">→ due ${h(time(c.dueAt))}</text>`);
    else parts.push(due, `<line x1="${x(c.dueAt)}" x2="${x(c.dueAt)}" y1="${y + 1}" y2="${y + 23}" stroke="#1d3f73" stroke-width="2"/>`);
    if (c.metAt !== undefined) {
      const late = c.status === 'met-late';
      parts.push(`<circle class="met" cx="${x(c.metAt)}" cy="${y + 12}" r="6" fill="${late ? '#c62828' : '#2e7d32'}"><title>${h(c.title)}: met ${h(time(c.metAt))}${late ? ' (late)' : ''}</title></circle>`);
    } else if (c.status === 'overdue') {
      parts.push(`<rect class="overdue" x="${x(c.dueAt)}" y="${y + 8}" width="${Math.max(2, x(now) - x(c.dueAt))}" height="8" fill="#c62828"><title>${h(c.title)}: overdue</title></rect>`);
    } else if (c.status === 'waived') {
      parts.push(`<text x="${x(c.dueAt) + 6}" y="${y + 16}" fill="#666">waived</text>`);
    }
    return `<g class="clock-row">${parts.join('')}</g>`;
  });
  const axisY = clocks.length * ROW + 16;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const at = new Date(t0 + f * (t1 - t0)).toISOString();
    const tx = LABEL + f * plot;
    return `<line x1="${tx}" x2="${tx}" y1="${axisY}" y2="${axisY + 4}" stroke="#888"/><text x="${tx}" y="${axisY + 16}" font-size="11" fill="#555" text-anchor="${f === 0 ? 'start' : f === 1 ? 'end' : 'middle'}">${h(time(at))}</text>`;
  });
  const axis = [`<line x1="${LABEL}" x2="${LABEL + plot}" y1="${axisY}" y2="${axisY}" stroke="#888"/>`, ...ticks];
  const legend =
    '<p class="legend"><span><i class="swatch" style="background:#c9d7ee"></i>running until due</span><span><i class="swatch" style="background:#2e7d32;border-radius:6px"></i>met on time</span>' +
    '<span><i class="swatch" style="background:#c62828;border-radius:6px"></i>met late</span><span><i class="swatch" style="background:#c62828"></i>overdue, unmet</span></p>';
  return `<figure class="chart clock-chart"><svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12" role="img" aria-label="Clocks: due versus met">${rows.join('')}${axis.join('')}</svg>${legend}</figure>`;
}
