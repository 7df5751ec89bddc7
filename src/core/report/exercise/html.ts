// The after-action report of an exercise as one self-contained HTML page: overview and result,
// HSEEP objective ratings, expectations, every clock as a chart of due versus met, the path taken
// over the plan's diagram, the decisions and who took them, the timeline of injects and
// responses, and the improvement plan; TLP marking on top of the screen and of every printed page.
import { fold, type IncidentEvent, type Plans } from '../../engine/index.js';
import { RATING_TITLES, type Rating } from '../../exercise/rating.js';
import type { ExerciseReportData } from '../../exercise/report-data.js';
import { htmlBlock, htmlText as h } from '../../safe-text/index.js';
import { clockChart } from '../html/clock-chart.js';
import { htmlMeta, htmlPage, htmlTable } from '../html/page.js';
import { decisionsSection, pathSection } from '../html/sections.js';
import { clockMarginText, marginText, sinceStart } from './format.js';

export interface ExerciseRenderOptions {
  elapsedMs?: number;
  run?: { plans: Plans; events: readonly IncidentEvent[] }; // for the path and the decisions
}

/** The report as an HTML document. */
export function exerciseHtml(r: ExerciseReportData, options: ExerciseRenderOptions = {}): string {
  const x = r.exercise;
  const since = (iso: string | undefined): string => sinceStart(iso, x.start);
  const result = r.passed ? 'PASSED' : 'FAILED';
  const summary = `score ${r.score.percent}%, ${r.score.met} of ${r.score.total} expectations met, ${r.score.mandatoryMissed} mandatory missed`;
  const overview = htmlMeta([
    ['Exercise', h(x.id)],
    ['Version', h(x.version)],
    ['Plan', `${h(x.plan.title)} (${h(x.plan.id)})`],
    ['Incident', h(x.incident)],
    ['Start (simulated)', h(x.start)],
    ['End (simulated)', `${h(x.end)} (${h(since(x.end))})`],
    ['Participants', h(x.participants.map((p) => p.title).join(', '))],
    ['Result', `<span class="result ${r.passed ? 'passed' : 'failed'}">${result}</span> ${h(summary)}`],
  ]);
  const objectives = htmlTable(
    ['Objective', 'HSEEP rating', 'Expectations met'],
    r.objectives.map((o) => [`${h(o.title)} <small>(${h(o.id)})</small>`, rating(o.rating), `${o.met} of ${o.expectations}`]),
  );
  const expectations = htmlTable(
    ['Expectation', 'Objective', 'Weight', 'Mandatory', 'Result', 'Due', 'Achieved', 'Margin'],
    r.expectations.map((e) => [
      `<strong>${h(e.id)}</strong>: ${h(e.description ?? e.target)}`,
      h(e.objective),
      String(e.weight),
      e.mandatory ? 'yes' : 'no',
      `<span class="status-${h(e.status)}">${h(e.status.toUpperCase())}</span>${e.status === 'met' ? '' : `: ${h(e.detail)}`}`,
      h(since(e.deadline)),
      h(since(e.achievedAt)),
      h(marginText(e.marginMs)),
    ]),
  );
  const clockRows = r.clocks.map((c) => [
    `${h(c.title)} <small>(${h(`${c.planId}#${c.id}`)})</small>`,
    h(c.basis),
    h(since(c.startedAt)),
    h(since(c.dueAt)),
    h(since(c.metAt)),
    `<span class="status-${h(c.status)}">${h(c.status)}</span>`,
    h(clockMarginText(c.status, c.marginMs)),
  ]);
  const timeline = htmlTable(
    ['Time', 'Who', 'Where', 'What'],
    r.timeline.map((t) => [
      h(since(t.at)),
      h(t.actor),
      h(`${t.planId}${t.stepId !== undefined ? `#${t.stepId}` : ''}`),
      t.kind === 'inject' ? `<strong>INJECT</strong> ${h(t.summary.replace(/^Inject /, ''))}${t.message ? `<div class="note">${htmlBlock(t.message)}</div>` : ''}${facts(t.facts)}` : h(t.summary),
    ]),
    (i) => (r.timeline[i]?.kind === 'inject' ? 'inject' : ''),
  );
  const improvements =
    r.improvements.length === 0
      ? '<p>Every expectation was met.</p>'
      : htmlTable(
          ['#', 'Objective', 'Issue', 'Owner', 'Mandatory'],
          r.improvements.map((m, i) => [
            String(i + 1),
            h(m.objectiveTitle),
            `<strong>${h(m.expectation)}</strong>: ${h(m.issue)}`,
            m.owner ? `${h(m.owner.title)} <small>(${h(`${m.owner.planId}#${m.owner.roleId}`)})</small>` : 'not named in the plan',
            m.mandatory ? 'yes' : 'no',
          ]),
        );
  const run = options.run;
  const state = run ? fold(run.plans, run.events) : undefined;
  const body = [
    `<h1>Exercise report: ${h(x.title)}</h1>`,
    ...(x.description !== undefined ? [`<div class="note">${htmlBlock(x.description.trim())}</div>`] : []),
    overview,
    '<section id="objectives"><h2>Objectives (HSEEP ratings)</h2>',
    objectives,
    `<p><small>${(Object.keys(RATING_TITLES) as Rating[]).map((k) => `${k}: ${h(RATING_TITLES[k])}`).join(' · ')}. P: every expectation met. S: every mandatory one met and at least 75% of the weight. M: some weight met. U: none met.</small></p>`,
    '</section>',
    '<section id="expectations"><h2>Expectations</h2>',
    expectations,
    '</section>',
    '<section id="clocks"><h2>Clocks: due versus met</h2>',
    clockChart(r.clocks, x.end, since),
    r.clocks.length === 0 ? '' : htmlTable(['Clock', 'Basis', 'Started', 'Due', 'Met', 'Status', 'Margin'], clockRows),
    '</section>',
    ...(run && state ? [pathSection(x.id, state, run.events, run.plans), decisionsSection(state, run.plans, since)] : []),
    '<section id="timeline"><h2>Timeline (simulated time)</h2>',
    timeline,
    '</section>',
    ...(r.problems.length === 0 ? [] : ['<section id="problems"><h2>Script problems</h2><ul>', ...r.problems.map((p) => `<li>${h(p.message)}</li>`), '</ul></section>']),
    '<section id="improvements"><h2>Improvement plan</h2>',
    improvements,
    '</section>',
  ].join('\n');
  return htmlPage({ title: `Exercise report: ${x.title}`, tlp: x.tlp, body });
}

function facts(f: Record<string, string | number | boolean> | undefined): string {
  return f === undefined ? '' : `<div><small>${Object.entries(f).map(([k, v]) => `${h(k)}: ${h(String(v))}`).join(', ')}</small></div>`;
}

function rating(r: Rating | undefined): string {
  return r === undefined ? 'not rated (no expectation)' : `<strong>${r}</strong>: ${h(RATING_TITLES[r])}`;
}
