// Property test: valid plans and exercises, mutated (keys deleted, values retyped, items
// duplicated and reordered, strange strings, deep nesting, raw text edits), never make validate
// throw; every finding points into the file; and the fast read (js-yaml, positions on demand)
// finds exactly what the positioned yaml parse finds. A fixed seed and few runs here;
// `npm run fuzz` runs many more (FUZZ_RUNS, FUZZ_SEED).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Finding } from '../../../src/core/findings.js';
import { parseSource, parseSourcePositioned } from '../../../src/core/plan/parse-source.js';
import type { SourceDocument } from '../../../src/core/plan/source.js';
import { loadValidation } from '../../../src/cli/load-documents.js';
import { hostileStrings } from '../../helpers/hostile-strings.js';
import { projectRoot } from '../../helpers/run-cli.js';

const runs = Number(process.env['FUZZ_RUNS'] ?? 40);
const seed = Number(process.env['FUZZ_SEED'] ?? 20261203);
const seeds = {
  'walk-plan.yaml': readFileSync(join(projectRoot, 'test/fixtures/plans/walk-plan.yaml'), 'utf8'),
  'walk-drill.yaml': readFileSync(join(projectRoot, 'test/fixtures/exercises/walk-drill.yaml'), 'utf8'),
  'northland.yaml': readFileSync(join(projectRoot, 'playbooks/national/example-northland.yaml'), 'utf8'),
};

type Path = (string | number)[];
type ValueEdit =
  | { kind: 'delete' | 'duplicate' | 'reorder'; pick: number }
  | { kind: 'retype'; pick: number; to: unknown }
  | { kind: 'nest'; pick: number; depth: number };
type TextEdit = { kind: 'insert'; at: number; text: string } | { kind: 'drop-line' | 'copy-line'; at: number };

const strange = fc.oneof(
  fc.constantFrom(...hostileStrings, '', ' ', '~', 'null', 'true', 'True', 'FALSE', 'NULL', 'Null', '0x1F', '0o17', '0o8', '1e3', '1.50', '.NaN', '-.Inf', '1:2', '.inf', '-0', '+1', '0b101', '1_000', "it's", 'a: b', '- x', '#x', '"', "'", '|', '>', '{', '[', '&a', '*a', '!x', '<<', '__proto__', '\t', '\r\n', 'é', '\u2028', '\ufeff'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const scalar = fc.oneof(strange, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const valueEdit: fc.Arbitrary<ValueEdit> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const, 'reorder' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('retype' as const), pick: fc.nat(), to: fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(strange, scalar, { maxKeys: 3 })) }),
  fc.record({ kind: fc.constant('nest' as const), pick: fc.nat(), depth: fc.integer({ min: 1, max: 80 }) }),
);
const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: strange }),
  fc.record({ kind: fc.constantFrom('drop-line' as const, 'copy-line' as const), at: fc.nat() }),
);
const style = fc.record({ defaultStringType: fc.constantFrom('PLAIN' as const, 'QUOTE_DOUBLE' as const, 'QUOTE_SINGLE' as const, 'BLOCK_LITERAL' as const), flow: fc.boolean() });

/** Every path to a value in the tree, root first. */
function paths(value: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}

function applyEdit(root: unknown, edit: ValueEdit): unknown {
  const all = paths(root).slice(1);
  const path = all[edit.pick % Math.max(1, all.length)];
  if (!path) return root;
  const parent = path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root) as Record<string | number, unknown> | unknown[];
  const key = path.at(-1) as string | number;
  const here = (parent as Record<string | number, unknown>)[key];
  if (edit.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key as string];
  } else if (edit.kind === 'duplicate') {
    if (Array.isArray(parent)) parent.splice(Number(key), 0, structuredClone(here));
    else parent[`${String(key)}-copy`] = structuredClone(here);
  } else if (edit.kind === 'reorder') {
    if (Array.isArray(here)) here.reverse();
    else if (here && typeof here === 'object') (parent as Record<string, unknown>)[key as string] = Object.fromEntries(Object.entries(here).reverse());
  } else if (edit.kind === 'retype') (parent as Record<string | number, unknown>)[key] = edit.to;
  else if (edit.kind === 'nest') {
    let deep: unknown = here;
    for (let i = 0; i < edit.depth; i++) deep = i % 2 === 0 ? [deep] : { x: deep };
    (parent as Record<string | number, unknown>)[key] = deep;
  }
  return root;
}

function applyText(text: string, edit: TextEdit): string {
  const lines = text.split('\n');
  if (edit.kind === 'insert') {
    const at = edit.at % (text.length + 1);
    return text.slice(0, at) + edit.text + text.slice(at);
  }
  const i = edit.at % lines.length;
  if (edit.kind === 'drop-line') lines.splice(i, 1);
  else lines.splice(i, 0, lines[i] ?? '');
  return lines.join('\n');
}

type Parser = typeof parseSource;

/** What validate reports for these files with one parser: findings from reading and from checking. */
function validateWith(parser: Parser, files: Record<string, string>): Finding[] {
  const docs: SourceDocument[] = [];
  const findings: Finding[] = [];
  for (const [file, text] of Object.entries(files)) {
    const read = parser(file, new TextEncoder().encode(text));
    findings.push(...read.findings);
    if (read.doc) docs.push(read.doc);
  }
  return [...findings, ...loadValidation().check(docs)];
}

function checkFiles(files: Record<string, string>): void {
  const fast = validateWith(parseSource, files);
  for (const f of fast) {
    const lines = (files[f.file] ?? '').split('\n').length;
    expect(Number.isInteger(f.line) && f.line >= 1 && f.line <= lines + 1, `${f.rule} at line ${f.line} of ${lines}`).toBe(true);
    expect(Number.isInteger(f.column) && f.column >= 1, `${f.rule} at column ${f.column}`).toBe(true);
    expect(typeof f.path).toBe('string');
  }
  expect(fast).toEqual(validateWith(parseSourcePositioned, files));
}

describe('validate on mutated plans and exercises (fast-check)', () => {
  it('never throws, places every finding in the file, and the fast read agrees with the positioned parse', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(seeds) as (keyof typeof seeds)[])),
        fc.array(valueEdit, { maxLength: 4 }),
        fc.array(textEdit, { maxLength: 3 }),
        style,
        (name, edits, textEdits, how) => {
          let value = parse(seeds[name]) as unknown;
          for (const edit of edits) value = applyEdit(value, edit);
          let text = edits.length === 0 ? seeds[name] : stringify(value, { lineWidth: 0, defaultStringType: how.defaultStringType, ...(how.flow ? { collectionStyle: 'flow' as const } : {}) });
          for (const edit of textEdits) text = applyText(text, edit);
          // The plan and the exercise together, as a repository is validated: references cross files.
          const other = name === 'walk-plan.yaml' ? 'walk-drill.yaml' : 'walk-plan.yaml';
          checkFiles({ [name]: text, [other]: seeds[other] });
        },
      ),
      { seed, numRuns: runs },
    );
  }, 30_000 + runs * 1_000);

  it('agrees on the bundled playbooks and every fixture', () => {
    for (const file of ['playbooks/eu/eu-circp.yaml', 'playbooks/national/template.yaml', 'playbooks/exercises/msp-compromise.yaml']) {
      checkFiles({ [file]: readFileSync(join(projectRoot, file), 'utf8') });
    }
  });
});
