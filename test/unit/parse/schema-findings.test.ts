import { describe, it, expect } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createAjv } from '../../../src/core/plan/ajv.js';
import { parseSource } from '../../../src/core/plan/parse-source.js';
import { schemaFindings, schemaRuleMeta } from '../../../src/core/plan/schema-findings.js';
import type { SourceDocument } from '../../../src/core/plan/source.js';
import type { Finding } from '../../../src/core/findings.js';

const kebab = '^[a-z0-9]+(-[a-z0-9]+)*$';
const schema = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'steps'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'crisis/v1' },
    kind: { enum: ['Plan', 'Exercise'] },
    metadata: {
      type: 'object',
      required: ['id', 'title', 'tlp'],
      additionalProperties: false,
      properties: {
        id: { type: 'string', pattern: kebab },
        title: { type: 'string', minLength: 1, maxLength: 20 },
        tlp: { enum: ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] },
        adopted: { type: 'string', format: 'date' },
        labels: { type: 'object', propertyNames: { pattern: kebab } },
      },
    },
    clocks: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          within: { type: 'string', pattern: '^P(?!$)(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?)?$' },
          hours: { type: 'integer', minimum: 1 },
        },
      },
    },
    steps: { type: 'array', minItems: 1, items: { $ref: '#/$defs/step' } },
  },
  $defs: {
    step: {
      type: 'object',
      required: ['id'],
      additionalProperties: false,
      properties: {
        id: { type: 'string', pattern: kebab },
        title: { type: 'string' },
        owner: { type: 'string' },
        next: { $ref: '#/$defs/next' },
        run: { type: 'array', items: { type: 'string' } },
        confirm: { type: 'boolean' },
      },
      if: { type: 'object', required: ['run'], properties: { run: true } },
      then: { type: 'object', required: ['confirm'], properties: { confirm: true } },
    },
    next: {
      oneOf: [
        { type: 'string', pattern: '^[a-z0-9-]+(#[a-z0-9-]+)?$' },
        {
          type: 'object',
          required: ['step'],
          additionalProperties: false,
          properties: { step: { type: 'string' }, plan: { type: 'string' } },
        },
      ],
    },
  },
} as const;

const verboseValidate = createAjv().compile(schema);
const plainAjv = new Ajv2020({ strict: true, allErrors: true }); // not verbose: no parentSchema
addFormats.default(plainAjv);
plainAjv.addKeyword({ keyword: 'defaultSnippets', schemaType: 'array' });
const plainValidate = plainAjv.compile(schema);

const check = (lines: string[], validate = verboseValidate, root?: object): Finding[] => {
  const { doc, findings } = parseSource('plan.yaml', new TextEncoder().encode(lines.join('\n') + '\n'));
  expect(findings).toEqual([]);
  expect(validate(doc?.value)).toBe(false);
  return schemaFindings(validate.errors ?? [], doc as SourceDocument, root);
};
const head = ['apiVersion: crisis/v1', 'kind: Plan', 'metadata:', '  id: be-plan', '  title: Belgian plan', '  tlp: CLEAR'];
const brief = (f: Finding) => [f.rule, f.line, f.column, f.message];

