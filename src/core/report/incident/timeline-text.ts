// The incident's history, one line per event, across every plan it went through.
import type { IncidentState } from '../../engine/index.js';
import type { Styler } from '../styler.js';
import { safeBlock, safeLine as t } from '../../safe-text/index.js';
import { retractionNote } from './retraction-text.js';

/** The timeline as text, oldest first. */
export function renderTimelineText(state: IncidentState, s: Styler, formatTime: (iso: string) => string): string {
  const lines = state.timeline.flatMap((e) => [
    // A taken-back entry stays, marked (terminals cannot be trusted to show strikethrough).
    e.retracted
      ? s.dim(`${String(e.seq).padStart(4)}  ${formatTime(e.at)}  ${t(e.planId).padEnd(14)} ✗ ${t(e.summary)}  (${t(e.actor)}; ${t(retractionNote(e))})`)
      : `${s.dim(String(e.seq).padStart(4))}  ${formatTime(e.at)}  ${s.accent(t(e.planId).padEnd(14))} ${t(e.summary)}  ${s.dim(`(${t(e.actor)})`)}`,
    // A command's output excerpt, under its line; escaped, since a command prints what it likes.
    ...(e.detail === undefined ? [] : safeBlock(e.detail.replace(/\n+$/, '')).split('\n').map((l) => s.dim(`        │ ${l}`))),
  ]);
  return [s.bold('Timeline'), ...lines].join('\n') + '\n';
}
