// Human output, like a compiler: per file a header and its findings, then each finding's source
// line with a caret under the column, then one summary line. Widths are measured before styling because
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

/** Gutter, source line and caret row (labelled with the rule); nothing when the source or the line is unknown. */
function excerpt(f: Finding, lines: readonly string[] | undefined, gutter: number, styler: Styler): string[] {
  const line = lines?.[f.line - 1];
  if (line === undefined || f.line < 1) return [];
  const { text, caret } = excerptLine(line, f.column);
  const number = String(f.line).padStart(gutter);
  const source = `  ${styler.dim(`${number} |`)}${text === '' ? '' : ` ${text}`}`;
  const marker = `  ${styler.dim(`${' '.repeat(gutter)} |`)} ${' '.repeat(caret)}${paint(styler, f, '^')} ${styler.dim(printable(f.rule))}`;
  return [source.trimEnd(), marker];
}

/** A finding's excerpt and the further lines of its message, for the block under the file's findings. */
function details(f: Finding, lines: readonly string[] | undefined, gutter: number, styler: Styler): string[] {
  const shown = excerpt(f, lines, gutter, styler);
  const more = messageLines(f.message).slice(1);
  if (more.length === 0) return shown;
  const bar = `  ${styler.dim(`${' '.repeat(gutter)} |`)}`;
  const label = shown.length > 0 ? [] : [`${bar} ${position(f)} ${styler.dim(printable(f.rule))}`];
  return [...shown, ...label, ...more.map((m) => `${bar}   ${m}`.trimEnd())];
}

/**
 * One file's block: the header and one line per finding, then the excerpts. The finding lines
 * come together, right under the header, because that is what problem matchers read (VS Code's
 * $eslint-stylish: a file line, then a loop of `line:col severity message  rule` lines that ends
 * at the first other line); the excerpts follow once that loop has ended.
 */
function fileBlock(file: string, findings: readonly Finding[], source: string | undefined, styler: Styler): string[] {
  const lines = source === undefined ? undefined : splitLines(source);
  const posWidth = widest(findings, (f) => position(f));
  const sevWidth = widest(findings, (f) => f.severity);
  const gutter = widest(findings, (f) => String(f.line));
  const out = [styler.bold(printable(file))];
  for (const f of findings) {
    const [first = ''] = messageLines(f.message);
    const head = `  ${position(f).padEnd(posWidth)}  ${paint(styler, f, f.severity.padEnd(sevWidth))}  ${first}`;
    out.push(`${head}  ${styler.dim(printable(f.rule))}`);
  }
  const shown = findings.flatMap((f) => details(f, lines, gutter, styler));
  return shown.length === 0 ? out : [...out, '', ...shown];
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
