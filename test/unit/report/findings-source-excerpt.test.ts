import { describe, it, expect } from 'vitest';
import { excerptLine, splitLines } from '../../../src/core/report/findings/source-excerpt.js';

describe('source excerpt', () => {
  it('expands tabs to stops of four and keeps the caret under the same character', () => {
    expect(excerptLine('\tx', 2)).toEqual({ text: '    x', caret: 4 });
    expect(excerptLine('ab\tc', 4)).toEqual({ text: 'ab  c', caret: 4 });
    expect(excerptLine('abcd\te', 5)).toEqual({ text: 'abcd    e', caret: 4 }); // caret on the tab itself
  });

  it('counts wide characters as two columns and combining marks as none', () => {
    expect(excerptLine('  title: 危機対応 plan', 15)).toEqual({ text: '  title: 危機対応 plan', caret: 18 });
    expect(excerptLine('e\u0301x', 3).caret).toBe(1);
    expect(excerptLine('😀x', 3).caret).toBe(2);
    expect(excerptLine('😀x', 2).caret).toBe(0); // inside a surrogate pair: the character's start
  });

  it('replaces unprintable characters with one visible placeholder each', () => {
    expect(excerptLine('a\u001bb\u0000c', 5)).toEqual({ text: 'a␛b␀c', caret: 4 });
    expect(excerptLine('x\u202Ey\u0085z\uD800', 4)).toEqual({ text: 'x\uFFFDy\uFFFDz\uFFFD', caret: 3 });
  });

  it('places the caret past the end of the line when the column is', () => {
    expect(excerptLine('ab', 5)).toEqual({ text: 'ab', caret: 4 });
    expect(excerptLine('', 1)).toEqual({ text: '', caret: 0 });
  });

  it('clips long lines to a window around the column with ellipses', () => {
    const line = Array.from({ length: 300 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
    const start = excerptLine(line, 5);
    expect(start).toEqual({ text: `${line.slice(0, 120)}…`, caret: 4 });
    const end = excerptLine(line, 299);
    expect(end).toEqual({ text: `…${line.slice(180)}`, caret: 119 });
    const mid = excerptLine(line, 151);
    expect(mid).toEqual({ text: `…${line.slice(90, 210)}…`, caret: 61 });
    expect(mid.text[mid.caret]).toBe(line[150]);
  });

  it('never splits a wide character at the window edge', () => {
    const wide = '危'.repeat(100); // 200 columns
    const mid = excerptLine(wide, 50);
    expect(mid.text).toBe(`…${'危'.repeat(60)}…`);
    expect(mid.caret).toBe(1 + 2 * (49 - 19));
    // One narrow character first: the 60th wide character would straddle column 120, so it goes.
    expect(excerptLine(`x${wide}`, 1)).toEqual({ text: `x${'危'.repeat(59)}…`, caret: 0 });
  });

  it('splits lines like the YAML line counter and drops the CR of CRLF', () => {
    expect(splitLines('a\r\nb\nc\r')).toEqual(['a', 'b', 'c']);
  });
});
