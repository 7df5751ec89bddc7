// The pure core never touches the file system, the clock, the terminal, processes or SQLite.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

const forbidden: [RegExp, string][] = [
  // Hashing is a pure function (UUIDv5 ids of exports): node:crypto's createHash alone is allowed.
  [/from ['"]node:(?!crypto['"])/, 'a node: module'],
  [/import (?!\{ createHash \} from ['"]node:crypto['"])[^;]*from ['"]node:crypto['"]/, 'node:crypto beyond createHash'],
  [/from ['"](fs|path|os|child_process|crypto)['"]/, 'a node built-in'],
  [/from ['"](better-sqlite3|@inquirer\/[a-z]+|chalk|ora|execa|tinyglobby)['"]/, 'an I/O library'],
  [/from ['"][./]+\/(adapters|cli)\//, 'an adapter or the CLI'],
  [/\bprocess\./, 'process'],
  [/\bconsole\./, 'console'],
  [/Date\.now\(|new Date\(\)/, 'the clock'],
];

describe('src/core', () => {
  const sources = files(join(root, 'src/core'));
  it('has files to check', () => expect(sources.length).toBeGreaterThan(50));
  it.each(forbidden)('never imports or uses %s', (pattern, what) => {
    const offenders = sources.filter((f) => pattern.test(readFileSync(f, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '')));
    expect(offenders.map((f) => `${relative(root, f)} uses ${what}`)).toEqual([]);
  });
});
