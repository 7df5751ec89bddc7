// A finding is one problem in one plan or exercise file, placed at its line and column.

export type Severity = 'error' | 'warning';

/** One problem found in a file; line and column are 1-based positions in the YAML source. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: string; // stable id, e.g. schema/required, ref/unknown-step, nis2/art9-4-c
  message: string;
  path: string; // JSON pointer into the document ('' for the whole document)
}

/** A finding before it is placed in the source: rules speak in JSON pointers only. */
export interface RuleFinding {
  rule: string;
  severity: Severity;
  message: string;
  path: string;
  /** Point at the key of the pair rather than its value (e.g. an unexpected property). */
  at?: 'key' | 'value';
  /**
   * Pointers of the values this finding follows from (default: `path`). A schema finding on one
   * of them, or on a value above one, already names the problem, so this finding is dropped.
   */
  cause?: readonly string[];
}

/** Counts of a result set, in the order formatters print them. */
export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** What SARIF and the docs say about a rule. */
export interface RuleMeta {
  id: string;
  severity: Severity; // default severity
  description: string; // one sentence: what the rule checks
}
