// Rules also run on documents that failed the schema (a user should see a dangling reference
// and a type error at once), so every read of a plan goes through these total accessors.

/** A read-only plain object. */
export type Rec = Readonly<Record<string, unknown>>;

/** The value as a plain object, or undefined for null, arrays and scalars. */
export function rec(x: unknown): Rec | undefined {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Rec) : undefined;
}

/** An own property of the value (never an inherited one such as `constructor`), or undefined. */
export function get(x: unknown, key: string): unknown {
  const r = rec(x);
  return r !== undefined && Object.hasOwn(r, key) ? r[key] : undefined;
}

/** Whether the value has the own property with a value other than null or undefined. */
export function has(x: unknown, key: string): boolean {
  const v = get(x, key);
  return v !== undefined && v !== null;
}

/** The value if it is an array (holes filled with undefined, so map and forEach agree), else an empty one. */
export function asArray(x: unknown): readonly unknown[] {
  return Array.isArray(x) ? Array.from(x as unknown[]) : [];
}

/** The array under a key of the value, or an empty one. */
export function items(x: unknown, key: string): readonly unknown[] {
  return asArray(get(x, key));
}

/** The value if it is a string (possibly empty), else undefined. */
export function str(x: unknown): string | undefined {
  return typeof x === 'string' ? x : undefined;
}

/** The value if it is a finite number, else undefined. */
export function num(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

/** Whether the value is a string with something other than white space in it. */
export function isText(x: unknown): x is string {
  return typeof x === 'string' && x.trim().length > 0;
}

/** Whether the value is a list with at least one real entry (a non-blank string or an object). */
export function hasEntries(x: unknown): boolean {
  return asArray(x).some((e) => isText(e) || rec(e) !== undefined);
}

/** A JSON pointer (RFC 6901) from path segments: pointer('steps', 3, 'next') is '/steps/3/next'. */
export function pointer(...segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** The pointer to the deepest existing value along a path: where something missing should be added. */
export function deepestPointer(root: unknown, path: readonly (string | number)[]): string {
  const found: (string | number)[] = [];
  let current = root;
  for (const key of path) {
    const next = typeof key === 'number' ? asArray(current)[key] : get(current, key);
    if (next === undefined || next === null) break;
    current = next;
    found.push(key);
  }
  return pointer(...found);
}

/** The metadata.id of a plan, if it is a string. */
export function planId(plan: unknown): string | undefined {
  return str(get(get(plan, 'metadata'), 'id'));
}

/** Whether the plan is a national one: a jurisdiction other than 'EU'. */
export function isNational(plan: unknown): boolean {
  const j = str(get(get(plan, 'metadata'), 'jurisdiction'));
  return j !== undefined && j !== 'EU';
}

/** Index of the first entry of each string id in a list of objects with `id`. */
export function idIndex(list: unknown): Map<string, number> {
  const out = new Map<string, number>();
  asArray(list).forEach((entry, i) => {
    const id = str(get(entry, 'id'));
    if (id !== undefined && !out.has(id)) out.set(id, i);
  });
  return out;
}

/** The pointer to a step, at its id when it has one (so the finding lands on the id's line). */
export function stepPointer(plan: unknown, index: number): string {
  const step = items(plan, 'steps')[index];
  return has(step, 'id') ? pointer('steps', index, 'id') : pointer('steps', index);
}
