import { describe, expect, it } from 'vitest';
import { clip } from '../../../src/core/clip.js';
import { packParts, visibleLength, wrap } from '../../../src/core/report/wrap.js';

describe('wrap', () => {
  it('breaks between words at the width and keeps paragraphs', () => {
    expect(wrap('one two three four\nfive', 9)).toEqual(['one two', 'three', 'four', 'five']);
  });
});

describe('visibleLength', () => {
  it('does not count colour sequences', () => {
    expect(visibleLength('\x1b[1mbold\x1b[22m and \x1b[31;1mred\x1b[0m')).toBe('bold and red'.length);
  });
});

describe('packParts', () => {
  it('joins parts on one line while they fit', () => {
    expect(packParts(['Plan eu', 'Level technical', 'Phase detection'], 80)).toEqual(['Plan eu · Level technical · Phase detection']);
  });

  it('starts a new line where the next part would not fit, measuring without colour', () => {
    const bold = (t: string) => `\x1b[1m${t}\x1b[22m`;
    expect(packParts([`${bold('Plan')} eu`, `${bold('Level')} technical`, 'Phase detection'], 27)).toEqual([
      `${bold('Plan')} eu · ${bold('Level')} technical`,
      'Phase detection',
    ]);
  });
});

describe('clip', () => {
  it('leaves short text alone and cuts long text to the limit with an ellipsis', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('exactly ten', 11)).toBe('exactly ten');
    expect(clip('a little too long', 10)).toBe('a little…');
  });

  it('puts text on one line', () => {
    expect(clip('two\n  lines', 20)).toBe('two lines');
  });
});

describe('wrap of a word longer than the line', () => {
  it('cuts it into pieces that fit, never inside a surrogate pair', () => {
    expect(wrap('a ' + 'x'.repeat(25), 10)).toEqual(['a', 'xxxxxxxxxx', 'xxxxxxxxxx', 'xxxxx']);
    expect(wrap('😀'.repeat(5), 2)).toEqual(['😀😀', '😀😀', '😀']);
  });
});
