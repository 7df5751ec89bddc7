import { describe, it, expect } from 'vitest';
import { parseXml } from './xml-tree.js';

// The checker used by the JUnit tests must itself reject broken XML, or those tests prove nothing.
describe('test XML reader', () => {
  it('reads elements, attributes and entities', () => {
    const root = parseXml('<?xml version="1.0"?>\n<a x="1 &amp; &lt;2&gt;" y=\'q&quot;\'><b/>t&#10;&#x41;<c>z</c></a>\n');
    expect(root.name).toBe('a');
    expect(root.attrs).toEqual({ x: '1 & <2>', y: 'q"' });
    expect(root.children.map((c) => c.name)).toEqual(['b', 'c']);
    expect(root.text).toBe('t\nA');
  });

  it.each([
    ['<a><b></a>', 'mismatched'],
    ['<a>', 'unclosed'],
    ['<a x=1/>', 'quoted'],
    ['<a x="1" x="2"/>', 'duplicate'],
    ['<a x="<"/>', 'raw <'],
    ['<a>&bogus;</a>', 'unknown entity'],
    ['<a>& b</a>', 'entity'],
    ['<a>]]></a>', ']]>'],
    ['<a>\u0000</a>', 'illegal character'],
    ['<a/><b/>', 'after the root'],
    ['<?xml version="1.0"<a/>', 'unterminated'],
    ['<a><!-- c </a>', 'unterminated'],
  ])('rejects %j', (src, why) => {
    expect(() => parseXml(src)).toThrow(why);
  });
});
