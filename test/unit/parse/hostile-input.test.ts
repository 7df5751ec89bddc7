import { describe, it, expect } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parseSource } from '../../../src/core/plan/parse-source.js';
import type { Finding } from '../../../src/core/findings.js';

const enc = new TextEncoder();
const parse = (text: string, limits = {}) => parseSource('evil.yaml', enc.encode(text), limits);
const first = (text: string, limits = {}): Finding => {
  const { doc, findings } = parse(text, limits);
  expect(doc).toBeUndefined();
  expect(findings.length).toBeGreaterThan(0);
  return findings[0] as Finding;
};
const at = (f: Finding) => [f.rule, f.line, f.column];
const timed = <T>(fn: () => T): [T, number] => {
  const t0 = performance.now();
  const out = fn();
  return [out, performance.now() - t0];
};

describe('aliases', () => {
  const laughs = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (const [p, n] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g'], ['g', 'h'], ['h', 'i']]) {
    laughs.push(`${n}: &${n} [${Array(9).fill(`*${p}`).join(', ')}]`);
  }
  const billion = laughs.join('\n') + '\n';

  it('stops a billion laughs at the alias where the expansion crosses the limit', () => {
    const [f, ms] = timed(() => first(billion));
    expect(at(f)).toEqual(['yaml/alias-limit', 5, 8]); // 90 + 819 + 7380 so far, then e's first *d adds 7381
    expect(ms).toBeLessThan(500);
  });

  it("still stops it with yaml's own guard when the expansion budget is raised", async () => {
    const f = first(billion, { maxAliasNodes: Number.MAX_SAFE_INTEGER });
    expect(f.rule).toBe('yaml/alias-limit');
  });

  it('rejects an alias to an anchor not yet defined, at the alias', () => {
    expect(at(first('a: *x\nb: &x 1\n'))).toEqual(['yaml/undefined-alias', 1, 4]);
  });

  it('rejects an alias inside the node it names (an endless structure)', () => {
    expect(at(first('a: &a\n  b: [1, *a]\n'))).toEqual(['yaml/alias-cycle', 2, 10]);
  });
});

describe('nesting depth', () => {
  it('rejects 20,000 nested flow lists quickly, at the level that crosses 64', () => {
    const text = 'a: ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n';
    const [f, ms] = timed(() => first(text));
    expect(at(f)).toEqual(['yaml/too-deep', 1, 67]); // the map is level 1, so the 64th '['
    expect(ms).toBeLessThan(200);
  });

  it('rejects 20,000 unclosed flow mappings', () => {
    expect(first('{a: '.repeat(20_000)).rule).toBe('yaml/too-deep');
  });

  it('rejects deep block nesting by indentation at the line that crosses the limit', () => {
    const text = Array.from({ length: 100 }, (_, i) => ' '.repeat(2 * i) + 'k:').join('\n') + ' 1\n';
    expect(at(first(text))).toEqual(['yaml/too-deep', 65, 129]);
  });

  it('rejects 20,000 compact block lists on one line', () => {
    const text = '- '.repeat(20_000) + 'x\n';
    expect(first(text, { maxLineLength: 100_000 }).rule).toBe('yaml/too-deep');
  });

  it('rejects a mix of block and flow nesting', () => {
    const text = Array.from({ length: 40 }, (_, i) => ' '.repeat(2 * i) + 'k:').join('\n') + ' ' + '['.repeat(40) + '\n';
    expect(first(text).rule).toBe('yaml/too-deep');
  });

  it('accepts nesting just under the limit', () => {
    const text = 'a: ' + '['.repeat(60) + ']'.repeat(60) + '\n';
    expect(parse(text).findings).toEqual([]);
  });

  it('survives 20,000 levels without a stack overflow even when the pre-scan is switched off', () => {
    const text = 'a: ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n';
    const { doc, findings } = parse(text, { maxDepth: 1e9, maxLineLength: 1e9 });
    expect(doc).toBeUndefined();
    expect(findings[0]?.rule).toBe('yaml/too-deep');
  });
});

