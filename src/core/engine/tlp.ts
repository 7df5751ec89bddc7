// TLP 2.0 labels in order of restriction, for checking a notification against a channel's ceiling.
import type { Tlp } from '../plan/types.js';

const ORDER: readonly Tlp[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];

/** Whether `tlp` is more restricted than a channel's `maxTlp` (no ceiling, or an unknown label: no). */
export function aboveCeiling(tlp: Tlp, maxTlp: Tlp | undefined): boolean {
  if (maxTlp === undefined) return false;
  const [a, b] = [ORDER.indexOf(tlp), ORDER.indexOf(maxTlp)];
  return a >= 0 && b >= 0 && a > b;
}
