import { describe, it, expect } from 'vitest';
import { parseSource } from '../../../src/core/plan/parse-source.js';
import type { Finding } from '../../../src/core/findings.js';

const enc = new TextEncoder();
const parse = (text: string, limits = {}) => parseSource('plan.yaml', enc.encode(text), limits);
const only = (text: string, limits = {}): Finding => {
  const { findings } = parse(text, limits);
  expect(findings, JSON.stringify(findings)).toHaveLength(1);
  return findings[0] as Finding;
};
const at = (f: Finding) => [f.rule, f.line, f.column];

describe('parseSource: good input', () => {
  it('returns the value and no findings for a plain mapping', () => {
    const { doc, findings } = parse('apiVersion: crisis/v1\nkind: Plan\nmetadata:\n  id: eu-circp\n');
    expect(findings).toEqual([]);
    expect(doc?.value).toEqual({ apiVersion: 'crisis/v1', kind: 'Plan', metadata: { id: 'eu-circp' } });
    expect(doc?.file).toBe('plan.yaml');
  });

  it('accepts a UTF-8 BOM and CRLF line ends, and counts columns without the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('a: 1\r\nb: [x, y]\r\n')]);
    const { doc, findings } = parseSource('p.yaml', bytes);
    expect(findings).toEqual([]);
    expect(doc?.value).toEqual({ a: 1, b: ['x', 'y'] });
    expect(doc?.locate('/b/1')).toEqual({ line: 2, column: 8 });
  });

  it('keeps keys such as 1, true and null as strings', () => {
    expect(parse('1: a\ntrue: b\nnull: c\n').doc?.value).toEqual({ '1': 'a', true: 'b', null: 'c' });
  });

  it('allows small, ordinary aliases', () => {
    const { doc, findings } = parse('contact: &c {phone: "+32 2 000"}\nbackup: *c\n');
    expect(findings).toEqual([]);
    expect(doc?.value).toEqual({ contact: { phone: '+32 2 000' }, backup: { phone: '+32 2 000' } });
  });

  it('does not mistake brackets and tabs inside block scalars and strings for structure', () => {
    const text = [
      'description: |',
      '  [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
      '  \tcode with a tab',
      'steps:',
      '  - id: triage',
      '    note: >-',
      '      {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{',
      "    q: 'it''s [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['",
      '    t: see [1] and {x}  # [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
      '    d: "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\" ["',
      '',
    ].join('\n');
    const { doc, findings } = parse(text);
    expect(findings).toEqual([]);
    expect((doc?.value as { steps: unknown[] }).steps).toHaveLength(1);
  });
});

describe('parseSource: empty and wrong shape', () => {
  it.each([[''], ['\n\n  \n'], ['# just a comment\n\n# another\n']])('reports yaml/empty for %j', (text) => {
    expect(at(only(text))).toEqual(['yaml/empty', 1, 1]);
  });

  it('reports a top-level list at its first item', () => {
    const f = only('# plans\n\n- a\n- b\n');
    expect(at(f)).toEqual(['yaml/not-a-mapping', 3, 1]);
    expect(f.message).toContain('a list');
  });

  it('reports a top-level scalar', () => {
    expect(at(only('  hello\n'))).toEqual(['yaml/not-a-mapping', 1, 3]);
  });
});

describe('parseSource: syntax', () => {
  it('places a syntax error exactly and words it on one line', () => {
    const f = only('a: 1\nb:\n  - 1\n c: 2\n');
    expect(at(f)).toEqual(['yaml/syntax', 4, 1]);
    expect(f.message).not.toContain('\n');
    expect(f.message).toMatch(/^YAML syntax error at 4:1: .+; check the indentation$/);
  });

  it('reports an unclosed flow sequence without crashing', () => {
    const { doc, findings } = parse('a: [1, 2\nb: 3\n');
    expect(doc).toBeUndefined();
    expect(findings[0]?.rule).toBe('yaml/syntax');
    expect([findings[0]?.line, findings[0]?.column]).toEqual([2, 1]);
  });

  it('reports tab indentation in words an author understands', () => {
    const f = only('a:\n  b: 1\n\tc: 2\n');
    expect(at(f)).toEqual(['yaml/tab-indent', 3, 1]);
    expect(f.message).toBe('indentation uses a tab at 3:1; YAML indents with spaces, so replace the tab with spaces');
  });

  it('reports a tab after spaces at its own column', () => {
    expect(at(parse('a:\n  b:\n  \tc: 1\n').findings[0] as Finding)).toEqual(['yaml/tab-indent', 3, 3]);
  });

  it('reports a duplicate key at the second occurrence and names it', () => {
    const { doc, findings } = parse('title: one\nother: 2\n"title": three\n');
    expect(findings.map(at)).toEqual([['yaml/duplicate-key', 3, 1]]);
    expect(findings[0]?.message).toContain("key 'title'");
    expect(doc?.value).toEqual({ title: 'three', other: 2 }); // still readable, the last one wins
  });

  it('reports a duplicate key inside a nested mapping', () => {
    const f = parse('steps:\n  - id: a\n    owner: x\n    owner: y\n').findings[0] as Finding;
    expect(at(f)).toEqual(['yaml/duplicate-key', 4, 5]);
    expect(f.message).toContain("'owner'");
    expect(f.path).toBe('/steps/0/owner');
  });

  it('gives a duplicate key the escaped JSON pointer of the key', () => {
    expect((parse('a:\n  x/y: 1\n  x/y: 2\n').findings[0] as Finding).path).toBe('/a/x~1y');
  });

  it('reports a second document at its ---', () => {
    expect(at(only('a: 1\n---\nb: 2\n'))).toEqual(['yaml/multiple-documents', 2, 1]);
    expect(at(only('a: 1\n...\nb: 2\n'))).toEqual(['yaml/multiple-documents', 3, 1]);
  });

  it('reports a list used as a key', () => {
    expect(at(only('? [a, b]\n: c\n'))).toEqual(['yaml/complex-key', 1, 3]);
  });

  it('reports an unknown directive, since every yaml warning is an error here', () => {
    expect(at(only('%FOO bar\n---\na: 1\n'))).toEqual(['yaml/syntax', 1, 1]);
  });

  it('accepts a single document with explicit markers', () => {
    expect(parse('---\na: 1\n...\n').findings).toEqual([]);
  });
});

describe('parseSource: tags', () => {
  it.each([
    ['a: !!js/function "function () { return 1 }"\n', "'!!js/function'", 4],
    ['b: !!python/object:os.system ls\n', "'!!python/object:os.system'", 4],
    ['c: !secret db-password\n', "'!secret'", 4],
    ['d: !!binary aGk=\n', "'!!binary'", 4],
  ])('reports %j as yaml/unsafe-tag and executes nothing', (text, tag, column) => {
    const f = only(text);
    expect(at(f)).toEqual(['yaml/unsafe-tag', 1, column]);
    expect(f.message).toContain(tag);
  });

  it('accepts the standard core tags', () => {
    expect(parse('a: !!str 12\nb: !!int "3"\n').doc?.value).toEqual({ a: '12', b: 3 });
  });
});
