// An incident's log as an exchange file: md (a report), json, jsonl (one event a line), csv.
// Shared at a TLP level (`--tlp`), it leaves out every event marked above it and everything from
// a plan marked above it (its clocks, tracks, snapshots), says how many events it left out, and is
// marked with that level; without one, it is marked with the strictest of what it holds.
import { clockStatus, reportingOpen, type IncidentEvent, type IncidentState, type Plans } from '../../engine/index.js';
import type { IncidentRecord, RecordedEvent, VerifyResult } from '../../ports.js';
import type { Tlp } from '../../plan/types.js';
import { strictestTlp } from '../../tlp.js';
import { formatAnchor } from '../../anchors.js';
import { incidentTlp } from './marking.js';
import { eventMarkings, shareable, shareablePlans } from './event-marking.js';
import { retractionNote } from './retraction-text.js';
import { csvCell, mdBlock, mdText as md, safeJson } from '../../safe-text/index.js';
import type { ExportFormat } from './export-formats.js';
import { UsageError } from '../../errors.js';
import { incidentHtml } from './html.js';

export interface ExportInput {
  record: IncidentRecord;
  recorded: readonly RecordedEvent<IncidentEvent>[];
  state: IncidentState;
  plans: Plans;
  snapshots: readonly { planId: string; hash: string }[];
  verify: VerifyResult;
  now: Date;
  /** The TLP level the export is shared at (`--tlp`); absent: everything, marked as strictly as it needs. */
  tlp?: Tlp;
}

/** What an export shares, after leaving out what its level may not carry. */
export interface SharedView {
  marking: Tlp;
  /** The strictest marking of anything the incident holds, whatever is shared. */
  holds: Tlp;
  level?: Tlp;
  /** Indexes into recorded (and state.timeline) of the events it carries, each with its marking. */
  events: { index: number; marking: Tlp }[];
  leftOut: number;
  plans: Set<string>;
  /** The incident's title, severity and awareness come from its opening event. */
  opening: boolean;
  tracks: { id: string; planId: string; stepId: string; status: string; since: string }[];
  tracksLeftOut: number;
}

/** What `input` may share at its level. */
export function sharedView(input: ExportInput): SharedView {
  const { state, plans, tlp: level } = input;
  const markings = eventMarkings(input.recorded.map((r) => r.event), state, plans);
  const events = markings.flatMap((marking, index) => (level === undefined || shareable(marking, level) ? [{ index, marking }] : []));
  const visible = level === undefined ? new Set(state.plans) : shareablePlans(state, plans, level);
  const openingIndex = input.recorded.findIndex((r) => r.event.type === 'incident-opened');
  const tracks = state.tracks.map((t) => ({ id: t.id, planId: t.at.planId, stepId: t.at.stepId, status: t.status, since: t.since }));
  const shownTracks = tracks.filter((t) => visible.has(t.planId));
  const holds = strictestTlp([incidentTlp(state, plans), ...markings]);
  return {
    marking: level ?? holds,
    holds,
    ...(level === undefined ? {} : { level }),
    events,
    leftOut: markings.length - events.length,
    plans: visible,
    opening: events.some((e) => e.index === openingIndex),
    tracks: shownTracks,
    tracksLeftOut: tracks.length - shownTracks.length,
  };
}

/** Render the incident in one export format; `view` is what it shares (worked out once by a caller that also reports it). */
export function renderExport(format: ExportFormat, input: ExportInput, view: SharedView = sharedView(input)): string {
  switch (format) {
    case 'json':
      return `${safeJson(jsonExport(input, view), 2)}\n`;
    case 'jsonl': {
      // Each line can travel alone, so each carries the export's marking.
      const lines = view.events.map((e) => safeJson(row(input.recorded[e.index], e.marking, { tlp: view.marking })));
      return lines.join('\n') + (lines.length > 0 ? '\n' : '');
    }
    case 'csv':
      return csvExport(input, view);
    case 'md':
      return markdownExport(input, view);
    case 'html':
      // The HTML report draws the whole incident (diagrams, clocks, timeline): it cannot leave parts out yet.
      if (view.level !== undefined && !shareable(view.holds, view.level)) {
        throw new UsageError(
          `the html report cannot leave events out: this incident holds TLP:${view.holds}, above TLP:${view.level}; share it at TLP:${view.level} as md, json, jsonl or csv, or as html without --tlp (marked TLP:${view.holds})`,
        );
      }
      return incidentHtml(input, view.marking);
  }
  return '';
}

function row(r: RecordedEvent<IncidentEvent> | undefined, marking: Tlp, line: { tlp?: Tlp } = {}): Record<string, unknown> {
  if (!r) return {};
  // The line's marking and the server's stamp last: no key inside an event can pass for them.
  // `marking` is the event's TLP as read (in json the event is otherwise as stored).
  return { ...line, seq: r.seq, hash: r.hash, prevHash: r.prevHash, ...r.event, marking, ...line, ...(r.server === undefined ? {} : { server: r.server }) };
}

