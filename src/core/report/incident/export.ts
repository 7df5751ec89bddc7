// An incident's log as an exchange file: md (a report), json, jsonl (one event a line), csv.
import { clockStatus, reportingOpen, type IncidentEvent, type IncidentState, type Plans } from '../../engine/index.js';
import type { IncidentRecord, RecordedEvent, VerifyResult } from '../../ports.js';
import { formatAnchor } from '../../anchors.js';
import { incidentTlp } from './marking.js';
import { retractionNote } from './retraction-text.js';
import { csvCell, mdBlock, mdText as md, safeJson } from '../../safe-text/index.js';
import type { ExportFormat } from './export-formats.js';
import { incidentHtml } from './html.js';

export interface ExportInput {
  record: IncidentRecord;
  recorded: readonly RecordedEvent<IncidentEvent>[];
  state: IncidentState;
  plans: Plans;
  snapshots: readonly { planId: string; hash: string }[];
  verify: VerifyResult;
  now: Date;
}

/** Render the incident in one export format. */
export function renderExport(format: ExportFormat, input: ExportInput): string {
  switch (format) {
    case 'json':
      return `${safeJson(jsonExport(input), 2)}\n`;
    case 'jsonl': {
      // Each line can travel alone, so each carries the marking.
      const tlp = incidentTlp(input.state, input.plans);
      return input.recorded.map((r) => safeJson({ tlp, ...row(r) })).join('\n') + (input.recorded.length > 0 ? '\n' : '');
    }
    case 'csv':
      return csvExport(input);
    case 'md':
      return markdownExport(input);
    case 'html':
      return incidentHtml(input);
  }
  return '';
}

function row(r: RecordedEvent<IncidentEvent>): Record<string, unknown> {
  // The server's stamp last: no key inside an event can pass for it.
  return { seq: r.seq, hash: r.hash, prevHash: r.prevHash, ...r.event, ...(r.server === undefined ? {} : { server: r.server }) };
}

function jsonExport(input: ExportInput): Record<string, unknown> {
  return {
    tlp: incidentTlp(input.state, input.plans),
    incident: input.record,
    plans: input.snapshots,
    integrity: input.verify,
    events: input.recorded.map(row),
  };
}

function csvExport(input: ExportInput): string {
  // A spreadsheet row is often copied on its own: every row carries the marking.
  const tlp = `TLP:${incidentTlp(input.state, input.plans)}`;
  const header = ['tlp', 'seq', 'at', 'actor', 'type', 'plan', 'step', 'summary', 'hash'];
  const lines = input.recorded.map((r, i) => {
    const entry = input.state.timeline[i];
    const summary = entry?.retracted ? `[${retractionNote(entry)}] ${entry.summary}` : (entry?.summary ?? '');
    return [tlp, r.seq, r.event.at, r.event.actor, r.event.type, entry?.planId ?? '', entry?.stepId ?? '', summary, r.hash]
      .map((v) => csvCell(String(v)))
      .join(',');
  });
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}

function markdownExport(input: ExportInput): string {
  const { record, state } = input;
  const marking = `**TLP:${incidentTlp(state, input.plans)}**`;
  const out = [
    marking, // first and last, as TLP 2.0 asks of a document
    '',
    `# Incident ${md(record.id)}: ${md(record.title)}`,
    '',
    `- Plan: ${md(state.plans.join(' → '))}`,
    `- Status: ${state.closed ? `response closed ${state.closedAt ?? ''}${reportingOpen(state) ? ', reporting open' : ''}` : 'open'}`,
    `- Severity: ${md(state.meta?.severity ?? '—')}`,
    `- Aware: ${state.meta?.awareness ?? '—'}`,
    `- Opened: ${state.meta?.openedAt ?? record.createdAt} by ${md(state.meta?.openedBy ?? '—')}`,
    `- Cooperation level: ${md(state.level?.id ?? '—')}`,
    `- Log integrity: ${integrity(input.verify)}`,
    `- Plan snapshots: ${input.snapshots.map((s) => `${md(s.planId)} (sha256 ${s.hash.slice(0, 12)}…)`).join(', ')}`,
    '',
    '## Clocks',
    '',
    '| Clock | Basis | Started | Due | Status |',
    '| --- | --- | --- | --- | --- |',
    ...clockStatus(state, input.now).map((c) => `| ${md(c.title)} | ${md(c.basis)} | ${c.startedAt} | ${c.dueAt} | ${c.status}${c.metAt ? ` ${c.metAt}` : ''} |`),
    '',
    '## Timeline',
    '',
    '| # | Time (UTC) | Plan | Event | By |',
    '| --- | --- | --- | --- | --- |',
    ...state.timeline.map((e) => `| ${e.seq} | ${e.at} | ${md(e.planId)} | ${e.retracted ? `~~${md(e.summary)}~~ (${md(retractionNote(e))})` : md(e.summary)} | ${md(e.actor)} |`),
  ];
  if (state.summary) out.push('', '## Summary', '', mdBlock(state.summary));
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