describe('size', () => {
  it('rejects a 5 MiB file as too large', () => {
    const f = first('a: ' + 'x'.repeat(5 * 1024 * 1024));
    expect(at(f)).toEqual(['yaml/too-large', 1, 1]);
    expect(f.message).toContain('4 MiB');
  });

  it('rejects a 50 MB buffer at once, without reading it', () => {
    const bytes = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    const [out, ms] = timed(() => parseSource('big.yaml', bytes));
    expect(out.findings.map((f) => f.rule)).toEqual(['yaml/too-large']);
    expect(ms).toBeLessThan(20);
  });

  it('honours a lower maxBytes', () => {
    expect(first('a: 12345\n', { maxBytes: 5 }).rule).toBe('yaml/too-large');
  });

  it('rejects a line over 20,000 characters, at that line', () => {
    const f = first('a: 1\nb: 2\nc: ' + 'y'.repeat(25_000) + '\nd: 4\n');
    expect(at(f)).toEqual(['yaml/line-too-long', 3, 1]);
    expect(f.message).toContain('25003');
  });
});

describe('number of values', () => {
  it.each([
    ['block lists', '- - x\n'.repeat(600_000)],
    ['mapping entries', 'key: value\n'.repeat(380_000)],
    ['a flow list', '[' + '1,'.repeat(2_000_000) + ']\n'],
  ])('rejects 4 MB of dense %s before yaml builds them', (_name, text) => {
    const [f, ms] = timed(() => first(text));
    expect(f.rule).toBe('yaml/too-many-values');
    expect(ms).toBeLessThan(1000);
  });

  it('reads a mapping of 20,000 keys in linear time and finds its duplicate', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `key-${i}: v`);
    lines.push('key-7: again');
    const [out, ms] = timed(() => parse(lines.join('\n') + '\n'));
    expect(out.findings.map(at)).toEqual([['yaml/duplicate-key', 20_001, 1]]);
    expect(out.findings[0]?.message).toContain("key 'key-7'");
    expect(ms).toBeLessThan(3000); // yaml's own duplicate check takes seconds here
  });
});

describe('bytes that are not YAML text', () => {
  it('rejects NUL bytes as binary, at the byte', () => {
    expect(at(first('a: 1\nb: x\u0000y\n'))).toEqual(['yaml/binary', 2, 5]);
  });

  it('rejects other control characters', () => {
    expect(at(first('a: 1\nb: \u0007\n'))).toEqual(['yaml/control-character', 2, 4]);
  });

  it.each([
    ['a lone continuation byte', [0x80], 5],
    ['a truncated sequence at the end', [0xe2, 0x82], 5],
    ['an overlong encoding', [0xc0, 0xaf], 5],
    ['an encoded surrogate', [0xed, 0xa0, 0x80], 5],
    ['a byte that never occurs', [0xff], 5],
  ])('rejects invalid UTF-8 (%s) at the first bad byte', (_name, bad, column) => {
    const bytes = new Uint8Array([...enc.encode('a: 1\nb: é'), ...bad, ...enc.encode('\n')]);
    const { findings } = parseSource('x.yaml', bytes);
    expect(findings.map(at)).toEqual([['yaml/encoding', 2, column]]);
    expect(findings[0]?.message).toMatch(/save the file as UTF-8$/);
  });

  it('names old Mac line endings at the first lone carriage return', () => {
    const { findings } = parseSource('x.yaml', enc.encode('a: 1\nb: 2\rc: 3\r'));
    expect(findings.map(at)).toEqual([['yaml/line-ending', 2, 5]]);
    expect(findings[0]?.message).toMatch(/save the file with LF or CRLF line endings$/);
  });

  it('reads CRLF line endings as ordinary lines', () => {
    const { doc, findings } = parseSource('x.yaml', enc.encode('a: 1\r\nb: 2\r\n'));
    expect(findings).toEqual([]);
    expect(doc?.value).toEqual({ a: 1, b: 2 });
  });

  it('counts the column in characters after a BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('ab: '), 0xff]);
    expect(parseSource('x.yaml', bytes).findings.map(at)).toEqual([['yaml/encoding', 1, 5]]);
  });

  it('says so when the file is UTF-16', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x3a, 0x00]);
    expect(parseSource('x.yaml', bytes).findings[0]?.message).toContain('UTF-16');
  });
});