function jsonExport(input: ExportInput, view: SharedView): Record<string, unknown> {
  const { title: _title, ...withoutTitle } = input.record;
  return {
    tlp: view.marking,
    ...(view.level === undefined ? {} : { leftOut: { events: view.leftOut, tracks: view.tracksLeftOut, reason: `marked above TLP:${view.level}` } }),
    incident: view.opening ? input.record : withoutTitle,
    plans: input.snapshots.filter((s) => view.plans.has(s.planId)),
    tracks: view.tracks,
    integrity: input.verify,
    events: view.events.map((e) => row(input.recorded[e.index], e.marking)),
  };
}

function csvExport(input: ExportInput, view: SharedView): string {
  // A spreadsheet row is often copied on its own: every row carries the marking.
  const tlp = `TLP:${view.marking}`;
  const header = ['tlp', 'seq', 'at', 'actor', 'type', 'plan', 'step', 'summary', 'hash'];
  const lines = view.events.map(({ index }) => {
    const r = input.recorded[index];
    const entry = input.state.timeline[index];
    const summary = entry?.retracted ? `[${retractionNote(entry)}] ${entry.summary}` : (entry?.summary ?? '');
    return [tlp, r?.seq ?? '', r?.event.at ?? '', r?.event.actor ?? '', r?.event.type ?? '', entry?.planId ?? '', entry?.stepId ?? '', summary, r?.hash ?? '']
      .map((v) => csvCell(String(v)))
      .join(',');
  });
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}

function markdownExport(input: ExportInput, view: SharedView): string {
  const { record, state } = input;
  const marking = `**TLP:${view.marking}**`;
  const withheld = `— (left out: above TLP:${view.level ?? view.marking})`;
  const opened = (text: string): string => (view.opening ? text : withheld);
  const levelShown = state.level !== undefined && view.plans.has(state.level.planId);
  const closing = input.recorded.findIndex((r) => r.event.type === 'incident-closed');
  const summaryShown = state.summary !== undefined && view.events.some((e) => e.index === closing);
  const out = [
    marking, // first and last, as TLP 2.0 asks of a document
    '',
    view.opening ? `# Incident ${md(record.id)}: ${md(record.title)}` : `# Incident ${md(record.id)}`,
    '',
    ...(view.level === undefined ? [] : [`- Shared at TLP:${view.level}: ${view.leftOut} event${view.leftOut === 1 ? '' : 's'} marked above it left out${view.tracksLeftOut > 0 ? `, and ${view.tracksLeftOut} track${view.tracksLeftOut === 1 ? '' : 's'} in a plan above it` : ''}`]),
    `- Plan: ${md(state.plans.filter((p) => view.plans.has(p)).join(' → ') || withheld)}`,
    `- Status: ${state.closed ? `response closed ${state.closedAt ?? ''}${reportingOpen(state) ? ', reporting open' : ''}` : 'open'}`,
    `- Severity: ${opened(md(state.meta?.severity ?? '—'))}`,
    `- Aware: ${opened(state.meta?.awareness ?? '—')}`,
    `- Opened: ${opened(`${state.meta?.openedAt ?? record.createdAt} by ${md(state.meta?.openedBy ?? '—')}`)}`,
    `- Cooperation level: ${levelShown || state.level === undefined ? md(state.level?.id ?? '—') : withheld}`,
    `- Tracks: ${view.tracks.map((t) => `${md(t.id)} at ${md(`${t.planId}#${t.stepId}`)} (${t.status} since ${t.since})`).join('; ') || '—'}`,
    `- Log integrity: ${integrity(input.verify)}`,
    `- Plan snapshots: ${input.snapshots.filter((s) => view.plans.has(s.planId)).map((s) => `${md(s.planId)} (sha256 ${s.hash.slice(0, 12)}…)`).join(', ') || '—'}`,
    '',
    '## Clocks',
    '',
    '| Clock | Basis | Started | Due | Status |',
    '| --- | --- | --- | --- | --- |',
    ...clockStatus(state, input.now)
      .filter((c) => view.plans.has(c.planId))
      .map((c) => `| ${md(c.title)} | ${md(c.basis)} | ${c.startedAt} | ${c.dueAt} | ${c.status}${c.metAt ? ` ${c.metAt}` : ''} |`),
    '',
    '## Timeline',
    '',
    '| # | Time (UTC) | TLP | Plan | Event | By |',
    '| --- | --- | --- | --- | --- | --- |',
    ...view.events.flatMap(({ index, marking: m }) => {
      const e = state.timeline[index];
      return e ? [`| ${e.seq} | ${e.at} | ${m} | ${md(e.planId)} | ${e.retracted ? `~~${md(e.summary)}~~ (${md(retractionNote(e))})` : md(e.summary)} | ${md(e.actor)} |`] : [];
    }),
  ];
  if (summaryShown && state.summary) out.push('', '## Summary', '', mdBlock(state.summary));
  out.push('', marking);
  return out.join('\n') + '\n';
}

/** The integrity line, with the head to keep for `crisis log verify --anchor` later. */
function integrity(verify: VerifyResult): string {
  if (verify.broken) return `BROKEN at event ${verify.broken.seq}: ${md(verify.broken.reason)}`;
  if (!verify.ok) return `BROKEN: the log's schema was altered: ${md((verify.schema ?? []).join('; '))}`;
  const head = verify.heads[0];
  return `verified (${verify.events} events, SHA-256 chain intact${head ? `; head #${head.seq} \`${formatAnchor(head.hash)}\`` : ''})`;
}
