// The incident's history, one line per event, across every plan it went through.
import type { IncidentState } from '../../engine/index.js';
import type { Styler } from '../styler.js';
import { safeLine as t } from '../../safe-text/index.js';

/** The timeline as text, oldest first. */
export function renderTimelineText(state: IncidentState, s: Styler, formatTime: (iso: string) => string): string {
  const lines = state.timeline.map(
    (e) => `${s.dim(String(e.seq).padStart(4))}  ${formatTime(e.at)}  ${s.accent(t(e.planId).padEnd(14))} ${t(e.summary)}  ${s.dim(`(${t(e.actor)})`)}`,
  );
  return [s.bold('Timeline'), ...lines].join('\n') + '\n';
}
