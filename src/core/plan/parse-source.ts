// Bytes in, a located document and findings out. Refuses hostile input early and cheaply:
// size and encoding on the bytes, line length and depth on the text, then yaml, then aliases.
// A plain file is read fast (fast-value.ts) and parsed with positions only if a finding needs one.

import { LineCounter, isMap, isSeq, parseDocument, type Document } from 'yaml';
import type { Finding } from '../findings.js';
import { decodeSource } from './decode-source.js';
import { fastMapping } from './fast-value.js';
import { inspectNodes } from './inspect-nodes.js';
import { scanStructure } from './scan-structure.js';
import { createSourceDocument, type SourceDocument } from './source.js';
import { resolveLimits, type SourceLimits, type SourceProblem } from './source-limits.js';
import { yamlProblems } from './yaml-problems.js';

// Problems after which the plain value is still safe and meaningful, so the caller may go on
// to check it against the schema and report everything at once.
const SOFT = new Set(['yaml/duplicate-key', 'yaml/reserved-key', 'yaml/unsafe-tag', 'yaml/multiple-documents']);

/**
 * Read a plan file's bytes into a SourceDocument. Never throws. `doc` is present when the file
 * could be turned into a mapping safely; findings may then still hold (soft) errors to report.
 */
export function parseSource(
  file: string,
  bytes: Uint8Array,
  limits?: Partial<SourceLimits>,
): { doc?: SourceDocument; findings: Finding[] } {
  return parseGuarded(file, bytes, limits, true);
}

/** parseSource without the fast read: every file through yaml's document model (the reference). */
export function parseSourcePositioned(
  file: string,
  bytes: Uint8Array,
  limits?: Partial<SourceLimits>,
): { doc?: SourceDocument; findings: Finding[] } {
  return parseGuarded(file, bytes, limits, false);
}

function parseGuarded(file: string, bytes: Uint8Array, limits: Partial<SourceLimits> | undefined, fast: boolean): { doc?: SourceDocument; findings: Finding[] } {
  try {
    return parseChecked(file, bytes, resolveLimits(limits), fast);
  } catch (error) {
    // Last resort: yaml or our own walk hit something unforeseen (a stack overflow, say).
    const deep = error instanceof RangeError;
    const problem: SourceProblem = {
      rule: deep ? 'yaml/too-deep' : 'yaml/syntax',
      message: deep ? 'the file is nested too deeply to read; flatten the structure' : `the file cannot be read as YAML (${String(error).split('\n', 1)[0]}); check its syntax`,
      line: 1,
      column: 1,
    };
    return { findings: [toFinding(file, problem)] };
  }
}

function parseChecked(file: string, bytes: Uint8Array, limits: SourceLimits, fast: boolean): { doc?: SourceDocument; findings: Finding[] } {
  const fail = (problems: readonly SourceProblem[]) => ({ findings: problems.map((p) => toFinding(file, p)) });
  const decoded = decodeSource(bytes, limits);
  if ('problem' in decoded) return fail([decoded.problem]);
  const text = decoded.text;
  const scan = scanStructure(text, limits);
  if (scan.fatal) return fail([scan.fatal]);
  if (fast && scan.tabs.length === 0) {
    const value = fastMapping(text, limits.maxValues);
    if (value !== undefined) return { doc: lazySourceDocument(file, text, value), findings: [] };
  }

  const lineCounter = new LineCounter();
  const yamlDoc = positionedParse(text, lineCounter);
  const problems = mergeTabs(scan.tabs, yamlProblems([...yamlDoc.errors, ...yamlDoc.warnings], text, lineCounter));
  if (problems.some((p) => !SOFT.has(p.rule))) return fail(problems);

  const shape = checkShape(yamlDoc, text, lineCounter);
  if (shape) return fail([...problems, shape]);
  const unsafe = inspectNodes(yamlDoc, lineCounter, limits);
  problems.push(...unsafe);
  if (unsafe.some((p) => !SOFT.has(p.rule))) return fail(problems);

  let value: unknown;
  try {
    value = yamlDoc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const message = `aliases are used too often (${error.message.split('\n', 1)[0]}); write the values out instead of repeating aliases`;
    return fail([...problems, { rule: 'yaml/alias-limit', message, line: 1, column: 1 }]);
  }
  const doc = createSourceDocument(file, text, value, yamlDoc, lineCounter);
  return { doc, findings: problems.map((p) => toFinding(file, p)) };
}

function positionedParse(text: string, lineCounter: LineCounter): Document {
  return parseDocument(text, {
    lineCounter,
    prettyErrors: true, // fills linePos
    stringKeys: true, // `1:` and `null:` become string keys; a list or mapping as a key is an error
    uniqueKeys: false, // inspectNodes finds duplicates in linear time; yaml's check is quadratic
    resolveKnownTags: false, // !!binary, !!set, !!timestamp: plain values only, so these are unknown
    logLevel: 'error', // no process warnings from a pure module; 'silent' would also hide MULTIPLE_DOCS
  });
}

/**
 * A document read elsewhere (the fast read, or a worker thread that read the same text): yaml
 * builds its tree, for positions, only when a finding asks for one.
 */
export function lazySourceDocument(file: string, text: string, value: unknown): SourceDocument {
  let located: SourceDocument | undefined;
  return {
    file,
    text,
    value,
    locate(pointer, at) {
      if (!located) {
        const lineCounter = new LineCounter();
        located = createSourceDocument(file, text, value, positionedParse(text, lineCounter), lineCounter);
      }
      return located.locate(pointer, at);
    },
  };
}

/** The document must hold one mapping: not nothing, not a scalar, not a list. */
function checkShape(doc: Document, text: string, lineCounter: LineCounter): SourceProblem | undefined {
  const contents = doc.contents;
  const isNull = contents === null || (typeof contents === 'object' && 'value' in contents && contents.value === null);
  if (isNull) {
    const at = contents?.range ? lineCounter.linePos(contents.range[0]) : { line: 1, col: 1 };
    const what = contents === null || text.trim().length === 0 ? 'the file is empty' : 'the file holds only an empty value';
    return { rule: 'yaml/empty', message: `${what}; a plan file is a YAML mapping that starts with 'apiVersion:' and 'kind:'`, line: at.line, column: at.col };
  }
  if (isMap(contents)) return undefined;
  const at = lineCounter.linePos(contents.range?.[0] ?? 0);
  const found = isSeq(contents) ? 'a list' : 'a single value';
  return { rule: 'yaml/not-a-mapping', message: `the file holds ${found}, not a mapping; a plan file is a YAML mapping that starts with 'apiVersion:' and 'kind:'`, line: at.line, column: at.col };
}

/** Add the pre-scan's tab findings; where one exists, yaml's echoes on that line add nothing. */
function mergeTabs(tabs: readonly SourceProblem[], fromYaml: readonly SourceProblem[]): SourceProblem[] {
  const tabLines = new Set(tabs.map((t) => t.line));
  const rest = fromYaml.filter((p) => !(tabLines.has(p.line) && (p.rule === 'yaml/tab-indent' || p.rule === 'yaml/syntax')));
  return [...tabs, ...rest].sort((a, b) => a.line - b.line || a.column - b.column);
}

function toFinding(file: string, p: SourceProblem): Finding {
  return { file, line: p.line, column: p.column, severity: 'error', rule: p.rule, message: p.message, path: p.path ?? '' };
}
