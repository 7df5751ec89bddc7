// JUnit XML for CI test reports: one testcase per validated file, so clean files show as passes.
// A file with errors fails with one <failure> listing all its findings. A file with warnings only
// passes (warnings do not break builds by default) and lists them in <system-out>, which CI
// systems show with the test case.

import { countFindings, type Finding } from '../../findings.js';
import { groupByFile, type FileFindings } from './group-by-file.js';
import { plural } from '../plural.js';
import type { FindingsFormatter } from './types.js';
import { escapeXmlAttr as attr, escapeXmlText as text } from './xml-escape.js';

const CLASSNAME = 'crisis.validate';

const findingLine = (f: Finding): string => `${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`;

/** One <testcase> element for one file, indented for the suite. */
function testcase({ file, findings }: FileFindings): string {
  const open = `    <testcase name="${attr(file)}" classname="${CLASSNAME}"`;
  if (findings.length === 0) return `${open}/>`;
  const { errors, warnings } = countFindings(findings);
  const body = text(findings.map(findingLine).join('\n'));
  const summary = attr(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  const inner =
    errors > 0
      ? `<failure message="${summary}" type="${CLASSNAME}">${body}</failure>`
      : `<system-out>${body}</system-out>`;
  return `${open}>\n      ${inner}\n    </testcase>`;
}

/** `<testsuites>` with one suite named after the tool and one testcase per file. */
export const junit: FindingsFormatter = (result, ctx) => {
  const groups = groupByFile(result);
  const failures = groups.filter((g) => g.findings.some((f) => f.severity === 'error')).length;
  const counts = `tests="${groups.length}" failures="${failures}" errors="0"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(ctx.tool.name)}" ${counts}>`,
    `  <testsuite name="${CLASSNAME}" ${counts} skipped="0">`,
    ...groups.map(testcase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
};
