// SARIF 2.1.0 for code-scanning uploads: one run, every known rule in tool.driver.rules (plus a
// fallback entry for any rule a finding names but ctx.rules lacks, so ruleIndex is always valid).

import { safeJson } from '../../safe-text/index.js';
import type { Finding, RuleMeta, Severity } from '../../findings.js';
import { groupByFile } from './group-by-file.js';
import { artifactLocation } from './sarif-uri.js';
import type { FindingsFormatter } from './types.js';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  defaultConfiguration: { level: Severity };
}

/** Given rules first (first of each id wins), then fallbacks in order of first use. */
function ruleTable(rules: readonly RuleMeta[], findings: readonly Finding[]): SarifRule[] {
  const table = new Map<string, SarifRule>();
  const add = (id: string, text: string, level: Severity): void => {
    if (!table.has(id)) table.set(id, { id, shortDescription: { text }, defaultConfiguration: { level } });
  };
  for (const r of rules) add(r.id, r.description || r.id, r.severity);
  for (const f of findings) add(f.rule, `No description is available for rule ${f.rule}.`, f.severity);
  return [...table.values()];
}

const positive = (n: number): number => (Number.isFinite(n) ? Math.max(1, Math.trunc(n)) : 1);

/** The SARIF log as pretty JSON with a final newline. */
export const sarif: FindingsFormatter = (result, ctx) => {
  const rules = ruleTable(ctx.rules, result.findings);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const files = groupByFile(result).map((g) => g.file);
  const fileIndex = new Map(files.map((file, i) => [file, i]));
  const results = result.findings.map((f) => ({
    ruleId: f.rule,
    ruleIndex: ruleIndex.get(f.rule) ?? 0, // always present: ruleTable adds every finding's rule
    level: f.severity,
    message: { text: f.message || f.rule },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { ...artifactLocation(f.file), index: fileIndex.get(f.file) ?? 0 },
          region: { startLine: positive(f.line), startColumn: positive(f.column) },
        },
      },
    ],
    properties: { path: f.path },
  }));
  const { name, version, informationUri } = ctx.tool;
  const driver = { name, version, ...(informationUri === undefined ? {} : { informationUri }), rules };
  const run = {
    tool: { driver },
    columnKind: 'utf16CodeUnits', // columns count UTF-16 code units, as the YAML parser does
    artifacts: files.map((file) => ({ location: artifactLocation(file) })),
    results,
  };
  return `${safeJson({ $schema: SCHEMA, version: '2.1.0', runs: [run] }, 2)}\n`;
};
