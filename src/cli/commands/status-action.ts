// The work of `crisis status` and `crisis note`.
import { shareable } from '../../core/report/incident/event-marking.js';
import type { Tlp } from '../../core/plan/types.js';
import { safeJson } from '../../core/safe-text/index.js';
import { UsageError } from '../../core/errors.js';
import { availableActions, clockStatus, eventsFor, reportingOpen } from '../../core/engine/index.js';
import { renderStatusText } from '../../core/report/incident/status-text.js';
import { incidentTlp } from '../../core/report/incident/marking.js';
import { commitFromLatest } from '../../core/commit.js';
import { systemClock } from '../../adapters/system-clock.js';
import type { CliIO } from '../io.js';
import { incidentLabel } from '../incident-lookup.js';
import { keepCheckpoint, loadIncidentHead, type IncidentHead } from '../incident-head.js';
import { watchIncident } from '../status-watch.js';
import { localTime, openLog, responderName } from '../session.js';
import { colourEnabled, createStyler } from '../styler.js';
import type { NoteOptions, StatusOptions } from './status.js';

/** Print where the incident stands. */
export async function statusAction(options: StatusOptions, io: CliIO): Promise<void> {
  const log = await openLog(io, options.db, { readonly: true, quickCheck: false });
  try {
    const first = await loadIncidentHead(log, options.incident);
    if (options.watch !== true) return printStatus(first, options, io);
    // Each change is read whole again: a teammate's event can change every line of the status.
    await watchIncident(log, first.record.id, io, async () => printStatus(await loadIncidentHead(log, first.record.id), options, io));
  } finally {
    await log.close();
  }
}

function printStatus({ record, plans, state }: IncidentHead, options: StatusOptions, io: CliIO): void {
  const now = systemClock.now();
  if (options.format === 'json') {
    const stepOf = (at: { planId: string; stepId: string }) => plans.get(at.planId)?.steps.find((s) => s.id === at.stepId);
    const tracks = state.tracks.map((t) => ({ id: t.id, status: t.status, since: t.since, ...t.at, title: stepOf(t.at)?.title ?? null, owner: stepOf(t.at)?.owner ?? null, phase: stepOf(t.at)?.phase ?? null }));
    const current = tracks.find((t) => t.status === 'active');
    const body = {
      tlp: incidentTlp(state, plans),
      incident: { id: record.id, title: record.title, plan: record.planId, closed: state.closed, reportingOpen: reportingOpen(state), severity: state.meta?.severity ?? null },
      clocks: clockStatus(state, now),
      // The first active track's step (the only one before tracks existed); every track is in `tracks`.
      current: current ? { planId: current.planId, stepId: current.stepId, title: current.title, phase: current.phase } : null,
      tracks,
      level: state.level ?? null,
      plans: state.plans,
      decisions: state.decisions,
      notifications: state.notifications,
      awareness: state.meta?.awareness ?? null,
      closedAt: state.closedAt ?? null,
      summary: state.summary ?? null,
      at: now.toISOString(),
    };
    // One object per line while watching, so a script reads each as it comes.
    io.stdout.write(`${safeJson(body, options.watch === true ? 0 : 2)}\n`);
    return;
  }
  const styler = createStyler(colourEnabled(io.env, io.stdout.isTTY));
  io.stdout.write(renderStatusText(state, record.id, plans, now, styler, localTime));
}

/** Append a note to the incident. */
export async function noteAction(text: string, options: NoteOptions, io: CliIO): Promise<void> {
  if (!text.trim()) throw new UsageError('the note is empty: give its text, e.g. crisis note "called the hospital CISO"');
  // A note is an append: SQLite checks every page it touches, and `crisis log verify` runs the
  // whole-file check, so a note does not read the whole file first (it would cost O(log size)).
  const log = await openLog(io, options.db, { create: false, quickCheck: false });
  try {
    const head = await loadIncidentHead(log, options.incident, 'only');
    const { record, plans } = head;
    const actor = responderName(io, options.responder);
    const added = await commitFromLatest(log, record.id, plans, (state) => {
      if (state.closed && !reportingOpen(state)) throw new UsageError(`incident ${incidentLabel(record)} is closed and every clock is met or waived; notes can no longer be added`);
      const action = availableActions(state, plans).find((a) => a.kind === 'add-note');
      if (!action) throw new UsageError(`incident ${record.id} does not take notes now`);
      const tlp = options.tlp as Tlp | undefined;
      const planTlp = plans.get(state.planId ?? '')?.metadata.tlp;
      // A marking only ever restricts: a note is never shared wider than the plan it is about.
      if (tlp !== undefined && planTlp !== undefined && !shareable(planTlp, tlp)) {
        throw new UsageError(`the incident's plan is TLP:${planTlp}; a note can be marked ${planTlp} or stricter, not ${tlp}`);
      }
      return eventsFor(state, plans, action, { text, ...(tlp !== undefined ? { tlp } : {}) }, systemClock.now(), actor);
    }, { seq: head.seq, state: head.state });
    await keepCheckpoint(log, head, added);
    io.stdout.write(`Note added to ${incidentLabel(record)} as event ${added[0]?.seq ?? '?'}.\n`);
  } finally {
    await log.close();
  }
}
