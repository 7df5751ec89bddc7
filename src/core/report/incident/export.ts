// An incident's log as an exchange file: md (a report), json, jsonl (one event a line), csv.
import { clockStatus, type IncidentEvent, type IncidentState, type Plans } from '../../engine/index.js';
import type { IncidentRecord, RecordedEvent, VerifyResult } from '../../ports.js';
import { formatAnchor } from '../../anchors.js';
import type { ExportFormat } from './export-formats.js';

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
      return `${JSON.stringify(jsonExport(input), null, 2)}\n`;
    case 'jsonl':
      return input.recorded.map((r) => JSON.stringify(row(r))).join('\n') + (input.recorded.length > 0 ? '\n' : '');
    case 'csv':
      return csvExport(input);
    case 'md':
      return markdownExport(input);
  }
  return '';
}

function row(r: RecordedEvent<IncidentEvent>): Record<string, unknown> {
  return { seq: r.seq, hash: r.hash, prevHash: r.prevHash, ...r.event };
}

function jsonExport(input: ExportInput): Record<string, unknown> {
  return {
    incident: input.record,
    plans: input.snapshots,
    integrity: input.verify,
    events: input.recorded.map(row),
  };
}

function csvExport(input: ExportInput): string {
  const header = ['seq', 'at', 'actor', 'type', 'plan', 'step', 'summary', 'hash'];
  const lines = input.recorded.map((r, i) => {
    const entry = input.state.timeline[i];
    return [r.seq, r.event.at, r.event.actor, r.event.type, entry?.planId ?? '', entry?.stepId ?? '', entry?.summary ?? '', r.hash]
      .map((v) => csvCell(String(v)))
      .join(',');
  });
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}

/** RFC 4180 quoting; a leading =,+,-,@ is prefixed so spreadsheets do not run it as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function markdownExport(input: ExportInput): string {
  const { record, state } = input;
  const md = (t: string): string => t.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const out = [
    `# Incident ${record.id}: ${md(record.title)}`,
    '',
    `- Plan: ${state.plans.join(' → ')}`,
    `- Status: ${state.closed ? `closed ${state.closedAt ?? ''}` : 'open'}`,
    `- Severity: ${state.meta?.severity ?? '—'}`,
    `- Aware: ${state.meta?.awareness ?? '—'}`,
    `- Opened: ${state.meta?.openedAt ?? record.createdAt} by ${state.meta?.openedBy ?? '—'}`,
    `- Cooperation level: ${state.level?.id ?? '—'}`,
    `- Log integrity: ${integrity(input.verify)}`,
    `- Plan snapshots: ${input.snapshots.map((s) => `${s.planId} (sha256 ${s.hash.slice(0, 12)}…)`).join(', ')}`,
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
    ...state.timeline.map((e) => `| ${e.seq} | ${e.at} | ${e.planId} | ${md(e.summary)} | ${md(e.actor)} |`),
  ];
  if (state.summary) out.push('', '## Summary', '', state.summary);
  return out.join('\n') + '\n';
}

/** The integrity line, with the head to keep for `crisis log verify --anchor` later. */
function integrity(verify: VerifyResult): string {
  if (verify.broken) return `BROKEN at event ${verify.broken.seq}: ${verify.broken.reason}`;
  if (!verify.ok) return `BROKEN: the log's schema was altered: ${(verify.schema ?? []).join('; ')}`;
  const head = verify.heads[0];
  return `verified (${verify.events} events, SHA-256 chain intact${head ? `; head #${head.seq} \`${formatAnchor(head.hash)}\`` : ''})`;
}
