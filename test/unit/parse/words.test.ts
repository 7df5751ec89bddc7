import { describe, it, expect } from 'vitest';
import { closestName, editDistance } from '../../../src/core/plan/did-you-mean.js';
import { describeFound, describePath, describeTypes } from '../../../src/core/plan/describe-value.js';
import { describePattern } from '../../../src/core/plan/pattern-hints.js';
import { propertyNamesAt } from '../../../src/core/plan/schema-at.js';

describe('did you mean', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('titel', 'title')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests only names close enough to be a typo', () => {
    expect(closestName('titel', ['id', 'title', 'tlp'])).toBe('title');
    expect(closestName('Owner', ['owner'])).toBe('owner');
    expect(closestName('zzzz', ['id', 'title'])).toBeUndefined();
    expect(closestName('x'.repeat(5000), ['title'])).toBeUndefined();
  });
});

describe('describe', () => {
  it('writes pointers as author paths', () => {
    expect(describePath('')).toBe('the document');
    expect(describePath('/steps/3/decision/options/1/next')).toBe('steps[3].decision.options[1].next');
    expect(describePath('/metadata/a~1b/x y')).toBe('metadata["a/b"]["x y"]');
  });

  it('names what was found', () => {
    expect([[], {}, null, 'ab', '', 3, false].map(describeFound)).toEqual([
      'a list', 'a mapping', 'an empty value', "the text 'ab'", 'an empty string', 'the number 3', 'false',
    ]);
    expect(describeTypes(['string', 'null'])).toBe('a string or empty');
  });

  it('recognises common patterns by behaviour, not by spelling', () => {
    expect(describePattern('^[a-z0-9]+(?:-[a-z0-9]+)*$')).toMatch(/^a kebab-case id/);
    expect(describePattern('^[a-z][a-z0-9-]*$')).toMatch(/^a kebab-case id/);
    expect(describePattern('^[a-z0-9-]+(#[a-z0-9-]+)?$')).toMatch(/^a step id, or PLAN-ID#STEP-ID/);
    expect(describePattern('^P(?:\\d+D)?(?:T(?:\\d+H)?(?:\\d+M)?)?$')).toBe("text matching the pattern /^P(?:\\d+D)?(?:T(?:\\d+H)?(?:\\d+M)?)?$/"); // accepts 'P': not a real duration check
    expect(describePattern('^[A-Z]{2}$')).toMatch(/two-letter code/);
    expect(describePattern('^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$')).toMatch(/version number/);
    expect(describePattern('([')).toBe('text matching the pattern /([/');
  });
});

describe('propertyNamesAt', () => {
  const schema = {
    properties: { steps: { type: 'array', items: { $ref: '#/$defs/step' } }, meta: { allOf: [{ properties: { a: {} } }, { properties: { b: {} } }] } },
    $defs: { step: { properties: { id: {}, next: {} }, oneOf: [{ properties: { run: {} } }] } },
  };

  it('follows properties, items, local $refs and combinators', () => {
    expect(propertyNamesAt(schema, '')).toEqual(['steps', 'meta']);
    expect(propertyNamesAt(schema, '/steps/4')).toEqual(['id', 'next', 'run']);
    expect(propertyNamesAt(schema, '/meta')).toEqual(['a', 'b']);
    expect(propertyNamesAt(schema, '/nowhere/x')).toEqual([]);
  });
});
