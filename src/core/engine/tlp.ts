// A notification against its channel's TLP ceiling (the TLP order lives in core/tlp.ts).
import type { Tlp } from '../plan/types.js';
import { tlpRank } from '../tlp.js';

/** Whether `tlp` is more restricted than a channel's `maxTlp` (no ceiling, or an unknown label: no). */
export function aboveCeiling(tlp: Tlp, maxTlp: Tlp | undefined): boolean {
  if (maxTlp === undefined) return false;
  const [a, b] = [tlpRank(tlp), tlpRank(maxTlp)];
  return a !== undefined && b !== undefined && a > b;
}
