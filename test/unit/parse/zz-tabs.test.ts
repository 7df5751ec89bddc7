import { it } from 'vitest';
import { parseDocument } from 'yaml';
import { scanStructure } from '../../../src/core/plan/scan-structure.js';
it('tabs', () => {
  const cases = [
    'a: 1\n\t# comment\nb: 2\n',
    'a:\n  - 1\n  -\t2\n',
    'a: [\n\t1]\n',
    'a: "x\n\ty"\n',
    'a: |\n  x\n\ty\n',
    'a: |\n\n\t\nb: 1\n',
    'a: x\n\tcontinued\n',
    'a:\n  b: x\n  \tc\n',
    'a:\t1\nb:  \t2\n',
    '- a\n-\tb\n',
    'a: {\n  \tb: 1}\n',
    "a: 'x\n\ty'\n",
    'a: >\n  x\n  \ty\n',
    '? a\n:\tb\n',
    'a: 1 \t# c\n',
  ];
  for (const c of cases) {
    const doc = parseDocument(c);
    const scan = scanStructure(c, { maxDepth: 64, maxLineLength: 1000 });
    console.log(JSON.stringify(c).padEnd(30), 'yaml:', doc.errors.map((e) => e.code).join(',') || 'ok', ' scan:', scan.tabs.map((t) => `${t.line}:${t.column}`).join(',') || 'ok', JSON.stringify(doc.toJS()));
  }
});
