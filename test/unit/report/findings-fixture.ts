// A fixed validation result shared by the findings formatter tests: two files with problems
// (one without source text) and one clean file.

import type { Finding, RuleMeta } from '../../../src/core/findings.js';
import type { FormatContext, ValidationResult } from '../../../src/core/report/findings/types.js';
import { plainStyler, type Styler } from '../../../src/core/report/styler.js';

export const EU = 'playbooks/eu/circp.yaml';
export const CLEAN = 'playbooks/clean.yaml';
export const BE = 'playbooks/national/be.yaml';

/** 223 characters; the finding sits on TARGET at column 118. */
export const LONG_LINE = `    description: ${'a'.repeat(100)}TARGET${'b'.repeat(100)}`;

export const EU_SOURCE = [
  'apiVersion: crisis/v1',
  'kind: Plan',
  'metadata:',
  '  id: eu-circp',
  '  title: [1, 2]',
  'steps:',
  '  - id: triage',
  '    next: no-such-step',
  '  - id: assess',
  '\tsummary:\t"a\tb"',
  '  - id: report',
  LONG_LINE,
  '',
].join('\n');

const finding = (over: Partial<Finding> & Pick<Finding, 'file' | 'line' | 'column'>): Finding => ({
  severity: 'error',
  rule: 'schema/type',
  message: 'must be string',
  path: '',
  ...over,
});

export const FINDINGS: readonly Finding[] = [
  finding({ file: EU, line: 5, column: 10, path: '/metadata/title' }),
  finding({
    file: EU,
    line: 8,
    column: 11,
    rule: 'ref/unknown-step',
    message: 'next names "no-such-step", which is not a step of this plan',
    path: '/steps/0/next',
  }),
  finding({ file: EU, line: 10, column: 14, severity: 'warning', rule: 'style/tabs', message: 'tabs in a value', path: '/steps/1/summary' }),
  finding({ file: EU, line: 12, column: 118, rule: 'schema/maxLength', message: 'must NOT have more than 200 characters', path: '/steps/2/description' }),
  finding({ file: BE, line: 3, column: 1, severity: 'warning', rule: 'flow/unreachable-step', message: 'step "x" is never reached', path: '/steps/2' }),
  finding({ file: BE, line: 14, column: 5, rule: 'yaml/syntax', message: 'Implicit keys need to be on a single line\nat line 14' }),
];

export const RESULT: ValidationResult = { files: [EU, CLEAN, BE], findings: FINDINGS };

export const RULES: readonly RuleMeta[] = [
  { id: 'schema/type', severity: 'error', description: 'Values have the type the schema asks for.' },
  { id: 'ref/unknown-step', severity: 'error', description: 'Every next names an existing step.' },
  { id: 'flow/unreachable-step', severity: 'warning', description: 'Every step can be reached from the first.' },
  { id: 'nis2/art23', severity: 'error', description: 'Reporting clocks are present.' },
];

/** A context with the EU source only (BE stands for a file whose text is unavailable). */
export function context(over: Partial<FormatContext> = {}): FormatContext {
  return {
    sources: new Map([[EU, EU_SOURCE]]),
    rules: RULES,
    styler: plainStyler,
    tool: { name: 'crisis', version: '1.2.3', informationUri: 'https://example.org/crisis' },
    ...over,
  };
}

/** A styler that shows where each style was applied, as <tag>text</tag>. */
export const markingStyler: Styler = {
  error: (t) => `<e>${t}</e>`,
  warning: (t) => `<w>${t}</w>`,
  ok: (t) => `<ok>${t}</ok>`,
  dim: (t) => `<d>${t}</d>`,
  bold: (t) => `<b>${t}</b>`,
  accent: (t) => `<a>${t}</a>`,
};
