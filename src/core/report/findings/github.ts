// GitHub Actions workflow commands: each finding becomes an annotation on the file and line.
// The file is named relative to the repository root (GitHub places annotations on the checkout).
// Escaping follows the runner's toolkit: `%`, CR and LF in the message; also `:` and `,` in
// property values, which would otherwise end the value. Other control characters (ESC, NUL)
// become visible placeholders so a plan cannot inject terminal sequences into the job log.

import type { Finding } from '../../findings.js';
import { printable } from '../../safe-text/printable.js';
import { repoPath } from './repo-path.js';
import type { FindingsFormatter } from './types.js';

/** Escapes the message part of a workflow command. */
export function escapeGithubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value (file, title) of a workflow command. */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

// Escaping first turns CR and LF into %0D / %0A, so printable() only sees the rest.
const data = (text: string): string => printable(escapeGithubData(text));
const property = (text: string): string => printable(escapeGithubProperty(text));

const command = (f: Finding, file: string): string =>
  `::${f.severity} file=${property(file)},line=${f.line},col=${f.column},title=${property(f.rule)}::${data(f.message)}`;

/** One `::error` / `::warning` line per finding, in the findings' order; empty when clean. */
export const github: FindingsFormatter = (result, ctx) => result.findings.map((f) => `${command(f, repoPath(ctx, f.file))}\n`).join('');
