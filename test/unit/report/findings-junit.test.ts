import { describe, it, expect } from 'vitest';
import { junit } from '../../../src/core/report/findings/junit.js';
import type { Finding } from '../../../src/core/findings.js';
import { BE, CLEAN, EU, RESULT, context } from './findings-fixture.js';
import { parseXml, type XmlElement } from './xml-tree.js';

const child = (el: XmlElement, name: string): XmlElement[] => el.children.filter((c) => c.name === name);

function suiteOf(xml: string): XmlElement {
  const root = parseXml(xml);
  expect(root.name).toBe('testsuites');
  const suites = child(root, 'testsuite');
  expect(suites).toHaveLength(1);
  return suites[0] as XmlElement;
}

describe('junit findings format', () => {
  it('has one testcase per validated file, clean files included, in order', () => {
    const out = junit(RESULT, context());
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(out.endsWith('</testsuites>\n')).toBe(true);
    const suite = suiteOf(out);
    const cases = child(suite, 'testcase');
    expect(cases.map((c) => c.attrs.name)).toEqual([EU, CLEAN, BE]);
    expect(cases.every((c) => c.attrs.classname === 'crisis.validate')).toBe(true);
    expect(suite.attrs).toMatchObject({ tests: '3', failures: '2', errors: '0' });
    expect(parseXml(out).attrs).toMatchObject({ name: 'crisis', tests: '3', failures: '2' });
    expect(cases[1]?.children).toEqual([]);
  });

  it('gives a file with errors one failure that counts and lists every finding', () => {
    const eu = child(suiteOf(junit(RESULT, context())), 'testcase')[0] as XmlElement;
    const failures = child(eu, 'failure');
    expect(failures).toHaveLength(1);
    expect(failures[0]?.attrs.message).toBe('3 errors, 1 warning');
    expect(failures[0]?.text.split('\n')).toEqual([
      '5:10 error schema/type must be string',
      '8:11 error ref/unknown-step next names "no-such-step", which is not a step of this plan',
      '10:14 warning style/tabs tabs in a value',
      '12:118 error schema/maxLength must NOT have more than 200 characters',
    ]);
  });

  it('lets a warnings-only file pass and lists its warnings in system-out', () => {
    const w: Finding = { file: 'w.yaml', line: 4, column: 2, severity: 'warning', rule: 'flow/x', message: 'hm', path: '' };
    const suite = suiteOf(junit({ files: ['w.yaml'], findings: [w] }, context()));
    const tc = child(suite, 'testcase')[0] as XmlElement;
    expect(child(tc, 'failure')).toEqual([]);
    expect(child(tc, 'system-out')[0]?.text).toBe('4:2 warning flow/x hm');
    expect(suite.attrs.failures).toBe('0');
  });

  it('escapes markup and strips characters XML 1.0 forbids', () => {
    const hostile = 'a <b> & "c" \'d\' ]]> e\u0000\u0001f\uFFFE\uD800';
    const f: Finding = { file: 'x"<&>.yaml', line: 1, column: 1, severity: 'error', rule: 'r&<', message: hostile, path: '' };
    const out = junit({ files: [f.file], findings: [f] }, context({ tool: { name: 'cri"sis<', version: '1' } }));
    expect(out).not.toContain(']]>');
    expect(out).not.toMatch(/[\u0000\u0001\uFFFE\uD800]/);
    const root = parseXml(out);
    expect(root.attrs.name).toBe('cri"sis<');
    const tc = child(child(root, 'testsuite')[0] as XmlElement, 'testcase')[0] as XmlElement;
    expect(tc.attrs.name).toBe('x"<&>.yaml');
    expect(child(tc, 'failure')[0]?.text).toBe('1:1 error r&< a <b> & "c" \'d\' ]]> ef');
  });

  it('keeps line breaks of a multi-line message in the failure text', () => {
    const tc = child(suiteOf(junit(RESULT, context())), 'testcase')[2] as XmlElement;
    expect(child(tc, 'failure')[0]?.text).toBe(
      [
        '3:1 warning flow/unreachable-step step "x" is never reached',
        '14:5 error yaml/syntax Implicit keys need to be on a single line',
        'at line 14',
      ].join('\n'),
    );
  });

  it('writes an empty suite when nothing was validated', () => {
    const suite = suiteOf(junit({ files: [], findings: [] }, context()));
    expect(suite.children).toEqual([]);
    expect(suite.attrs.tests).toBe('0');
  });
});
