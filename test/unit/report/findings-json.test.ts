import { describe, it, expect } from 'vitest';
import { json } from '../../../src/core/report/findings/json.js';
import type { Finding } from '../../../src/core/findings.js';
import { RESULT, context } from './findings-fixture.js';

describe('json findings format', () => {
  it('prints files, errors, warnings, findings in that order with the right counts', () => {
    const out = json(RESULT, context());
    const parsed = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['files', 'errors', 'warnings', 'findings']);
    expect(parsed).toMatchObject({ files: 3, errors: 4, warnings: 2 });
    const findings = parsed.findings as Record<string, unknown>[];
    expect(findings).toHaveLength(6);
    for (const f of findings) expect(Object.keys(f)).toEqual(['file', 'line', 'column', 'severity', 'rule', 'message', 'path']);
    expect(findings[1]).toEqual({ ...RESULT.findings[1] });
  });

  it('is pretty-printed with two spaces and ends with a newline', () => {
    const f: Finding = { file: 'a.yaml', line: 2, column: 5, severity: 'warning', rule: 'r/x', message: 'm "q"', path: '/a' };
    // An extra property on the object must not leak into the contract.
    const extra = { ...f, internal: true } as Finding;
    expect(json({ files: ['a.yaml', 'b.yaml'], findings: [extra] }, context())).toBe(
      [
        '{',
        '  "files": 2,',
        '  "errors": 0,',
        '  "warnings": 1,',
        '  "findings": [',
        '    {',
        '      "file": "a.yaml",',
        '      "line": 2,',
        '      "column": 5,',
        '      "severity": "warning",',
        '      "rule": "r/x",',
        '      "message": "m \\"q\\"",',
        '      "path": "/a"',
        '    }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('counts files without findings', () => {
    expect(JSON.parse(json({ files: ['a', 'b', 'c'], findings: [] }, context()))).toEqual({ files: 3, errors: 0, warnings: 0, findings: [] });
  });
});
