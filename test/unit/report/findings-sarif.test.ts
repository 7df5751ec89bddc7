import { describe, it, expect } from 'vitest';
import { ruleName, sarif } from '../../../src/core/report/findings/sarif.js';
import { artifactLocation } from '../../../src/core/report/findings/sarif-uri.js';
import type { Finding } from '../../../src/core/findings.js';
import { CLEAN, EU, RESULT, RULES, context } from './findings-fixture.js';

interface Rule {
  id: string;
  shortDescription: { text: string };
  defaultConfiguration: { level: string };
}
interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId?: string; index: number };
      region: { startLine: number; startColumn: number };
    };
  }[];
  properties: { path: string };
}
interface Log {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri?: string; rules: Rule[] } };
    artifacts: { location: { uri: string; uriBaseId?: string } }[];
    results: Result[];
  }[];
}

const run = (text: string): Log['runs'][number] => {
  const log = JSON.parse(text) as Log;
  expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
  expect(log.version).toBe('2.1.0');
  expect(log.runs).toHaveLength(1);
  return log.runs[0] as Log['runs'][number];
};

describe('sarif findings format', () => {
  it('describes the tool and every given rule, then fallbacks for rules only findings name', () => {
    const out = sarif(RESULT, context());
    expect(out.endsWith('}\n')).toBe(true);
    const { driver } = run(out).tool;
    expect(driver).toMatchObject({ name: 'crisis', version: '1.2.3', informationUri: 'https://example.org/crisis' });
    expect(driver.rules.slice(0, RULES.length)).toEqual(
      RULES.map((r) => ({
        id: r.id,
        name: ruleName(r.id),
        shortDescription: { text: r.description },
        fullDescription: { text: expect.stringContaining(r.description) as string },
        defaultConfiguration: { level: r.severity },
      })),
    );
    const extra = driver.rules.slice(RULES.length);
    expect(extra.map((r) => [r.id, r.defaultConfiguration.level])).toEqual([
      ['style/tabs', 'warning'],
      ['schema/maxLength', 'error'],
      ['yaml/syntax', 'error'],
    ]);
    expect(extra.every((r) => r.shortDescription.text.includes(r.id))).toBe(true);
  });

  it('points every result at its rule, file and integer position', () => {
    const r = run(sarif(RESULT, context()));
    expect(r.results).toHaveLength(RESULT.findings.length);
    r.results.forEach((res, i) => {
      const f = RESULT.findings[i] as Finding;
      expect(r.tool.driver.rules[res.ruleIndex]?.id).toBe(res.ruleId);
      expect(res).toMatchObject({ ruleId: f.rule, level: f.severity, message: { text: f.message }, properties: { path: f.path } });
      const loc = res.locations[0]?.physicalLocation;
      expect(loc?.region).toMatchObject({ startLine: f.line, startColumn: f.column });
      expect(Number.isInteger(loc?.region.startLine)).toBe(true);
      expect(loc?.artifactLocation).toEqual({ uri: f.file, uriBaseId: '%SRCROOT%', index: loc?.artifactLocation.index });
      expect(r.artifacts[loc?.artifactLocation.index ?? -1]?.location.uri).toBe(f.file);
    });
  });

  it('lists every validated file as an artifact, clean ones too', () => {
    const r = run(sarif(RESULT, context()));
    expect(r.artifacts.map((a) => a.location.uri)).toEqual([EU, CLEAN, 'playbooks/national/be.yaml']);
  });

  it('omits informationUri when not given and still writes a valid log with no findings', () => {
    const r = run(sarif({ files: [], findings: [] }, context({ tool: { name: 'crisis', version: '0.1.0' } })));
    expect('informationUri' in r.tool.driver).toBe(false);
    expect(r.results).toEqual([]);
    expect(r.tool.driver.rules).toHaveLength(RULES.length);
  });

  it('keeps positions at least 1 and uses the rule id when a message is empty', () => {
    const f: Finding = { file: 'a.yaml', line: 0, column: 0, severity: 'error', rule: 'yaml/empty', message: '', path: '' };
    const res = run(sarif({ files: ['a.yaml'], findings: [f] }, context())).results[0];
    expect(res?.locations[0]?.physicalLocation.region).toEqual({ startLine: 1, startColumn: 1 });
    expect(res?.message.text).toBe('yaml/empty');
  });
});

describe('sarif artifact locations', () => {
  it('keeps relative paths relative to %SRCROOT% with forward slashes', () => {
    expect(artifactLocation('playbooks\\eu\\a.yaml')).toEqual({ uri: 'playbooks/eu/a.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('./a.yaml')).toEqual({ uri: 'a.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('../x/a.yaml')).toEqual({ uri: '../x/a.yaml', uriBaseId: '%SRCROOT%' });
  });

  it('percent-encodes characters a URI cannot hold', () => {
    expect(artifactLocation('my plans/a#1%.yaml').uri).toBe('my%20plans/a%231%25.yaml');
    expect(artifactLocation('bad\uD800.yaml').uri).toBe('bad%EF%BF%BD.yaml');
  });

  it('turns absolute paths into file URIs without a base', () => {
    expect(artifactLocation('/srv/plans/a.yaml')).toEqual({ uri: 'file:///srv/plans/a.yaml' });
    expect(artifactLocation('C:\\plans\\a b.yaml')).toEqual({ uri: 'file:///C:/plans/a%20b.yaml' });
    expect(artifactLocation('\\\\server\\share\\a.yaml')).toEqual({ uri: 'file://server/share/a.yaml' });
  });
});
