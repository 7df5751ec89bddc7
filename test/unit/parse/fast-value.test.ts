// The fast read gives yaml's value for plain files and steps aside for anything else.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fastMapping } from '../../../src/core/plan/fast-value.js';
import { projectRoot } from '../../helpers/run-cli.js';

const yamlValue = (text: string): unknown => parse(text, { stringKeys: true, resolveKnownTags: false });

describe('fastMapping', () => {
  it('reads the bundled plans to the value yaml gives', () => {
    for (const file of ['playbooks/eu/eu-circp.yaml', 'playbooks/national/example-northland.yaml', 'playbooks/exercises/ddos-national.yaml']) {
      const text = readFileSync(join(projectRoot, file), 'utf8');
      const fast = fastMapping(text, 50_000);
      expect(fast, file).toBeDefined();
      expect(fast).toEqual(yamlValue(text));
    }
  });

  it.each(['True', 'TRUE', 'false', 'FALSE', '~', 'Null', 'NULL', '', '0o17', '0o8', '0x1F', '0xg', '017', '+1', '-0', '1e3', '1.50', '.5', '.inf', '-.Inf', '.NaN', '0b101', '1_000', 'yes', 'on', '2026-12-03', '1:20', "'1'", '"x\\ty"', '>-\n  a\n  b'])(
    'resolves the scalar %j as yaml does',
    (scalar) => {
      const text = `k: ${scalar}\n`;
      expect(fastMapping(text, 100)).toEqual(yamlValue(text)); // toEqual tells -0 from 0, and NaN equals NaN
    },
  );

  it.each([
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['a list as a key', '[a, b]: 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a merge key', 'a: 1\n<<: {b: 2}\n'],
    ['__proto__', '__proto__: {a: 1}\n'],
    ['a key a number would also give', '1: a\n'],
    ['a list', '- a\n'],
    ['a scalar', 'a\n'],
    ['nothing', ''],
    ['a syntax error', 'a: [1\n'],
    ['a key over the length yaml allows', `${'k'.repeat(1100)}: 1\n`],
  ])('steps aside for %s', (_what, text) => {
    expect(fastMapping(text, 100)).toBeUndefined();
  });

  it('steps aside past the value limit', () => {
    expect(fastMapping('a: [1, 2, 3]\n', 3)).toBeUndefined();
    expect(fastMapping('a: [1, 2, 3]\n', 10)).toEqual({ a: [1, 2, 3] });
  });
});
