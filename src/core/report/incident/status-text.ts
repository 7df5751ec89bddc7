// Where an incident stands, clocks first: for `crisis status` and the walkthrough's status view.
import { clockStatus, reportingOpen, type IncidentState, type Plans, type SentNotification, type TrackState } from '../../engine/index.js';
import { clockLines } from '../../walkthrough/clock-lines.js';
import type { Styler } from '../styler.js';
import { incidentTlp } from './marking.js';
import { safeBlock, safeLine as t } from '../../safe-text/index.js';

/** The status as text; times are shown with formatTime (local time in the CLI). */
export function renderStatusText(
  state: IncidentState,
  incidentId: string,
  plans: Plans,
  now: Date,
  s: Styler,
  formatTime: (iso: string) => string,
): string {
  const meta = state.meta;
  const clocks = clockStatus(state, now);
  const stepOf = (k: TrackState) => plans.get(k.at.planId)?.steps.find((x) => x.id === k.at.stepId);
  const trackLine = (k: TrackState) => t(`${stepOf(k)?.title ?? k.at.stepId} [${k.at.planId}#${k.at.stepId}]`);
  const lines = [
    `${s.bold(t(incidentId))} · ${t(meta?.title ?? '')} · ${state.closed ? (reportingOpen(state) ? s.warning('response closed, reporting open') : s.ok('closed')) : s.warning('open')} · ${s.bold(`TLP:${incidentTlp(state, plans)}`)}`,
    '',
    s.bold('Clocks'),
    ...(clocks.length > 0 ? clockLines(clocks, s, formatTime) : ['  (none started)']),
    '',
    `${s.bold('Plan')}      ${t(state.plans.join(' → ') || '?')}`,
    ...(state.tracks.length <= 1
      ? [`${s.bold('Step')}      ${state.tracks[0] ? trackLine(state.tracks[0]) : state.closed ? '—' : '?'}`]
      : [s.bold('Tracks'), ...state.tracks.map((k) => `  ${t(k.id)}  ${trackLine(k)}${k.status === 'waiting' ? s.dim(' (waiting at the join)') : ''} · ${t(stepOf(k)?.owner ?? '?')} · since ${formatTime(k.since)}`)]),
    `${s.bold('Level')}     ${t(state.level?.id ?? '?')}`,
    `${s.bold('Severity')}  ${t(meta?.severity ?? '—')}`,
    `${s.bold('Aware')}     ${meta ? formatTime(meta.awareness) : '?'}`,
    `${s.bold('Opened')}    ${meta ? `${formatTime(meta.openedAt)} by ${t(meta.openedBy)}` : '?'}`,
  ];
  if (state.decisions.length > 0) {
    lines.push('', s.bold('Decisions'), ...state.decisions.map((d) => `  ${formatTime(d.at)}  ${t(`${d.stepId}: ${d.label} (${d.actor})`)}`));
  }
  if (state.notifications.length > 0) {
    lines.push('', s.bold('Notifications sent'), ...state.notifications.map((n) => `  ${formatTime(n.sentAt ?? n.at)}  ${t(`${n.title} → ${n.to}`)}${sentLine(n, formatTime)}`));
  }
  if (state.closed) lines.push('', `${s.bold('Closed')}    ${state.closedAt ? formatTime(state.closedAt) : ''}`, ...safeBlock(state.summary ?? '').split('\n').map((l) => `  ${l}`));
  return lines.join('\n') + '\n';
}

/** Both times of a report logged after it went out (phoned in first), so the record shows the delay. */
function sentLine(n: SentNotification, formatTime: (iso: string) => string): string {
  return n.sentAt !== undefined && n.sentAt !== n.at ? `  (sent ${formatTime(n.sentAt)}, recorded ${formatTime(n.at)})` : '';
}
