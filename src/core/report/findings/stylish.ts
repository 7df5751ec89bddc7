// Human output, like a compiler: per file a header, each finding with its source line and a
// caret under the column, then one summary line. Widths are measured before styling because
// escape codes take no columns.

import { countFindings, type Finding } from '../../findings.js';
import type { Styler } from '../styler.js';
import { groupByFile } from './group-by-file.js';
import { plural } from '../plural.js';
import { printable } from '../../safe-text/printable.js';
import { excerptLine, splitLines } from './source-excerpt.js';
import type { FindingsFormatter, ValidationResult } from './types.js';

const paint = (styler: Styler, f: Finding, text: string): string =>
  f.severity === 'error' ? styler.error(text) : styler.warning(text);

const position = (f: Finding): string => `${f.line}:${f.column}`;

// A loop, not Math.max(...spread): a file can have more findings than a call has arguments.
const widest = (findings: readonly Finding[], text: (f: Finding) => string): number =>
  findings.reduce((max, f) => Math.max(max, text(f).length), 0);

/** The message on the finding's line; further lines of a multi-line message indented below. */
function messageLines(message: string): string[] {
  return message.split(/\r?\n/).map(printable);
}

/** Gutter, source line and caret row; nothing when the source or the line is unknown. */
function excerpt(f: Finding, lines: readonly string[] | undefined, gutter: number, styler: Styler): string[] {
  const line = lines?.[f.line - 1];
  if (line === undefined || f.line < 1) return [];
  const { text, caret } = excerptLine(line, f.column);
  const number = String(f.line).padStart(gutter);
  const source = `  ${styler.dim(`${number} |`)}${text === '' ? '' : ` ${text}`}`;
  const marker = `  ${styler.dim(`${' '.repeat(gutter)} |`)} ${' '.repeat(caret)}${paint(styler, f, '^')}`;
  return [source.trimEnd(), marker];
}

/** One file's block: header, then each finding with its excerpt. */
function fileBlock(file: string, findings: readonly Finding[], source: string | undefined, styler: Styler): string[] {
  const lines = source === undefined ? undefined : splitLines(source);
  const posWidth = widest(findings, (f) => position(f));
  const sevWidth = widest(findings, (f) => f.severity);
  const gutter = widest(findings, (f) => String(f.line));
  const out = [styler.bold(printable(file))];
  for (const f of findings) {
    const [first = '', ...rest] = messageLines(f.message);
    const head = `  ${position(f).padEnd(posWidth)}  ${paint(styler, f, f.severity.padEnd(sevWidth))}  ${first}`;
    out.push(`${head}  ${styler.dim(printable(f.rule))}`);
    for (const more of rest) out.push(`  ${' '.repeat(posWidth + sevWidth + 4)}${more}`.trimEnd());
    out.push(...excerpt(f, lines, gutter, styler));
  }
  return out;
}

/** The closing line: problem counts by severity and how many files they sit in. */
export function stylishSummary(result: ValidationResult, filesWithFindings: number, styler: Styler): string {
  const total = result.files.length;
  if (result.findings.length === 0) return styler.ok(`✔ ${plural(total, 'file')}, no problems`);
  const { errors, warnings } = countFindings(result.findings);
  const where =
    filesWithFindings >= total ? plural(filesWithFindings, 'file') : `${filesWithFindings} of ${plural(total, 'file')}`;
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  const text = `✖ ${plural(result.findings.length, 'problem')} (${counts}) in ${where}`;
  return errors > 0 ? styler.error(text) : styler.warning(text);
}

/** Compiler-style report for a terminal; just the summary when there is nothing to report. */
export const stylish: FindingsFormatter = (result, ctx) => {
  const groups = groupByFile(result).filter((g) => g.findings.length > 0);
  const blocks = groups.map((g) => fileBlock(g.file, g.findings, ctx.sources.get(g.file), ctx.styler).join('\n'));
  return [...blocks, stylishSummary(result, groups.length, ctx.styler)].join('\n\n') + '\n';
};
