// JUnit XML for CI test reports: one testcase per validated file, so clean files show as passes.
// The report agrees with the exit code: a file with a finding at or above --fail-on (errors by
// default) fails with one <failure> listing all its findings; a file with only findings below it
// passes and lists them in <system-out>, which CI systems show with the test case.

import { type Finding, type Severity } from '../../findings.js';
import { groupByFile, type FileFindings } from './group-by-file.js';
import { plural } from '../plural.js';
import type { FindingsFormatter } from './types.js';
import { escapeXmlAttr as attr, escapeXmlText as text } from './xml-escape.js';
import { countFindings } from '../../findings.js';

const CLASSNAME = 'crisis.validate';

const findingLine = (f: Finding): string => `${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`;

/** Whether a finding of `severity` fails a run that fails on `failOn`. */
export function fails(severity: Severity, failOn: Severity): boolean {
  return severity === 'error' || failOn === 'warning';
}

/** JUnit's `time`: seconds with millisecond precision. */
export const seconds = (ms: number | undefined): string => ((ms ?? 0) / 1000).toFixed(3);

/** One <testcase> element for one file, indented for the suite. */
function testcase({ file, findings }: FileFindings, failOn: Severity): string {
  const open = `    <testcase name="${attr(file)}" classname="${CLASSNAME}"`;
  if (findings.length === 0) return `${open}/>`;
  const { errors, warnings } = countFindings(findings);
  const body = text(findings.map(findingLine).join('\n'));
  const summary = attr(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  const inner = findings.some((f) => fails(f.severity, failOn))
    ? `<failure message="${summary}" type="${CLASSNAME}">${body}</failure>`
    : `<system-out>${body}</system-out>`;
  return `${open}>\n      ${inner}\n    </testcase>`;
}

/** `<testsuites>` with one suite named after the tool and one testcase per file. */
export const junit: FindingsFormatter = (result, ctx) => {
  const failOn = ctx.failOn ?? 'error';
  const groups = groupByFile(result);
  const failures = groups.filter((g) => g.findings.some((f) => fails(f.severity, failOn))).length;
  const counts = `tests="${groups.length}" failures="${failures}" errors="0" time="${seconds(ctx.elapsedMs)}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(ctx.tool.name)}" ${counts}>`,
    `  <testsuite name="${CLASSNAME}" ${counts} skipped="0">`,
    ...groups.map((g) => testcase(g, failOn)),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
};
