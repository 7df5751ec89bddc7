// How a taken-back entry reads wherever the timeline is shown: the entry stays, marked.
import type { TimelineEntry } from '../../engine/index.js';

/** "retracted by ana (#12): wrong incident" or "corrected by ana (#12): ..."; '' for an entry that stands. */
export function retractionNote(e: TimelineEntry): string {
  const r = e.retracted;
  return r ? `${r.corrected ? 'corrected' : 'retracted'} by ${r.actor} (#${r.seq}): ${r.reason}` : '';
}
