// The plain value of a plain YAML text by js-yaml (about 8x faster than yaml's document model),
// or nothing when the text uses anything where the two parsers might not agree; the positioned
// parse (parse-source.ts) then decides. Scalars resolve by yaml's own core-schema tests, so a
// value read here equals the one yaml would give.

import jsYaml from 'js-yaml';

const { FAILSAFE_SCHEMA, Type, load } = jsYaml;

// The tests and conversions of yaml 2's core schema (yaml/dist/schema/core), not js-yaml's own,
// which also reads 0b101, 1_000 and other YAML 1.1 forms.
const implicit = [
  new Type('tag:yaml.org,2002:null', { kind: 'scalar', resolve: (s: string) => /^(?:~|[Nn]ull|NULL)?$/.test(s), construct: () => null }),
  new Type('tag:yaml.org,2002:bool', { kind: 'scalar', resolve: (s: string) => /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s), construct: (s: string) => s[0] === 't' || s[0] === 'T' }),
  new Type('tag:yaml.org,2002:int#oct', { kind: 'scalar', resolve: (s: string) => /^0o[0-7]+$/.test(s), construct: (s: string) => parseInt(s.substring(2), 8) }),
  new Type('tag:yaml.org,2002:int', { kind: 'scalar', resolve: (s: string) => /^[-+]?[0-9]+$/.test(s), construct: (s: string) => parseInt(s, 10) }),
  new Type('tag:yaml.org,2002:int#hex', { kind: 'scalar', resolve: (s: string) => /^0x[0-9a-fA-F]+$/.test(s), construct: (s: string) => parseInt(s.substring(2), 16) }),
  new Type('tag:yaml.org,2002:float#nan', {
    kind: 'scalar',
    resolve: (s: string) => /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s),
    construct: (s: string) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY),
  }),
  new Type('tag:yaml.org,2002:float#exp', { kind: 'scalar', resolve: (s: string) => /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s), construct: (s: string) => parseFloat(s) }),
  new Type('tag:yaml.org,2002:float', { kind: 'scalar', resolve: (s: string) => /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s), construct: (s: string) => parseFloat(s) }),
];
const CORE = FAILSAFE_SCHEMA.extend({ implicit });

// Where the parsers may differ, or where only the positioned parse has the guard: anchors,
// aliases and tags (alias limits, unknown tags), directives and document markers (several
// documents), explicit and collection keys, a BOM or other invisible format characters.
const EXOTIC = [
  /(?:^|[\s[\]{},])[&*!]/m, // an anchor, alias or tag indicator
  /^%/m, // a directive
  /^(?:\.\.\.|---)(?:\s|$)[^]*^(?:\.\.\.|---)(?:\s|$)/m, // more than one document marker
  /^\.\.\.(?:\s|$)/m, // a document end
  /(?:^|[\s[{,])\?(?:\s|$)/m, // an explicit key
  /[\]}]\s*:(?:\s|$)/, // a flow collection as a key
  /[\uFEFF\u2028\u2029\u0085]/, // characters the parsers break or strip differently
];

// A key that some non-string scalar (a number, boolean, null) would also turn into.
const AMBIGUOUS_KEY = /^(?:null|true|false|NaN|-?Infinity|-?[0-9].*)$/;
// YAML caps an implicit key at 1,024 characters of source and yaml enforces it, js-yaml does not;
// a key of 170 characters may be written with six-character escapes.
const LONGEST_KEY = 170;

/**
 * The mapping a text holds, read fast, or undefined when the text is not plain enough to be
 * sure the positioned parse reads the same mapping without a problem. Never throws.
 */
export function fastMapping(text: string, maxValues: number): Record<string, unknown> | undefined {
  if (EXOTIC.some((re) => re.test(text))) return undefined;
  let value: unknown;
  try {
    value = load(text, { schema: CORE }); // duplicate keys and several documents throw
  } catch {
    return undefined;
  }
  if (!isMapping(value)) return undefined;
  return plainTree(value, maxValues) ? value : undefined;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** No reserved, merge or ambiguous keys, no shared nodes, at most maxValues values. */
function plainTree(root: Record<string, unknown>, maxValues: number): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  let count = 0;
  while (stack.length > 0) {
    const node = stack.pop();
    if (++count > maxValues) return false;
    if (typeof node !== 'object' || node === null) continue;
    if (seen.has(node)) return false;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    if (Object.getPrototypeOf(node) !== Object.prototype) return false;
    for (const key of Object.keys(node)) {
      if (key === '__proto__' || key === '<<' || key.length > LONGEST_KEY || key.includes(',') || AMBIGUOUS_KEY.test(key)) return false;
      stack.push((node as Record<string, unknown>)[key]);
    }
  }
  return true;
}
