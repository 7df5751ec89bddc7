// Find, without Ajv, the property names a schema allows at an instance location. Used for
// did-you-mean when errors carry no parentSchema: Ajv's schemaPath restarts inside compiled
// $refs, so the instance path is the reliable guide.

import { parsePointer, valueAt } from './json-pointer.js';

type Schema = Record<string, unknown>;

/** Property names declared for the object at `instancePath` (through $ref, allOf/anyOf/oneOf). */
export function propertyNamesAt(root: object, instancePath: string): string[] {
  let current: Schema[] = [root as Schema];
  for (const seg of parsePointer(instancePath)) {
    const next: Schema[] = [];
    for (const s of current.flatMap((x) => expand(root, x))) {
      const props = s.properties as Record<string, unknown> | undefined;
      const index = /^(0|[1-9][0-9]*)$/.test(seg) ? Number(seg) : -1;
      if (props && Object.prototype.hasOwnProperty.call(props, seg)) pushSchema(next, props[seg]);
      else if (index >= 0 && Array.isArray(s.prefixItems) && index < s.prefixItems.length) pushSchema(next, s.prefixItems[index]);
      else if (index >= 0) pushSchema(next, s.items);
      else pushSchema(next, s.additionalProperties);
    }
    if (next.length === 0) return [];
    current = next;
  }
  const names = new Set<string>();
  for (const s of current.flatMap((x) => expand(root, x))) {
    const props = s.properties;
    if (props && typeof props === 'object') for (const k of Object.keys(props)) names.add(k);
  }
  return [...names];
}

/** A schema and the schemas it stands for: its local $ref target and its allOf/anyOf/oneOf branches. */
function expand(root: object, schema: Schema, depth = 0): Schema[] {
  if (depth > 20) return []; // a $ref cycle
  const out: Schema[] = [schema];
  const ref = schema.$ref;
  if (typeof ref === 'string' && ref.startsWith('#')) {
    const target = valueAt(root, decodeURIComponent(ref.slice(1)));
    if (isSchema(target)) out.push(...expand(root, target, depth + 1));
  }
  for (const key of ['allOf', 'anyOf', 'oneOf', 'then', 'else']) {
    const list = key === 'then' || key === 'else' ? [schema[key]] : schema[key];
    if (Array.isArray(list)) for (const branch of list) if (isSchema(branch)) out.push(...expand(root, branch, depth + 1));
  }
  return out;
}

function pushSchema(list: Schema[], s: unknown): void {
  if (isSchema(s)) list.push(s);
}

function isSchema(x: unknown): x is Schema {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