describe('schemaFindings', () => {
  it('places a missing required property at its parent mapping', () => {
    const out = check(['apiVersion: crisis/v1', 'kind: Plan', 'metadata:', '  id: be-plan', '  tlp: CLEAR', 'steps:', '  - id: a']);
    expect(out.map(brief)).toEqual([['schema/required', 4, 3, "metadata is missing required property 'title'; add it"]]);
    expect(out[0]?.path).toBe('/metadata');
    expect(out[0]?.file).toBe('plan.yaml');
  });

  it('names the document for a missing top-level property', () => {
    expect(check(['# x', 'apiVersion: crisis/v1', 'kind: Plan', 'metadata: {id: a, title: t, tlp: RED}']).map(brief)).toEqual([
      ['schema/required', 2, 1, "the document is missing required property 'steps'; add it"],
    ]);
  });

  it('places an unknown property at its key and suggests the closest name', () => {
    const out = check([...head, 'steps:', '  - id: a', '  - id: b', '    titel: Triage']);
    expect(out.map(brief)).toEqual([['schema/additional-property', 10, 5, "unknown property 'titel' in steps[1]; did you mean 'title'?"]]);
    expect(out[0]?.path).toBe('/steps/1/titel');
  });

  it('folds a misspelt required property into one finding', () => {
    const out = check(['apiVersion: crisis/v1', 'kind: Plan', 'metadata:', '  id: be-plan', '  titel: x', '  tlp: RED', 'steps: [{id: a}]']);
    expect(out.map(brief)).toEqual([['schema/additional-property', 5, 3, "unknown property 'titel' in metadata; did you mean 'title', which is required?"]]);
  });

  it('lists the allowed names when nothing is close, and works at the top level', () => {
    const out = check([...head, 'steps: [{id: a}]', 'kindd: x', 'zzzzzzzz: 1']);
    expect(out.map(brief)).toEqual([
      ['schema/additional-property', 8, 1, "unknown property 'kindd' at the top level; did you mean 'kind'?"],
      ['schema/additional-property', 9, 1, "unknown property 'zzzzzzzz' at the top level; allowed here: apiVersion, kind, metadata, clocks, steps"],
    ]);
  });

  it('still suggests names without verbose errors when given the schema root (through $defs)', () => {
    const out = check([...head, 'steps:', '  - id: a', '    ownr: x'], plainValidate, schema);
    expect(out.map((f) => f.message)).toEqual(["unknown property 'ownr' in steps[0]; did you mean 'owner'?"]);
  });

  it('words type, enum, const, pattern, format and length errors', () => {
    const out = check([
      'apiVersion: crisis/v2',
      'kind: Plann',
      'metadata:',
      '  id: BE_plan',
      '  title: [a, b]',
      '  tlp: amber',
      '  adopted: 31/01/2025',
      'clocks:',
      '  - within: 24h',
      '    hours: 0',
      'steps: []',
    ]);
    expect(out.map(brief)).toEqual([
      ['schema/const', 1, 13, "apiVersion must be 'crisis/v1', found the text 'crisis/v2'"],
      ['schema/enum', 2, 7, "kind must be one of 'Plan', 'Exercise'; found the text 'Plann'; did you mean 'Plan'?"],
      ['schema/pattern', 4, 7, "metadata.id must be a kebab-case id: lowercase letters, digits and hyphens, such as 'national-csirt'; found the text 'BE_plan'"],
      ['schema/type', 5, 10, 'metadata.title must be a string, found a list'],
      ['schema/enum', 6, 8, "metadata.tlp must be one of 'CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'; found the text 'amber'; did you mean 'AMBER'?"],
      ['schema/format', 7, 12, "metadata.adopted must be a date such as '2025-01-31'; found the text '31/01/2025'"],
      ['schema/pattern', 9, 13, "clocks[0].within must be an ISO 8601 duration such as 'PT24H', 'PT30M' or 'P3D'; found the text '24h'"],
      ['schema/minimum', 10, 12, 'clocks[0].hours must be at least 1, found 0'],
      ['schema/min-items', 11, 8, 'steps must not be an empty list; add at least one item'],
    ]);
  });

  it('words string lengths and an empty value', () => {
    const out = check(['apiVersion: crisis/v1', 'kind: Plan', 'metadata:', '  id: a', '  title:', '  tlp: RED', 'steps: [{id: a, title: ""}]']);
    expect(out.map(brief)).toEqual([['schema/type', 5, 3, 'metadata.title must be a string, found an empty value']]);
    const long = check(['apiVersion: crisis/v1', 'kind: Plan', 'metadata:', '  id: a', `  title: ${'x'.repeat(25)}`, '  tlp: RED', 'steps: [{id: a}]']);
    expect(long.map((f) => f.message)).toEqual(['metadata.title must be at most 20 characters long, found 25; shorten it']);
  });

  it('reports a bad property name at the key', () => {
    const out = check([...head, '  labels:', '    ok-name: 1', '    Bad_Name: 2', 'steps: [{id: a}]']);
    expect(out.map(brief)).toEqual([
      ['schema/property-name', 9, 5, "property name 'Bad_Name' in metadata.labels must be a kebab-case id: lowercase letters, digits and hyphens, such as 'national-csirt'; rename it"],
    ]);
  });

  it('keeps only the relevant oneOf branch: the mapping the author was writing', () => {
    const out = check([...head, 'steps:', '  - id: a', '    next: {stp: b}']);
    expect(out.map(brief)).toEqual([['schema/additional-property', 9, 12, "unknown property 'stp' in steps[0].next; did you mean 'step', which is required?"]]);
  });

  it('keeps only the relevant oneOf branch: the string the author was writing', () => {
    const out = check([...head, 'steps:', '  - id: a', '    next: Not A Step']);
    expect(out.map(brief)).toEqual([
      ['schema/pattern', 9, 11, "steps[0].next must be a step id, or PLAN-ID#STEP-ID for a step in another plan, such as 'eu-circp#triage'; found the text 'Not A Step'"],
    ]);
  });

  it('summarises a oneOf whose branches all want another shape', () => {
    const out = check([...head, 'steps:', '  - id: a', '    next: 42']);
    expect(out.map(brief)).toEqual([['schema/type', 9, 11, 'steps[0].next must be a string or a mapping, found the number 42']]);
  });

  it('drops the if/then umbrella and keeps the then error', () => {
    const out = check([...head, 'steps:', '  - id: a', '    run: [echo, hi]']);
    expect(out.map(brief)).toEqual([['schema/required', 8, 5, "steps[0] is missing required property 'confirm'; add it"]]);
  });

  it('reports each problem once even when Ajv repeats it', () => {
    const { doc } = parseSource('p.yaml', new TextEncoder().encode([...head, 'steps: [{id: a, titel: x}]'].join('\n')));
    verboseValidate(doc?.value);
    const errors = verboseValidate.errors ?? [];
    expect(schemaFindings([...errors, ...errors], doc as SourceDocument)).toHaveLength(1);
  });

  it('lists at most 200 findings, then says how many more there are', () => {
    const extra = Array.from({ length: 1000 }, (_, i) => `    extra-${i}: x`);
    const { doc } = parseSource('p.yaml', new TextEncoder().encode([...head, 'steps:', '  - id: a', ...extra].join('\n')));
    verboseValidate(doc?.value);
    const out = schemaFindings(verboseValidate.errors ?? [], doc as SourceDocument);
    expect(out).toHaveLength(201);
    expect(out[199]?.line).toBe(208); // the first 200, in source order
    expect(out[200]).toMatchObject({ rule: 'schema/too-many-errors', line: 1, column: 1, path: '' });
    expect(out[200]?.message).toBe('800 more schema problems are not listed; fix the ones above and validate again');
  });

  it('describes every rule it can emit', () => {
    const ids = schemaRuleMeta.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['yaml/empty', 'yaml/syntax', 'yaml/alias-limit', 'schema/required', 'schema/additional-property', 'schema/type', 'schema/invalid']) {
      expect(ids).toContain(id);
    }
    expect(schemaRuleMeta.every((r) => /^[A-Z].*\.$/.test(r.description))).toBe(true);
  });
});
