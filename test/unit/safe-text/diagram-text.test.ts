// The escapes of the diagram and HTML formats: nothing from input can close a label or a string,
// open a tag, or carry a raw control character.
import { describe, expect, it } from 'vitest';
import { dotText, htmlBlock, htmlText, mermaidText } from '../../../src/core/safe-text/index.js';

describe('mermaidText', () => {
  it('writes quotes, brackets, pipes, arrows, tags and # as #code;', () => {
    expect(mermaidText('a"] --> b|<i>#')).toBe('a#34;#93; --#62; b#124;#60;i#62;#35;');
    expect(mermaidText('Réseau CSIRT: étape 2 (NIS2)')).toBe('Réseau CSIRT: étape 2 (NIS2)');
  });
  it('folds lines and shows control characters as escapes', () => {
    expect(mermaidText('a\nb\x1b[2J')).toBe('a b#92;x1b#91;2J');
  });
});

describe('dotText', () => {
  it('escapes quotes and backslashes, so no dot escape (\\N, \\l) survives', () => {
    expect(dotText('say "hi" \\N')).toBe('say \\"hi\\" \\\\N');
    expect(dotText('a\nb')).toBe('a b');
  });
});

describe('htmlText and htmlBlock', () => {
  it('make markup inert', () => {
    expect(htmlText(`<img src=x onerror="alert('1')">&`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;');
  });
  it('keep line breaks in a block only', () => {
    expect(htmlText('a\nb')).toBe('a b');
    expect(htmlBlock('a\nb\u202e')).toBe('a\nb\\u202e');
  });
});
