// SARIF 2.1.0 for code-scanning uploads: one run, every known rule in tool.driver.rules (plus a
// fallback entry for any rule a finding names but ctx.rules lacks, so ruleIndex is always valid).
// Files are named relative to the repository root, results carry fingerprints that survive
// edits above them, and the run names its category (automationDetails) so uploads of several
// tools stay apart. Checked with Microsoft's SARIF Multitool in the tests.

import { safeJson } from '../../safe-text/index.js';
import type { Finding, RuleMeta, Severity } from '../../findings.js';
import { fingerprints } from './fingerprint.js';
import { groupByFile } from './group-by-file.js';
import { repoPath } from './repo-path.js';
import { artifactLocation } from './sarif-uri.js';
import { splitLines } from './source-excerpt.js';
import type { FindingsFormatter, FormatContext } from './types.js';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The key of our fingerprint in partialFingerprints; bump the version if its inputs change. */
export const FINGERPRINT_KEY = 'crisisFinding/v1';
/** GitHub keeps one analysis per category: the part of the id before its last slash. */
export const AUTOMATION_ID = 'crisis/validate/';

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri?: string;
  defaultConfiguration: { level: Severity };
}

/**
 * `ref/unknown-step` -> `RefUnknownStep`: the Pascal-case friendly name SARIF asks for. A word of
 * one letter stays lower case (`art9-4-f` -> `Art94f`, `not-a-mapping` -> `NotaMapping`), so no
 * two capitals meet.
 */
export function ruleName(id: string): string {
  const words = id.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  return words
    .map((w, i) => (w.length === 1 && i > 0 ? w.toLowerCase() : (w[0]?.toUpperCase() ?? '') + w.slice(1)))
    .join('');
}

function fullText(id: string, description: string, level: Severity): string {
  if (level === 'error') return `${description} An error: crisis respond and crisis exercise run refuse a file with errors, so fix what it reports.`;
  return `${description} A warning: turn it off or into an error with 'rules' in .crisis.yaml, or accept one finding with a '# crisis-disable-next-line ${id} -- reason' comment on the line above it.`;
}

/** Given rules first (first of each id wins), then fallbacks in order of first use. */
function ruleTable(rules: readonly RuleMeta[], findings: readonly Finding[], ctx: FormatContext): SarifRule[] {
  const table = new Map<string, SarifRule>();
  const add = (id: string, text: string, level: Severity): void => {
    if (table.has(id)) return;
    const helpUri = ctx.helpUri?.(id);
    table.set(id, {
      id,
      name: ruleName(id),
      shortDescription: { text },
      fullDescription: { text: fullText(id, text, level) },
      ...(helpUri === undefined ? {} : { helpUri }),
      defaultConfiguration: { level },
    });
  };
  for (const r of rules) add(r.id, r.description || r.id, r.severity);
  for (const f of findings) add(f.rule, `No description is available for rule ${f.rule}.`, f.severity);
  return [...table.values()];
}

const positive = (n: number): number => (Number.isFinite(n) ? Math.max(1, Math.trunc(n)) : 1);

/** The region of a finding (with its line as the snippet) and a context region of the lines around it, when the text is known. */
function regions(f: Finding, lines: ReadonlyMap<string, readonly string[]>): Record<string, unknown> {
  const startLine = positive(f.line);
  const region = { startLine, startColumn: positive(f.column) };
  const text = lines.get(f.file);
  const line = text?.[startLine - 1];
  if (text === undefined || line === undefined) return { region };
  const first = Math.max(1, startLine - 2);
  const last = Math.min(text.length, startLine + 2);
  const context = { startLine: first, endLine: last, snippet: { text: text.slice(first - 1, last).join('\n') } };
  return { region: { ...region, snippet: { text: line } }, contextRegion: context };
}

/** The SARIF log as pretty JSON with a final newline. */
export const sarif: FindingsFormatter = (result, ctx) => {
  const rules = ruleTable(ctx.rules, result.findings, ctx);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const files = groupByFile(result).map((g) => g.file);
  const fileIndex = new Map(files.map((file, i) => [file, i]));
  const location = (file: string): ReturnType<typeof artifactLocation> => artifactLocation(repoPath(ctx, file));
  const lines = new Map([...ctx.sources].map(([file, text]) => [file, splitLines(text)]));
  const prints = fingerprints(result.findings, (file) => repoPath(ctx, file));
  const results = result.findings.map((f, i) => ({
    ruleId: f.rule,
    ruleIndex: ruleIndex.get(f.rule) ?? 0, // always present: ruleTable adds every finding's rule
    level: f.severity,
    message: { text: f.message || f.rule },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { ...location(f.file), index: fileIndex.get(f.file) ?? 0 },
          ...regions(f, lines),
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: prints[i] ?? '' },
    properties: { path: f.path },
  }));
  const { name, version, informationUri } = ctx.tool;
  const driver = { name, version, semanticVersion: version, ...(informationUri === undefined ? {} : { informationUri }), rules };
  const run = {
    tool: { driver },
    automationDetails: { id: AUTOMATION_ID },
    columnKind: 'utf16CodeUnits', // columns count UTF-16 code units, as the YAML parser does
    artifacts: files.map((file) => ({ location: location(file), roles: ['analysisTarget'], sourceLanguage: 'yaml' })),
    results,
  };
  return `${safeJson({ $schema: SCHEMA, version: '2.1.0', runs: [run] }, 2)}\n`;
};
