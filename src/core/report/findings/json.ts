// Machine output for scripts: the shape is part of the CLI contract (DESIGN.md), keys in order.

import { safeJson } from '../../safe-text/index.js';
import { countFindings } from '../../findings.js';
import type { FindingsFormatter } from './types.js';

/** `{files, errors, warnings, findings}` pretty-printed with two spaces and a final newline. */
export const json: FindingsFormatter = (result) => {
  const { errors, warnings } = countFindings(result.findings);
  // Rebuilt field by field so key order is fixed and no extra properties leak into the contract.
  const findings = result.findings.map((f) => ({
    file: f.file,
    line: f.line,
    column: f.column,
    severity: f.severity,
    rule: f.rule,
    message: f.message,
    path: f.path,
  }));
  return `${safeJson({ files: result.files.length, errors, warnings, findings }, 2)}\n`;
};
