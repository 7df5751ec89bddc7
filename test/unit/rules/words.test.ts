import { describe, expect, it } from 'vitest';
import { closest, editDistance, ordinal, quoteList, suggester } from '../../../src/core/plan/rules/words.js';
import { deepestPointer, pointer } from '../../../src/core/plan/rules/safe.js';

describe('message helpers', () => {
  it('ordinal names positions in words, then in figures', () => {
    expect([0, 1, 2, 9].map(ordinal)).toEqual(['first', 'second', 'third', 'tenth']);
    expect([10, 11, 12, 20, 21, 22, 100].map(ordinal)).toEqual(['11th', '12th', '13th', '21st', '22nd', '23rd', '101st']);
  });

  it('quoteList shortens long lists', () => {
    expect(quoteList(['a', 'b'])).toBe('"a", "b"');
    expect(quoteList(['a', 'b', 'c'], 2)).toBe('"a", "b" and 1 more');
  });

  it('editDistance is Levenshtein, and stops early past a limit', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('flaw', 'lawn')).toBe(2);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });

  it('closest suggests typos, case slips and missing prefixes, not unrelated names', () => {
    const known = ['triage', 'assess', 'eu-cyclone', 'recover'];
    expect(closest('asess', known)).toBe('assess');
    expect(closest('TRIAGE', known)).toBe('triage');
    expect(closest('cyclone', known)).toBe('eu-cyclone');
    expect(closest('notify-press', known)).toBeUndefined();
    expect(closest('triage', ['triage'])).toBeUndefined();
  });

  it('suggester stops suggesting after a hundred broken references', () => {
    const suggest = suggester();
    const answers = Array.from({ length: 150 }, () => suggest('asess', ['assess']));
    expect(answers[0]).toBe('; did you mean "assess"?');
    expect(answers[99]).toBe('; did you mean "assess"?');
    expect(answers[100]).toBe('');
  });

  it('pointer escapes ~ and /, deepestPointer stops at the first missing value', () => {
    expect(pointer('steps', 3, 'a/b~c')).toBe('/steps/3/a~1b~0c');
    expect(pointer()).toBe('');
    const doc = { preparedness: { objectives: [] }, roles: [{ id: 'x' }] };
    expect(deepestPointer(doc, ['preparedness', 'objectives'])).toBe('/preparedness/objectives');
    expect(deepestPointer(doc, ['preparedness', 'measures'])).toBe('/preparedness');
    expect(deepestPointer(doc, ['roles', 0, 'tasks'])).toBe('/roles/0');
    expect(deepestPointer(null, ['x'])).toBe('');
  });
});
