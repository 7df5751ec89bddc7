// Formatters report per file; this pairs each file with its findings without re-sorting them.

import type { Finding } from '../../findings.js';
import type { ValidationResult } from './types.js';

/** One validated file and its findings (possibly none). */
export interface FileFindings {
  file: string;
  findings: Finding[];
}

/** Every file of the result in order, then any file only named by a finding (defensive). */
export function groupByFile(result: ValidationResult): FileFindings[] {
  const groups = new Map<string, Finding[]>();
  for (const file of result.files) if (!groups.has(file)) groups.set(file, []);
  for (const finding of result.findings) {
    const list = groups.get(finding.file);
    if (list) list.push(finding);
    else groups.set(finding.file, [finding]);
  }
  return [...groups].map(([file, findings]) => ({ file, findings }));
}
