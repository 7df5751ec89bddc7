// Checks on the composed yaml tree, before it becomes plain data: aliases that point nowhere or
// at their own container, alias expansion ("billion laughs"), `__proto__` and `<<` keys, and duplicate
// keys (found here with a Set: yaml's own uniqueKeys check is quadratic in a mapping's size).

import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { childPointer } from './json-pointer.js';
import type { SourceLimits, SourceProblem } from './source-limits.js';
import { clip } from '../clip.js';

const MAX_PROBLEMS = 20;

/** Problems in the tree's aliases and keys; empty when the tree is safe to turn into plain data. */
export function inspectNodes(
  doc: Document,
  lineCounter: LineCounter,
  limits: Pick<SourceLimits, 'maxAliasNodes'>,
): SourceProblem[] {
  const problems: SourceProblem[] = [];
  const anchors = new Map<string, number | undefined>(); // anchor -> expanded size (undefined while open)
  let expanded = 0;
  let stopped = false;
  const at = (node: { range?: readonly number[] | null | undefined } | null | undefined) => {
    const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
    return { line, column: col };
  };
  const report = (rule: string, where: { line: number; column: number }, what: (pos: string) => string, path = '') => {
    problems.push({ rule, message: what(`${where.line}:${where.column}`), ...where, path });
    if (problems.length >= MAX_PROBLEMS) stopped = true;
  };

  // Where the walk is, as pointer segments; joined into a pointer only for a problem, since
  // building one per value would cost every file for the rare file with a finding.
  const trail: (string | number)[] = [];
  const pointerTo = (key: string) => [...trail, key].reduce<string>((base, segment) => childPointer(base, segment), '');
  const walkUnder = (segment: string | number, node: unknown): number => {
    trail.push(segment);
    const size = walk(node);
    trail.pop(); // no finally: a throw abandons the whole walk
    return size;
  };

  // Returns the number of nodes the subtree stands for once aliases are expanded.
  const walk = (node: unknown): number => {
    if (stopped || node === null || typeof node !== 'object') return 1;
    if (isAlias(node)) {
      const size = anchors.get(node.source);
      const where = at(node);
      if (!anchors.has(node.source)) {
        report('yaml/undefined-alias', where, (p) => `alias *${node.source} at ${p} refers to no anchor &${node.source} defined before it; define the anchor first or write the value out`);
      } else if (size === undefined) {
        report('yaml/alias-cycle', where, (p) => `alias *${node.source} at ${p} is inside the node it refers to, which would make an endless structure; remove the alias`);
      } else if ((expanded += size) > limits.maxAliasNodes) {
        report('yaml/alias-limit', where, (p) => `aliases expand to more than ${limits.maxAliasNodes} values by ${p} (the "billion laughs" pattern); write the values out instead of repeating aliases`);
        stopped = true;
      }
      return size ?? 1;
    }
    const anchor = (node as { anchor?: unknown }).anchor;
    if (typeof anchor === 'string' && anchor !== '') anchors.set(anchor, undefined);
    let size = 1;
    if (isMap(node)) {
      const keys = new Set<string>();
      for (const pair of node.items) {
        const name = keyName(pair.key);
        if (name !== undefined && keys.has(name)) {
          report('yaml/duplicate-key', at(pair.key as Node | null), (p) => `key '${clip(name)}' at ${p} appears twice in the same mapping; remove or rename one of them`, pointerTo(name));
        } else if (name !== undefined) keys.add(name);
        if (name === '<<' && isScalar(pair.key) && pair.key.type === 'PLAIN') {
          // YAML 1.1 merge keys are not YAML 1.2 and yaml reads them as a plain '<<' key: refuse
          // them here, once, rather than as an unknown property plus the keys it seemed to add.
          report('yaml/merge-key', at(pair.key), (p) => `merge key '<<' at ${p} is not supported in plan files; write the keys out in this mapping instead of merging them from an anchor`, pointerTo(name));
        }
        if (name === '__proto__') {
          report('yaml/reserved-key', at(pair.key as Node | null), (p) => `key '__proto__' at ${p} is reserved in JavaScript and cannot be used in a plan; rename it`, pointerTo(name));
        }
        // Keys that are not scalars have no pointer segment; their values keep the mapping's path.
        size += walk(pair.key) + (name === undefined ? walk(pair.value) : walkUnder(name, pair.value));
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => (size += walkUnder(i, item)));
    } else if (isPair(node)) size += walk(node.key) + walk(node.value);
    if (typeof anchor === 'string' && anchor !== '') anchors.set(anchor, size);
    return size;
  };
  walk(doc.contents as Node | null);
  return problems;
}

/** The property name a scalar key becomes in the plain value ('' for an empty key). */
function keyName(key: unknown): string | undefined {
  if (key === null || key === undefined) return '';
  if (!isScalar(key)) return undefined;
  return key.value === null ? '' : String(key.value);
}
