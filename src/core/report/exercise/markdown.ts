// The after-action report of an exercise in Markdown: TLP marking first, then overview, result,
// objective ratings, expectations, clocks, timeline, script problems and the improvement plan.
import { RATING_TITLES, type Rating } from '../../exercise/rating.js';
import type { ExerciseReportData } from '../../exercise/report-data.js';
import { cell, clockMarginText, marginText, sinceStart, table } from './format.js';
import { mdBlock } from '../../safe-text/index.js';

/** The report as Markdown text (ends with a newline). */
export function exerciseMarkdown(r: ExerciseReportData): string {
  const x = r.exercise;
  const start = x.start;
  const result = r.passed ? 'PASSED' : 'FAILED';
  const lines: string[] = [
    `**TLP:${cell(x.tlp)}**`,
    '',
    `# Exercise report: ${cell(x.title)}`,
    '',
    ...(x.shared ? [`Shared at TLP:${x.shared.level}: ${x.shared.leftOut} timeline ${x.shared.leftOut === 1 ? 'entry' : 'entries'} marked above it left out, with the clocks and roles of plans above it.`, ''] : []),
    ...(x.description !== undefined ? [mdBlock(x.description.trim()), ''] : []),
    ...table(
      ['Exercise', x.id],
      [
        ['Version', x.version],
        ['Plan', `${x.plan.title} (${x.plan.id})`],
        ['Incident', x.incident],
        ['Start (simulated)', start],
        ['End (simulated)', `${x.end} (${sinceStart(x.end, start)})`],
        ['Result', `${result}: score ${r.score.percent}%, ${r.score.met} of ${r.score.total} expectations met, ${r.score.mandatoryMissed} mandatory missed`],
      ],
    ),
    '',
    '## Participants',
    '',
    ...x.participants.map((p) => `- ${cell(`${p.title} (${p.ref})`)}`),
    '',
    '## Objectives',
    '',
    ...table(
      ['Objective', 'Rating', 'Expectations met'],
      r.objectives.map((o) => [`${o.title} (${o.id})`, rating(o.rating), `${o.met} of ${o.expectations}`]),
    ),
    '',
    `Ratings: ${(Object.keys(RATING_TITLES) as Rating[]).map((k) => `${k} ${RATING_TITLES[k].toLowerCase()}`).join('; ')}.`,
    'P: every expectation met. S: every mandatory one met and at least 75% of the weight. M: some weight met. U: none met.',
    '',
    '## Expectations',
    '',
    ...table(
      ['Expectation', 'Objective', 'Weight', 'Mandatory', 'Result', 'Due', 'Achieved', 'Margin'],
      r.expectations.map((e) => [
        `${e.id}: ${e.description ?? e.target}`,
        e.objective,
        String(e.weight),
        e.mandatory ? 'yes' : 'no',
        `${e.status.toUpperCase()}${e.status === 'met' ? '' : `: ${e.detail}`}`,
        sinceStart(e.deadline, start),
        sinceStart(e.achievedAt, start),
        marginText(e.marginMs),
      ]),
    ),
    '',
    '## Clocks at the end of the exercise',
    '',
    ...(r.clocks.length === 0
      ? ['No clock was started.']
      : table(
          ['Clock', 'Basis', 'Started', 'Due', 'Met', 'Status', 'Margin'],
          r.clocks.map((c) => [
            `${c.title} (${c.planId}#${c.id})`,
            c.basis,
            sinceStart(c.startedAt, start),
            sinceStart(c.dueAt, start),
            sinceStart(c.metAt, start),
            c.status,
            clockMarginText(c.status, c.marginMs),
          ]),
        )),
    '',
    '## Timeline (simulated time)',
    '',
    ...table(
      ['Time', 'Who', 'Where', 'What'],
      r.timeline.map((t) => [
        sinceStart(t.at, start),
        t.actor,
        `${t.planId}${t.stepId !== undefined ? `#${t.stepId}` : ''}`,
        t.kind === 'inject' ? `INJECT ${t.summary.replace(/^Inject /, '')}: ${t.message ?? ''}${facts(t.facts)}` : t.summary,
      ]),
    ),
    '',
    ...(r.problems.length === 0 ? [] : ['## Script problems', '', ...r.problems.map((p) => `- ${cell(p.message)}`), '']),
    '## Improvement plan',
    '',
    ...(r.improvements.length === 0
      ? ['Every expectation was met.']
      : table(
          ['#', 'Objective', 'Issue', 'Owner', 'Mandatory'],
          r.improvements.map((m, i) => [
            String(i + 1),
            m.objectiveTitle,
            `${m.expectation}: ${m.issue}`,
            m.owner ? `${m.owner.title} (${m.owner.planId}#${m.owner.roleId})` : 'not named in the plan',
            m.mandatory ? 'yes' : 'no',
          ]),
        )),
    '',
    `**TLP:${cell(x.tlp)}**`,
    '',
  ];
  return lines.join('\n');
}

function facts(f: Record<string, string | number | boolean> | undefined): string {
  return f === undefined ? '' : ` (${Object.entries(f).map(([k, v]) => `${k}: ${String(v)}`).join(', ')})`;
}

function rating(r: Rating | undefined): string {
  return r === undefined ? 'not rated (no expectation)' : `${r}: ${RATING_TITLES[r]}`;
}
