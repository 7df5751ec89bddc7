// The incident's history, one line per event, across every plan it went through.
import type { IncidentState } from '../../engine/index.js';
import type { Styler } from '../styler.js';
import { safeBlock, safeLine as t } from '../../safe-text/index.js';
import { retractionNote } from './retraction-text.js';

// The engine words these entries with RFC 3339 times (it knows no time zone); shown in local time
// like every other time on the line. Only the engine's own wording: a note's text is left as written.
const TIMED = new Set(['incident-opened', 'clock-started', 'notification-sent']);
const RFC3339 = /\b\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)/g;

/** The timeline as text, oldest first. */
export function renderTimelineText(state: IncidentState, s: Styler, formatTime: (iso: string) => string): string {
  const timeline = state.timeline.map((e) => (TIMED.has(e.type) ? { ...e, summary: e.summary.replace(RFC3339, (iso) => formatTime(iso)) } : e));
  const lines = timeline.flatMap((e) => [
    // A taken-back entry stays, marked (terminals cannot be trusted to show strikethrough).
    e.retracted
      ? s.dim(`${String(e.seq).padStart(4)}  ${formatTime(e.at)}  ${t(e.planId).padEnd(14)} ✗ ${t(e.summary)}  (${t(e.actor)}; ${t(retractionNote(e))})`)
      : `${s.dim(String(e.seq).padStart(4))}  ${formatTime(e.at)}  ${s.accent(t(e.planId).padEnd(14))} ${t(e.summary)}  ${s.dim(`(${t(e.actor)})`)}`,
    // A command's output excerpt, under its line; escaped, since a command prints what it likes.
    ...(e.detail === undefined ? [] : safeBlock(e.detail.replace(/\n+$/, '')).split('\n').map((l) => s.dim(`        │ ${l}`))),
  ]);
  return [s.bold('Timeline'), ...lines].join('\n') + '\n';
}
