// The input every `crisis validate` formatter receives: the result plus what it needs to render it.

import type { Finding, RuleMeta, Severity } from '../../findings.js';
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
  /**
   * File as findings name it -> the same file relative to the repository root, for outputs that
   * a code host places on its checkout (SARIF, GitHub annotations, Code Quality). A file missing
   * here is named as the findings name it.
   */
  repoPaths?: ReadonlyMap<string, string>;
  /** Where each rule is explained: `helpUri(rule)` (SARIF); none when absent. */
  helpUri?: (rule: string) => string;
  /** The lowest severity that fails the run (default error): JUnit fails the files that reach it. */
  failOn?: Severity;
  /** How long the run took, in milliseconds (JUnit `time`); 0 when absent. */
  elapsedMs?: number;
}

/** A pure formatter: the whole output as one string. */
export type FindingsFormatter = (result: ValidationResult, ctx: FormatContext) => string;
