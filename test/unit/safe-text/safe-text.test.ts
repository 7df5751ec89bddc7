import { describe, expect, it } from 'vitest';
import { commandLine, commandLines, csvCell, guardOutput, mdBlock, mdText, quoteArg, safeBlock, safeJson, safeLine } from '../../../src/core/safe-text/index.js';
import { isUnsafeCodePoint, MAYBE_UNSAFE } from '../../../src/core/safe-text/unsafe.js';
import { hostileStrings, rawUnsafe } from '../../helpers/hostile-strings.js';

describe('safeLine', () => {
  it('shows controls, bidi and zero-width characters as escapes', () => {
    expect(safeLine('a\x1b[2Kb')).toBe('a\\x1b[2Kb');
    expect(safeLine('abc\u202edcba')).toBe('abc\\u202edcba');
    expect(safeLine('one\ntwo\tthree\r\n  four')).toBe('one two three four');
    expect(safeLine('over\rwrite')).toBe('over\\rwrite');
    expect(safeLine('tag\u{e0041}')).toBe('tag\\u{e0041}');
    expect(safeLine('\ud800')).toBe('\\ud800');
    expect(safeLine('\x9b')).toBe('\\x9b');
  });
  it('leaves ordinary text of any script alone', () => {
    for (const text of ['Ransomware, hospitals', 'Zürich — Ελλάδα 事件 😀', 'a "b" c']) expect(safeLine(text)).toBe(text);
  });
  it.each(hostileStrings)('lets nothing raw through: %#', (text) => {
    expect(rawUnsafe(safeLine(text))).toEqual([]);
    expect(safeLine(text)).not.toContain('\n');
  });
});

describe('safeBlock', () => {
  it('keeps line breaks and escapes the rest', () => {
    expect(safeBlock('one\r\ntwo\x1b]0;x\x07')).toBe('one\ntwo\\x1b]0;x\\x07');
  });
  it.each(hostileStrings)('lets nothing raw through: %#', (text) => expect(rawUnsafe(safeBlock(text))).toEqual([]));
});

describe('quoteArg', () => {
  it('leaves plain arguments bare and single-quotes the rest', () => {
    expect(commandLine(['ping', '-c', '1', 'example.org'])).toBe('ping -c 1 example.org');
    expect(quoteArg('a b')).toBe("'a b'");
    expect(quoteArg("it's")).toBe(`'it'\\''s'`);
    expect(quoteArg('')).toBe("''");
  });
  it('uses ANSI-C quoting with visible escapes for control characters', () => {
    expect(quoteArg('\x1b[2K\rCommand: ping')).toBe(`$'\\x1b[2K\\rCommand: ping'`);
    expect(quoteArg("a'b\nc")).toBe(`$'a\\'b\\nc'`);
    expect(quoteArg('x\u202ey')).toBe(`$'x\\u202ey'`);
  });
  it('puts one argument on each line', () => {
    expect(commandLines(['sh', '-c', 'echo hi\nrm -rf x'])).toEqual(['sh', '  -c', `  $'echo hi\\nrm -rf x'`]);
  });
});

describe('markdown', () => {
  it('escapes HTML and markdown syntax in inline fields', () => {
    expect(mdText('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mdText('a | b *c* [d](e) ![i](x) ~~s~~ `c` &amp;')).toBe('a \\| b \\*c\\* \\[d\\](e) !\\[i\\](x) \\~\\~s\\~\\~ \\`c\\` &amp;amp;');
  });
  it('quotes a block so it cannot open a section of its own', () => {
    expect(mdBlock('done\n## Log integrity: verified\n- x\n1. y')).toBe('> done\n> \\## Log integrity: verified\n> \\- x\n> 1\\. y');
    expect(mdBlock('a\n\nb')).toBe('> a\n>\n> b');
  });
  it.each(hostileStrings)('lets nothing raw through: %#', (text) => {
    expect(rawUnsafe(mdText(text) + mdBlock(text))).toEqual([]);
    expect(mdText(text) + mdBlock(text)).not.toMatch(/<(script|img)/i);
  });
});

describe('csvCell', () => {
  it('quotes, neutralises formulas and escapes controls', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('a\nb\rc')).toBe('a b\\rc');
  });
});

describe('safeJson', () => {
  it.each(hostileStrings)('reads back exactly and shows nothing raw: %#', (text) => {
    const json = safeJson({ text }, 2);
    expect(rawUnsafe(json)).toEqual([]);
    expect((JSON.parse(json) as { text: string }).text).toBe(text);
  });
});

describe('guardOutput', () => {
  it('keeps layout and our own colours, escapes everything else', () => {
    expect(guardOutput('a\n\tb\r\n\x1b[1mbold\x1b[22m \x1b[31mred\x1b[39m')).toBe('a\n\tb\r\n\x1b[1mbold\x1b[22m \x1b[31mred\x1b[39m');
    expect(guardOutput('\x1b[8mhidden\x1b]0;title\x07 \x1b[2J x\ry \u202e')).toBe('\\x1b[8mhidden\\x1b]0;title\\x07 \\x1b[2J x\\ry \\u202e');
  });
  it('looks closer at every code point the classifier calls unsafe (its fast check cannot drift)', () => {
    const missed: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if ((cp >= 0xd800 && cp <= 0xdfff) || cp === 0x09 || cp === 0x0a) continue; // lone surrogates: below; tab and newline are layout
      if (isUnsafeCodePoint(cp) && !MAYBE_UNSAFE.test(String.fromCodePoint(cp))) missed.push(cp.toString(16));
    }
    expect(missed).toEqual([]);
    expect(MAYBE_UNSAFE.test('\ud800')).toBe(true);
    expect(MAYBE_UNSAFE.test('two\tcolumns\nand lines')).toBe(false);
  });

  it('returns plain text as it is', () => {
    const text = 'Ransomware, hospitals — 事件\n';
    expect(guardOutput(text)).toBe(text);
  });
  it.each(hostileStrings)('lets nothing raw through: %#', (text) => expect(rawUnsafe(guardOutput(text))).toEqual([]));
});