describe('prototype pollution', () => {
  it('keeps __proto__ as an own data property, reports it, and pollutes nothing', () => {
    const { doc, findings } = parse('__proto__: {polluted: true}\nnested:\n  __proto__:\n    polluted: true\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(findings.map(at)).toEqual([['yaml/reserved-key', 1, 1], ['yaml/reserved-key', 3, 3]]);
    expect(findings.map((f) => f.path)).toEqual(['/__proto__', '/nested/__proto__']);
    const value = doc?.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ polluted: true });
    expect((value as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('keeps constructor and toString as ordinary own properties', () => {
    const { doc, findings } = parse('constructor: {polluted: true}\ntoString: 1\n');
    expect(findings).toEqual([]);
    const value = doc?.value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['constructor', 'toString']);
    expect(value.constructor).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('leaves a value Ajv validates normally, seeing __proto__ as an unknown property', () => {
    const { doc } = parse('a: 1\n__proto__: {polluted: true}\nconstructor: x\n');
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    const validate = ajv.compile({
      type: 'object',
      properties: { a: { type: 'integer' }, constructor: { type: 'string' } },
      additionalProperties: false,
    });
    expect(validate(doc?.value)).toBe(false);
    expect(validate.errors?.map((e) => e.params)).toEqual([{ additionalProperty: '__proto__' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('fuzz: parseSource never throws', () => {
  const seeds = [
    'apiVersion: crisis/v1\nkind: Plan\nmetadata:\n  id: eu-circp\n  title: "EU plan"\nsteps:\n  - id: triage\n    next: assess\n    run: [echo, hi]\n  - id: assess\n    decision:\n      question: |\n        Is it major?\n      options:\n        - {label: yes, next: escalate}\n',
    'a: &x {b: [1, 2, {c: d}]}\ne: *x\nf: >-\n  folded\n  text\ng: \'it\'\'s\'\nh: "esc \\" \\n"\n',
    '? complex\n: value\n- item\n[a, b]: c\n%YAML 1.2\n---\n!tag &anc x\n',
  ];
  const noise = '[]{}:-?&*!|>\'"#\t\n %@`,~\\\u00e9\u{1F600}\r0';
  let state = 0x2f6b9c1d; // a fixed seed keeps any failure reproducible
  const rand = (n: number) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) % n);
  };
  const mutate = (s: string): string => {
    let out = s;
    for (let k = 0, n = 1 + rand(8); k < n; k++) {
      const i = rand(out.length + 1);
      const op = rand(4);
      if (op === 0) out = out.slice(0, i) + noise[rand(noise.length)] + out.slice(i);
      else if (op === 1) out = out.slice(0, i) + out.slice(i + 1 + rand(5));
      else if (op === 2) out = out.slice(0, i) + out.slice(rand(out.length), rand(out.length)) + out.slice(i);
      else out = out.slice(0, i) + (noise[rand(noise.length)] ?? '').repeat(rand(70)) + out.slice(i);
    }
    return out;
  };

  const runs = Number(process.env.CRISIS_FUZZ_RUNS ?? 200);
  it(`handles ${runs} random and mutated inputs with well-formed findings`, () => {
    for (let n = 0; n < runs; n++) {
      const text = n % 10 === 9 ? Array.from({ length: rand(200) }, () => noise[rand(noise.length)]).join('') : mutate(seeds[n % seeds.length] as string);
      let out: ReturnType<typeof parseSource> | undefined;
      expect(() => (out = parseSource('f.yaml', enc.encode(text))), JSON.stringify(text)).not.toThrow();
      for (const f of out?.findings ?? []) {
        expect(f.line, JSON.stringify(text)).toBeGreaterThanOrEqual(1);
        expect(f.column).toBeGreaterThanOrEqual(1);
        expect(f.message).not.toMatch(/\n/);
        expect(f.rule).toMatch(/^yaml\/[a-z-]+$/);
      }
      if (out?.doc) {
        expect(typeof out.doc.value).toBe('object');
        expect(() => JSON.stringify(out?.doc?.value)).not.toThrow(); // no cycles reach callers
        expect(out.doc.locate('/a/0/b').line).toBeGreaterThanOrEqual(1);
      }
    }
  });
});

describe('merge keys', () => {
  it("refuses a plain '<<' key once, at the key, whether it merges one anchor or a list", async () => {
    const { doc, findings } = parse('base: &b\n  a: 1\nx:\n  <<: *b\n  c: 3\ny:\n  <<: [*b]\n');
    expect(doc).toBeUndefined();
    expect(findings.map(at)).toEqual([['yaml/merge-key', 4, 3], ['yaml/merge-key', 7, 3]]);
    expect(findings[0]?.message).toContain('write the keys out');
  });

  it("keeps a quoted '<<' as an ordinary key (for the schema to judge)", async () => {
    const { doc, findings } = parse('x:\n  "<<": 1\n');
    expect(findings).toEqual([]);
    expect(doc?.value).toEqual({ x: { '<<': 1 } });
  });
});
