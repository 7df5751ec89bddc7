// When a oneOf/anyOf fails, Ajv reports every branch's errors plus an umbrella error. An author
// needs the branch they were probably writing, or one summary when the value fits none at all.

import type { ErrorObject } from 'ajv/dist/2020.js';
import { parsePointer } from './json-pointer.js';

/** A summary standing in for a failed oneOf/anyOf whose branches all expect another shape. */
export const ALTERNATIVES = '$alternatives';

/** Drop if/anyOf/oneOf noise: keep the most relevant branch's errors, or one summary error. */
export function collapseAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  for (const error of errors) {
    if (error.keyword === 'if' || error.keyword === 'propertyNames') continue; // the branch errors say it
    if (error.keyword !== 'oneOf' && error.keyword !== 'anyOf') {
      out.push(error);
      continue;
    }
    // Ajv pushes a branch's errors just before its umbrella: take that run off the end.
    let start = out.length;
    while (start > 0 && belongsTo(out[start - 1] as ErrorObject, error)) start--;
    const members = out.splice(start);
    out.push(...pickBranch(error, members));
  }
  return out;
}

function belongsTo(e: ErrorObject, umbrella: ErrorObject): boolean {
  const inside = e.instancePath === umbrella.instancePath || e.instancePath.startsWith(umbrella.instancePath + '/');
  if (!inside) return false;
  if (e.schemaPath.startsWith(umbrella.schemaPath + '/')) return true;
  // An error from a branch that is a $ref carries the referenced schema's path instead; a
  // sibling keyword of the umbrella (a `not`, an earlier `anyOf`) shares the umbrella's parent.
  const parent = umbrella.schemaPath.slice(0, umbrella.schemaPath.lastIndexOf('/'));
  return !e.schemaPath.startsWith(parent + '/');
}

function pickBranch(umbrella: ErrorObject, members: ErrorObject[]): ErrorObject[] {
  const passing = (umbrella.params as { passingSchemas?: unknown }).passingSchemas;
  if (members.length === 0 || Array.isArray(passing)) return [umbrella];
  const branches = groupByBranch(umbrella, members);
  const depth = (e: ErrorObject) => parsePointer(e.instancePath).length;
  const base = depth(umbrella);
  const wrongShape = (b: ErrorObject[]) =>
    b.every((e) => e.instancePath === umbrella.instancePath && ['type', 'const', 'enum', ALTERNATIVES].includes(e.keyword));
  const offDiscriminator = (b: ErrorObject[]) =>
    b.some((e) => (e.keyword === 'const' || e.keyword === 'enum') && depth(e) === base + 1);
  if (branches.every(wrongShape)) {
    return [{ ...umbrella, keyword: ALTERNATIVES, params: { alternatives: branches.flat() }, message: 'does not match any alternative' }];
  }
  const score = (b: ErrorObject[]): number[] => [
    wrongShape(b) ? 1 : 0, // the value is not even the right kind of thing for this branch
    offDiscriminator(b) ? 1 : 0, // e.g. `kind: Exercise` when this branch wants `kind: Plan`
    -b.reduce((m, e) => Math.max(m, depth(e)), 0), // deeper: the author got further into it
    b.length, // fewer problems: closer to what was meant
  ];
  const ranked = branches.map((b, i) => ({ b, s: score(b), i })).sort((x, y) => compareFirstDifference(x.s, y.s) || x.i - y.i);
  return ranked[0]?.b ?? [umbrella];
}

function compareFirstDifference(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return (a[k] as number) - (b[k] as number);
  return 0;
}

/** Split the run into branches: by schema path, by a branch's $ref, else with the error before. */
function groupByBranch(umbrella: ErrorObject, members: readonly ErrorObject[]): ErrorObject[][] {
  const schemas = Array.isArray(umbrella.schema) ? (umbrella.schema as unknown[]) : [];
  const refs = schemas.map((s) => (s && typeof s === 'object' && typeof (s as { $ref?: unknown }).$ref === 'string' ? (s as { $ref: string }).$ref : undefined));
  const groups = new Map<number, ErrorObject[]>();
  let current = -1;
  for (const e of members) {
    let branch = -1;
    if (e.schemaPath.startsWith(umbrella.schemaPath + '/')) branch = Number(e.schemaPath.slice(umbrella.schemaPath.length + 1).split('/')[0]);
    else branch = refs.findIndex((r) => r !== undefined && (e.schemaPath === r || e.schemaPath.startsWith(r + '/')));
    if (branch < 0 || Number.isNaN(branch)) branch = current;
    current = branch;
    const list = groups.get(branch) ?? [];
    list.push(e);
    groups.set(branch, list);
  }
  return [...groups.values()];
}
