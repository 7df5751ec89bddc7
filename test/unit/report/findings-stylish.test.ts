import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { stylish } from '../../../src/core/report/findings/stylish.js';
import type { Finding } from '../../../src/core/findings.js';
import { BE, CLEAN, EU, RESULT, context, markingStyler } from './findings-fixture.js';

const golden = (name: string): string =>
  readFileSync(new URL(`../../fixtures/golden/${name}`, import.meta.url), 'utf8');

const one = (over: Partial<Finding> = {}): Finding => ({
  file: 'a.yaml',
  line: 2,
  column: 3,
  severity: 'warning',
  rule: 'flow/unreachable-step',
  message: 'step "b" is never reached',
  path: '/steps/1',
  ...over,
});

describe('stylish findings format', () => {
  it('matches the golden output: carets under tabs, a clipped long line, a file without source', () => {
    expect(stylish(RESULT, context())).toBe(golden('stylish-findings.txt'));
  });

  it('prints only the success summary when there are no findings, pluralised', () => {
    expect(stylish({ files: [EU, CLEAN, BE], findings: [] }, context())).toBe('✔ 3 files, no problems\n');
    expect(stylish({ files: [EU], findings: [] }, context())).toBe('✔ 1 file, no problems\n');
  });

  it('uses the singular for one problem in one file', () => {
    const out = stylish({ files: ['a.yaml'], findings: [one()] }, context());
    expect(out).toBe(
      ['a.yaml', '  2:3  warning  step "b" is never reached  flow/unreachable-step', '', '✖ 1 problem (0 errors, 1 warning) in 1 file', ''].join('\n'),
    );
  });

  it('says how many of the files have problems', () => {
    const out = stylish({ files: ['a.yaml', 'b.yaml'], findings: [one({ severity: 'error' })] }, context());
    expect(out.trimEnd().split('\n').at(-1)).toBe('✖ 1 problem (1 error, 0 warnings) in 1 of 2 files');
  });

  it('colours through the styler only, after measuring widths', () => {
    const out = stylish(RESULT, context({ styler: markingStyler })).split('\n');
    expect(out[0]).toBe(`<b>${EU}</b>`);
    expect(out[1]).toBe('  5:10    <e>error  </e>  must be string  <d>schema/type</d>');
    expect(out[3]).toBe('  10:14   <w>warning</w>  tabs in a value  <d>style/tabs</d>');
    expect(out[5]).toBe('');
    expect(out[6]).toBe('  <d> 5 |</d>   title: [1, 2]');
    expect(out[7]).toBe(`  <d>   |</d> ${' '.repeat(9)}<e>^</e> <d>schema/type</d>`);
    expect(out[11]).toBe(`  <d>   |</d> ${' '.repeat(20)}<w>^</w> <d>style/tabs</d>`);
    expect(out.at(-2)).toBe('<e>✖ 6 problems (4 errors, 2 warnings) in 2 of 3 files</e>');
    const clean = stylish({ files: [EU], findings: [] }, context({ styler: markingStyler }));
    expect(clean).toBe('<ok>✔ 1 file, no problems</ok>\n');
    const warn = stylish({ files: ['a.yaml'], findings: [one()] }, context({ styler: markingStyler }));
    expect(warn).toContain('<w>✖ 1 problem (0 errors, 1 warning) in 1 file</w>');
  });

  it('shows no excerpt when the line is outside the source, and drops CR of CRLF files', () => {
    const sources = new Map([['a.yaml', 'kind: Plan\r\nsteps:  \r\n']]);
    const out = stylish({ files: ['a.yaml'], findings: [one(), one({ line: 9 })] }, context({ sources }));
    expect(out).not.toContain('\r');
    expect(out).toContain('  2 | steps:\n    |   ^ flow/unreachable-step\n');
    expect(out).toContain('  9:3  warning');
    expect(out).not.toContain('9 |');
  });

  it('replaces control characters in file names, messages and source lines', () => {
    const evil = one({ file: 'x\u001b[2J.yaml', message: 'bad \u001b[31mred\u0007', rule: 'r\u202Eule' });
    const sources = new Map([[evil.file, 'a\nb\u001b]0;title\u0007c\n']]);
    const out = stylish({ files: [evil.file], findings: [evil] }, context({ sources }));
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
    expect(out).toContain('x␛[2J.yaml');
    expect(out).toContain('bad ␛[31mred␇');
    expect(out).toContain('  2 | b␛]0;title␇c\n    |   ^ r\u{fffd}ule');
  });
});
