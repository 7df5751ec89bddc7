// The head of an incident as a line to keep outside the log: printed where a responder stops
// (pause, close) so that anchoring is a habit, not a footnote.
import { formatAnchor } from '../core/anchors.js';
import type { EventLog } from '../core/ports.js';

/** `head ID #N sha256:…` and what to do with it, or a warning when the log does not verify. */
export async function headLines(log: Pick<EventLog, 'verify'>, incidentId: string): Promise<string> {
  const result = await log.verify(incidentId);
  const head = result.heads.find((h) => h.incidentId === incidentId);
  if (!result.ok || head === undefined) {
    return `WARNING: the incident log does not verify (${result.broken?.reason ?? result.schema?.[0] ?? 'no head'}); run crisis log verify\n`;
  }
  const anchor = formatAnchor(head.hash);
  return (
    `head ${head.incidentId} #${head.seq} ${anchor}\n` +
    `Keep this line outside the log (ticket, e-mail, hand-over): crisis log verify --anchor ${anchor.slice(0, 23)} proves later that nothing up to it changed.\n`
  );
}
