// The work of the `crisis log` subcommands.
import { safeJson, safeLine } from '../../core/safe-text/index.js';
import { ProblemsFound, UsageError } from '../../core/errors.js';
import { renderTimelineText } from '../../core/report/incident/timeline-text.js';
import { renderExport, sharedView, type ExportInput } from '../../core/report/incident/export.js';
import type { Tlp } from '../../core/plan/types.js';
import { incidentTlp } from '../../core/report/incident/marking.js';
import { plural } from '../../core/report/plural.js';
import { formatAnchor, parseAnchor } from '../../core/anchors.js';
import type { ExportFormat } from '../../core/report/incident/export-formats.js';
import type { IncidentEvent } from '../../core/engine/index.js';
import type { RecordedEvent } from '../../core/ports.js';
import { isPostgresUrl } from '../../adapters/postgres/connection-string.js';
import { looseModeWarning } from '../../adapters/sqlite/file-mode.js';
import { systemClock } from '../../adapters/system-clock.js';
import { checkOutputFile, writeOutputFile } from '../../adapters/output-file.js';
import type { CliIO } from '../io.js';
import { checkpointProblems } from '../checkpoint-check.js';
import { loadIncident } from '../incident-lookup.js';
import { localTime, openLog, type OpenLog } from '../session.js';
import { colourEnabled, createStyler } from '../styler.js';
import type { LogOptions } from './log.js';

// list, show and export only read; verify, which vouches for the log, also runs SQLite's quick_check.
const readLog = (io: CliIO, options: LogOptions, quickCheck = false) => openLog(io, options.db, { readonly: true, quickCheck });

/** List incidents, newest activity last. */
export async function listAction(_id: string | undefined, options: LogOptions, io: CliIO): Promise<void> {
  const log = await readLog(io, options);
  try {
    const incidents = await log.incidents();
    if (options.format === 'json') {
      io.stdout.write(`${safeJson(incidents, 2)}\n`);
      return;
    }
    if (incidents.length === 0) {
      io.stdout.write(`No incidents in ${log.path}.\n`);
      return;
    }
    for (const i of incidents) {
      io.stdout.write(`${safeLine(i.id)}  ${i.closed ? 'closed' : 'open  '}  ${localTime(i.createdAt)}  ${String(i.events).padStart(4)} events  ${safeLine(i.planId)}  ${safeLine(i.title)}\n`);
    }
  } finally {
    await log.close();
  }
}

/** Print an incident's timeline. */
export async function showAction(id: string | undefined, options: LogOptions, io: CliIO): Promise<void> {
  const log = await readLog(io, options);
  try {
    const { record, state, plans } = await loadIncident(log, id);
    const styler = createStyler(colourEnabled(io.env, io.stdout.isTTY));
    io.stdout.write(`${styler.bold(safeLine(record.id))} · ${safeLine(record.title)} · ${state.closed ? 'closed' : 'open'} · ${styler.bold(`TLP:${incidentTlp(state, plans)}`)}\n\n`);
    io.stdout.write(renderTimelineText(state, styler, localTime));
  } finally {
    await log.close();
  }
}

/** Export an incident in md, json, jsonl or csv, to stdout or --output. */
export async function exportAction(id: string | undefined, options: LogOptions, io: CliIO): Promise<void> {
  const log = await readLog(io, options);
  try {
    const output = options.output;
    const target = { force: options.force === true, protect: [log.path], cwd: io.cwd };
    // Refuse a bad --output before the work, so the message is about the file, not the export.
    if (output !== undefined) checkOutputFile(output, target);
    const { record, plans, recorded, state } = await loadIncident(log, id);
    const input: ExportInput = {
      record,
      recorded: await withServerStamps(log, record.id, recorded),
      state,
      plans,
      snapshots: (await log.snapshots(record.id)).map(({ planId, hash }) => ({ planId, hash })),
      verify: await log.verify(record.id),
      now: systemClock.now(),
      ...(options.tlp === undefined ? {} : { tlp: options.tlp as Tlp }),
    };
    const view = sharedView(input);
    const text = renderExport((options.format ?? 'md') as ExportFormat, input, view);
    if (input.tlp !== undefined) {
      io.stderr.write(`crisis: shared at TLP:${input.tlp}: left out ${plural(view.leftOut, 'event')} marked above it${view.tracksLeftOut > 0 ? ` and ${plural(view.tracksLeftOut, 'track')} in a plan above it` : ''}\n`);
    }
    if (output === undefined) {
      io.stdout.write(text);
      return;
    }
    writeOutputFile(output, text, target);
    io.stderr.write(`Wrote ${record.id} (${safeLine(record.title)}) to ${output}\n`);
  } finally {
    await log.close();
  }
}

