// RFC 6901 JSON pointers: the `path` of every finding and the key locate() understands.

/** Split a pointer into unescaped segments ('' is the whole document; a missing leading '/' is tolerated). */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  const body = pointer.startsWith('/') ? pointer.slice(1) : pointer;
  return body.split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The pointer to a child of `base` named `segment` (escaped as RFC 6901 requires). */
export function childPointer(base: string, segment: string | number): string {
  return `${base}/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** The value a pointer names in plain data, reading own properties only; undefined when absent. */
export function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const seg of parsePointer(pointer)) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(seg)) return undefined;
      node = node[Number(seg)];
    } else if (node !== null && typeof node === 'object' && Object.prototype.hasOwnProperty.call(node, seg)) {
      node = (node as Record<string, unknown>)[seg];
    } else return undefined;
  }
  return node;
}
