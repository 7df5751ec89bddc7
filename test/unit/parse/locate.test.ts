import { describe, it, expect } from 'vitest';
import { parseSource } from '../../../src/core/plan/parse-source.js';
import type { SourceDocument } from '../../../src/core/plan/source.js';

const load = (text: string): SourceDocument => {
  const { doc, findings } = parseSource('plan.yaml', new TextEncoder().encode(text));
  expect(findings).toEqual([]);
  if (!doc) throw new Error('no document');
  return doc;
};

const plan = [
  '# a national plan', //                       1
  'apiVersion: crisis/v1', //                   2
  'metadata:', //                               3
  '  id: be-plan', //                           4
  '  title:', //                                5
  'steps:', //                                  6
  '  - id: triage', //                          7
  '    next: assess', //                        8
  '  - id: assess', //                          9
  '    decision:', //                          10
  '      options: [{label: go, next: triage}, {label: "a/b~c", next: end}]', // 11
  '    "a/b": slash', //                       12
  '    "t~d": tilde', //                       13
  'shared: &s {x: 1}', //                      14
  'copy: *s', //                               15
  '',
].join('\n');

describe('SourceDocument.locate', () => {
  const doc = load(plan);

  it('places the whole document at its first content', () => {
    expect(doc.locate('')).toEqual({ line: 2, column: 1 });
  });

  it('finds mapping values and their keys', () => {
    expect(doc.locate('/metadata/id')).toEqual({ line: 4, column: 7 });
    expect(doc.locate('/metadata/id', 'key')).toEqual({ line: 4, column: 3 });
    expect(doc.locate('/metadata')).toEqual({ line: 4, column: 3 }); // the mapping starts at its first key
    expect(doc.locate('/metadata', 'key')).toEqual({ line: 3, column: 1 });
  });

  it('places an empty value at its key', () => {
    expect(doc.locate('/metadata/title')).toEqual({ line: 5, column: 3 });
  });

  it('finds sequence items, block and flow', () => {
    expect(doc.locate('/steps/1')).toEqual({ line: 9, column: 5 });
    expect(doc.locate('/steps/1/id')).toEqual({ line: 9, column: 9 });
    expect(doc.locate('/steps/1/decision/options/1/next')).toEqual({ line: 11, column: 67 });
    expect(doc.locate('/steps/1/decision/options/1/next', 'key')).toEqual({ line: 11, column: 61 });
  });

  it('unescapes ~1 and ~0 in pointer segments', () => {
    expect(doc.locate('/steps/1/a~1b', 'key')).toEqual({ line: 12, column: 5 });
    expect(doc.locate('/steps/1/t~0d')).toEqual({ line: 13, column: 12 });
  });

  it('walks up to the nearest existing node when the pointer leads nowhere', () => {
    expect(doc.locate('/metadata/missing')).toEqual({ line: 4, column: 3 });
    expect(doc.locate('/steps/7/id')).toEqual({ line: 7, column: 3 });
    expect(doc.locate('/steps/x')).toEqual({ line: 7, column: 3 });
    expect(doc.locate('/steps/0/next/deeper')).toEqual({ line: 8, column: 11 });
    expect(doc.locate('/nowhere/at/all', 'key')).toEqual({ line: 2, column: 1 });
  });

  it('stops at an alias rather than jumping to its anchor', () => {
    expect(doc.locate('/copy/x')).toEqual({ line: 15, column: 7 });
    expect(doc.locate('/shared/x')).toEqual({ line: 14, column: 16 });
  });

  it('works on a one-line file', () => {
    const one = parseSource('e.yaml', new TextEncoder().encode('a: 1\n'));
    expect(one.doc?.locate('/a')).toEqual({ line: 1, column: 4 });
  });
});
