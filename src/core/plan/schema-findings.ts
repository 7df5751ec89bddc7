// Ajv errors to findings: one per real problem, worded for plan authors, placed in the YAML.

import type { ErrorObject } from 'ajv/dist/2020.js';
import type { Finding } from '../findings.js';
import { collapseAlternatives } from './collapse-alternatives.js';
import { childPointer } from './json-pointer.js';
import { draftFinding, type Draft } from './schema-messages.js';
import type { SourceDocument } from './source.js';

export { schemaRuleMeta } from './source-rule-meta.js';

/** Findings listed per file; beyond this one summary says how many more there are. */
export const MAX_SCHEMA_FINDINGS = 200;

/**
 * Turn Ajv's errors for `doc` into findings. `schemaRoot` lets did-you-mean find the allowed
 * property names when errors lack `parentSchema` (Ajv without `verbose`).
 */
export function schemaFindings(errors: readonly ErrorObject[], doc: SourceDocument, schemaRoot?: object): Finding[] {
  const drafts = collapseAlternatives(errors).map((e) => draftFinding(e, doc.value, schemaRoot));
  const seen = new Set<string>();
  const unique = foldTypos(drafts).filter((d) => {
    const key = `${d.rule}\u0000${d.path}\u0000${d.message}`;
    return !seen.has(key) && seen.add(key);
  });
  const findings: Finding[] = unique.slice(0, MAX_SCHEMA_FINDINGS).map((d) => {
    const { line, column } = doc.locate(d.path, d.at);
    return { file: doc.file, line, column, severity: 'error', rule: d.rule, message: d.message, path: d.path };
  });
  findings.sort((a, b) => a.line - b.line || a.column - b.column || a.message.localeCompare(b.message));
  const more = unique.length - findings.length;
  if (more > 0) {
    const message = `${more} more schema problems are not listed; fix the ones above and validate again`;
    findings.push({ file: doc.file, line: 1, column: 1, severity: 'error', rule: 'schema/too-many-errors', message, path: '' });
  }
  return findings;
}

/**
 * A misspelt required property shows up twice (unknown 'titel', missing 'title'): keep the
 * unknown-property finding, say the suggestion is required, and drop the missing one.
 */
function foldTypos(drafts: readonly Draft[]): Draft[] {
  const missing = new Set(drafts.filter((d) => d.missing !== undefined).map((d) => childPointer(d.path, d.missing as string)));
  const folded = new Set<string>();
  const out = drafts.map((d) => {
    if (d.suggestion === undefined) return d;
    const wanted = childPointer(d.path.slice(0, d.path.lastIndexOf('/')), d.suggestion);
    if (!missing.has(wanted)) return d;
    folded.add(wanted);
    return { ...d, message: d.message.replace(/\?$/, `, which is required?`) };
  });
  return out.filter((d) => d.missing === undefined || !folded.has(childPointer(d.path, d.missing)));
}