/** On a team log, each event with what the server stamped on it (who wrote it, when). */
async function withServerStamps(log: OpenLog, id: string, recorded: RecordedEvent<IncidentEvent>[]): Promise<RecordedEvent<IncidentEvent>[]> {
  if (!isPostgresUrl(log.path)) return recorded;
  const { PostgresEventLog } = await import('../../adapters/postgres/postgres-event-log.js');
  if (!(log instanceof PostgresEventLog)) return recorded;
  const stamps = await log.stamps(id);
  return recorded.map((r) => {
    const server = stamps.get(r.seq);
    return server === undefined ? r : { ...r, server };
  });
}

/**
 * Verify the hash chain and print each incident's head for keeping elsewhere; exit 1 with the
 * first broken event when the chain does not hold, or when a kept anchor is no longer in it.
 */
export async function verifyAction(id: string | undefined, options: LogOptions, io: CliIO): Promise<void> {
  const anchors = (options.anchor ?? []).map((text) => {
    const parsed = parseAnchor(text);
    if ('error' in parsed) throw new UsageError(parsed.error);
    return { text, hex: parsed.hex };
  });
  const log = await readLog(io, options, true);
  try {
    if (id !== undefined && !(await log.incident(id))) throw new UsageError(`there is no incident ${id} in ${log.path}; list them with crisis log list`);
    const warning = looseModeWarning(log.path);
    if (warning !== undefined) io.stderr.write(`crisis: ${warning}\n`);
    const result = await log.verify(id, anchors.map((a) => a.hex));
    if (!result.ok) {
      const b = result.broken;
      if (b) io.stdout.write(`BROKEN: incident ${b.incidentId}, first broken sequence number ${b.seq}: ${b.reason}\n`);
      for (const problem of result.schema ?? []) io.stdout.write(`BROKEN: the log's schema was altered: ${problem}\n`);
      throw new ProblemsFound();
    }
    const incidents = id === undefined ? await log.incidents() : [await log.incident(id)].flatMap((r) => (r ? [r] : []));
    const checkpoints = await checkpointProblems(log, incidents);
    if (checkpoints.length > 0) {
      for (const problem of checkpoints) io.stdout.write(`BROKEN: ${problem}: the file was changed outside crisis (its events are intact); keep a copy for investigation\n`);
      throw new ProblemsFound();
    }
    // The verdict comes first: a kept anchor that is gone outweighs a chain that is merely consistent.
    const where = id === undefined ? log.path : `incident ${id}`;
    const lost = result.anchors.flatMap(({ at }, i) => (at ? [] : [anchors[i]?.text ?? '']));
    for (const text of lost) {
      io.stdout.write(`ANCHOR NOT FOUND: ${text} is in no chain of ${where}: the log was rewritten after it was kept, or it comes from another log\n`);
    }
    const counted = `${plural(result.events, 'event')} in ${plural(result.incidents, 'incident')}`;
    io.stdout.write(lost.length === 0 ? `ok: ${counted}, hash chain intact (${log.path})\n` : `the chain of ${counted} is consistent in itself, which a rewrite can also achieve (${log.path})\n`);
    for (const head of result.heads) io.stdout.write(`head ${head.incidentId} #${head.seq} ${formatAnchor(head.hash)}\n`);
    result.anchors.forEach(({ at }, i) => {
      if (at) io.stdout.write(`anchor ${anchors[i]?.text ?? ''}: event #${at.seq} of ${at.incidentId}, unchanged up to there\n`);
    });
    if (lost.length > 0) throw new ProblemsFound();
  } finally {
    await log.close();
  }
}
