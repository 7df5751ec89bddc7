// GitLab Code Quality (a subset of the Code Climate issue format): a JSON array of issues, each
// with description, check_name, fingerprint, severity and location (path relative to the
// repository root, lines.begin). GitLab shows them in the merge request, new ones apart from old.

import { safeJson } from '../../safe-text/index.js';
import type { Severity } from '../../findings.js';
import { fingerprints } from './fingerprint.js';
import { repoPath } from './repo-path.js';
import type { FindingsFormatter } from './types.js';

/** Code Quality's scale is info < minor < major < critical < blocker. */
const SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor' };

/** The issues as pretty JSON with a final newline; `[]` when clean. */
export const codeclimate: FindingsFormatter = (result, ctx) => {
  const path = (file: string): string => repoPath(ctx, file);
  const prints = fingerprints(result.findings, path);
  const issues = result.findings.map((f, i) => ({
    type: 'issue',
    check_name: f.rule,
    description: f.message || f.rule,
    categories: ['Bug Risk'],
    fingerprint: prints[i] ?? '',
    severity: SEVERITY[f.severity],
    location: { path: path(f.file), lines: { begin: Math.max(1, Math.trunc(f.line) || 1) } },
  }));
  return `${safeJson(issues, 2)}\n`;
};
