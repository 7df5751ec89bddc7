// The input every `crisis validate` formatter receives: the result plus what it needs to render it.

import type { Finding, RuleMeta } from '../../findings.js';
import type { Styler } from '../styler.js';

/** Everything one `crisis validate` run produced. */
export interface ValidationResult {
  /** Every file validated, in order, including files without findings. */
  files: readonly string[];
  /** Sorted by file, line, column. */
  findings: readonly Finding[];
}

/** What a formatter may use besides the result; never I/O. */
export interface FormatContext {
  /** File -> its text, for source excerpts; a missing file (binary, too large) gets no excerpt. */
  sources: ReadonlyMap<string, string>;
  /** Rule metadata (SARIF lists every rule given here). */
  rules: readonly RuleMeta[];
  styler: Styler;
  tool: { name: string; version: string; informationUri?: string };
}

/** A pure formatter: the whole output as one string. */
export type FindingsFormatter = (result: ValidationResult, ctx: FormatContext) => string;
