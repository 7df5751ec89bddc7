// JUnit XML for CI: one testcase per expectation, agreeing with the exit code. A missed mandatory
// expectation is a <failure> (and `exercise run` exits 1); a missed optional one is <skipped>
// with the details in <system-out>, so CI shows it without failing a run that exits 0.
import type { ExerciseReportData } from '../../exercise/report-data.js';
import type { ExpectationResult } from '../../exercise/score.js';
import { escapeXmlAttr as attr, escapeXmlText as text } from '../findings/xml-escape.js';
import { seconds } from '../findings/junit.js';
import { marginText, sinceStart } from './format.js';

/** The report as a JUnit XML document (ends with a newline). */
export function exerciseJunit(r: ExerciseReportData, options: { elapsedMs?: number } = {}): string {
  const suite = `crisis.exercise.${r.exercise.id}`;
  const failures = r.expectations.filter((e) => !e.met && e.mandatory).length;
  const skipped = r.expectations.filter((e) => !e.met && !e.mandatory).length;
  const counts = `tests="${r.expectations.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(options.elapsedMs)}"`;
  const props: [string, string][] = [
    ['tlp', r.exercise.tlp],
    ['plan', r.exercise.plan.id],
    ['start', r.exercise.start],
    ['end', r.exercise.end],
    ['passed', String(r.passed)],
    ['score', String(r.score.percent)],
    ...r.objectives.map((o): [string, string] => [`objective.${o.id}`, o.rating ?? 'not rated']),
  ];
  const problems = r.problems.map((p) => p.message).join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!-- TLP:${text(r.exercise.tlp)} -->`,
    `<testsuites name="crisis" ${counts}>`,
    `  <testsuite name="${attr(suite)}" ${counts} timestamp="${attr(r.exercise.start.replace(/\.\d+Z$/, ''))}">`,
    '    <properties>',
    ...props.map(([name, value]) => `      <property name="${attr(name)}" value="${attr(value)}"/>`),
    '    </properties>',
    ...r.expectations.map((e) => testcase(e, suite, r.exercise.start)),
    ...(problems === '' ? [] : [`    <system-err>${text(problems)}</system-err>`]),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function testcase(e: ExpectationResult, suite: string, start: string): string {
  const open = `    <testcase name="${attr(`${e.id}: ${e.description ?? e.target}`)}" classname="${attr(`${suite}.${e.objective}`)}"`;
  if (e.met) return `${open}/>`;
  const body = [
    `expected: ${e.target}`,
    `result: ${e.status}: ${e.detail}`,
    `due: ${sinceStart(e.deadline, start)}; achieved: ${sinceStart(e.achievedAt, start)}; margin: ${marginText(e.marginMs)}`,
    ...(e.owner ? [`owner: ${e.owner.title} (${e.owner.planId}#${e.owner.roleId})`] : []),
  ].join('\n');
  if (!e.mandatory) {
    const skipped = `<skipped message="${attr(`optional expectation ${e.status}: ${e.detail}`)}"/>`;
    return `${open}>\n      ${skipped}\n      <system-out>${text(body)}</system-out>\n    </testcase>`;
  }
  return `${open}>\n      <failure message="${attr(`mandatory expectation ${e.status}: ${e.detail}`)}" type="mandatory">${text(body)}</failure>\n    </testcase>`;
}
