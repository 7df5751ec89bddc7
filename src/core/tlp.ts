// FIRST TLP 2.0 labels in order, from the widest distribution to the most restricted, and the
// marking a document takes: never less strict than the strictest thing it carries.
import type { Tlp } from './plan/types.js';

export const TLP_ORDER: readonly Tlp[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];

/** The place of a label in TLP_ORDER, or undefined for anything else. */
export function tlpRank(label: string | undefined): number | undefined {
  const i = label === undefined ? -1 : TLP_ORDER.indexOf(label as Tlp);
  return i === -1 ? undefined : i;
}

/** The most restricted of the labels (CLEAR when there is none, or none is a TLP label). */
export function strictestTlp(labels: Iterable<string | undefined>): Tlp {
  let best = 0;
  for (const label of labels) best = Math.max(best, tlpRank(label) ?? 0);
  return TLP_ORDER[best] ?? 'CLEAR';
}

/** Whether `tlp` is more restricted than a channel's `maxTlp` (no ceiling, or an unknown label: no). */
export function aboveCeiling(tlp: Tlp, maxTlp: Tlp | undefined): boolean {
  if (maxTlp === undefined) return false;
  const [a, b] = [tlpRank(tlp), tlpRank(maxTlp)];
  return a !== undefined && b !== undefined && a > b;
}
