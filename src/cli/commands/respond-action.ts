// Open or resume an incident, then hand over to the walkthrough.
import { randomBytes } from 'node:crypto';
import { UsageError } from '../../core/errors.js';
import { safeLine } from '../../core/safe-text/index.js';
import { fold, openIncident, reportingOpen, type Plans } from '../../core/engine/index.js';
import type { IncidentRecord, Prompter } from '../../core/ports.js';
import type { Plan } from '../../core/plan/types.js';
import { parseMoment } from '../../core/time/moment.js';
import { sigintInterrupts, workingFolder } from '../../adapters/command-context.js';
import { processRunner } from '../../adapters/process-runner.js';
import { pagerFrom } from '../../adapters/env-pager.js';
import { createInquirerPrompter } from '../../adapters/inquirer-prompter.js';
import { systemClock } from '../../adapters/system-clock.js';
import { terminalScreen } from '../../adapters/terminal-screen.js';
import type { CliIO } from '../io.js';
import { incidentLabel } from '../incident-lookup.js';
import { headLines } from '../head-line.js';
import { resumeCommand, walkAnyLog } from '../team-walk.js';
import { loadPlansForIncident, plansFromSnapshots } from '../load-plans.js';
import { commandFor, localTime, openLog, responderName } from '../session.js';
import { refreshCheckpoint } from '../incident-head.js';
import { colourEnabled, createStyler } from '../styler.js';
import type { RespondOptions } from './respond.js';

type Log = Awaited<ReturnType<typeof openLog>>;

/** Run the walkthrough; returns when the responder pauses or closes the incident. */
export async function respondAction(options: RespondOptions, io: CliIO): Promise<void> {
  if (!io.stdinIsTTY || !io.stdout.isTTY) {
    throw new UsageError(
      'crisis respond needs a terminal; from a script use crisis status, crisis note, crisis log list|show|export|verify or crisis exercise run',
    );
  }
  const log = await openLog(io, options.db);
  let active = log; // the local copy instead, when the team log went away
  let incidentId = options.incident;
  const resumeWith = (id: string): string => commandFor(io, log.path, `respond --incident ${id}`);
  const prompter = createInquirerPrompter(() =>
    incidentId ? `interrupted; everything confirmed so far is saved. Resume with: ${resumeWith(incidentId)}` : 'interrupted; nothing was opened',
  );
  try {
    const actor = responderName(io, options.responder);
    const opened = incidentId ? await resume(log, incidentId) : await openOrPick(log, prompter, options, io, actor);
    incidentId = opened.id;
    const styler = createStyler(colourEnabled(io.env, io.stdout.isTTY));
    const deps = { log, prompter, screen: terminalScreen(), clock: systemClock, runner: processRunner, styler, formatTime: localTime, workdir: workingFolder(io.cwd), interrupts: sigintInterrupts, ...pagerFrom(io.env) };
    const walked = await walkAnyLog(deps, { incidentId, plans: opened.plans, actor, resumeHint: resumeWith(incidentId), ...roleOf(options.role ?? io.env['CRISIS_ROLE']) }, io, resumeCommand(io, incidentId));
    const { outcome } = walked;
    active = walked.log;
    const record = await active.incident(incidentId);
    const named = record ? incidentLabel(record) : incidentId;
    io.stdout.write(
      outcome === 'closed'
        ? `Incident ${named} is closed. Export it with: ${commandFor(io, active.path, `log export ${incidentId} --format md`)}\n`
        : `Paused ${named}. Everything is saved. Resume with: ${resumeCommand(io, incidentId)(active)}\n`,
    );
    io.stdout.write(await headLines(active, incidentId));
    await refreshCheckpoint(active, incidentId);
  } finally {
    await active.close();
    if (active !== log) await log.close();
  }
}

async function resume(log: Log, id: string): Promise<{ id: string; plans: Plans }> {
  const record = await log.incident(id);
  if (!record) throw new UsageError(`there is no incident ${id} in ${log.path}; list them with crisis log list`);
  if (id.startsWith('ex-')) throw new UsageError(`incident ${id} is a facilitated exercise; resume it with crisis exercise play FILE --incident ${id}`);
  const plans = plansFromSnapshots(await log.snapshots(id), id);
  const state = fold(plans, (await log.events(id)).map((r) => r.event)); // fail now, not mid-walk, if the log cannot be replayed
  // A closed response whose clocks are still owed goes on for its reporting.
  if (record.closed && !reportingOpen(state)) throw new UsageError(`incident ${id} is closed; see it with crisis log show ${id}`);
  return { id, plans };
}

async function openOrPick(log: Log, prompter: Prompter, options: RespondOptions, io: CliIO, actor: string): Promise<{ id: string; plans: Plans }> {
  // Facilitated exercises (ids ex-…) are resumed with crisis exercise play, not here.
  const open = (await log.incidents()).filter((i) => !i.closed && !i.id.startsWith('ex-'));
  if (open.length > 0 && !options.new && options.plan === undefined && options.title === undefined) {
    const choice = await prompter.select<string>({
      message: 'Open incidents',
      choices: [...open.reverse().map((i) => ({ name: describe(i), value: i.id })), { name: 'Open a new incident', value: '' }],
    });
    if (choice) return await resume(log, choice);
  }
  const loaded = loadPlansForIncident(options.plan, io.cwd);
  const title = options.title?.trim() || (await prompter.input({ message: 'Incident title:', required: true, validate: (v) => (v.trim() ? true : 'a title is needed') }));
  const now = systemClock.now();
  const aware = await awareness(prompter, options.aware, now);
  const severity = await pickSeverity(prompter, loaded.plan, options.severity);
  const id = newIncidentId(now);
  const events = openIncident(loaded.plans, {
    planId: loaded.plan.metadata.id,
    title: title.trim(),
    awareness: aware,
    ...(severity === undefined ? {} : { severity }),
    at: now,
    actor,
  });
  // One transaction: an incident is never left without its opening events.
  await log.createIncident({ id, title: title.trim(), planId: loaded.plan.metadata.id, createdAt: now.toISOString(), plans: loaded.snapshots, events });
  return { id, plans: loaded.plans };
}

async function awareness(prompter: Prompter, flag: string | undefined, now: Date): Promise<Date> {
  if (flag !== undefined) {
    const when = parseMoment(flag, now);
    if (!when) throw new UsageError(`--aware '${flag}' is not a time: give e.g. 07:30 (the last 07:30), 2026-11-29T07:30Z, '2026-11-29 07:30' or PT2H (two hours ago)`);
    if (when.getTime() > now.getTime()) throw new UsageError(`--aware '${flag}' is in the future: give when your organisation became aware`);
    return when;
  }
  const text = await prompter.input({
    message: 'When did your organisation become aware? (blank for now, a time such as 07:30 or 2026-11-29 07:30, or how long ago such as PT2H)',
    validate: (v) => {
      const when = parseMoment(v, now);
      if (!when) return 'give a time such as 07:30 or 2026-11-29 07:30, a duration such as PT2H, or leave blank';
      return when.getTime() <= now.getTime() ? true : 'that is in the future';
    },
  });
  return parseMoment(text, now) ?? now;
}

async function pickSeverity(prompter: Prompter, plan: Plan, flag: string | undefined): Promise<string | undefined> {
  const severities = [...(plan.severities ?? [])].sort((a, b) => a.rank - b.rank);
  if (flag !== undefined) {
    if (!severities.some((s) => s.id === flag)) {
      throw new UsageError(`--severity '${flag}' is not a severity of ${plan.metadata.id}: use one of ${severities.map((s) => s.id).join(', ') || '(none defined)'}`);
    }
    return flag;
  }
  if (severities.length === 0) return undefined;
  return prompter.select<string>({
    message: 'Severity',
    // The id shown is the one --severity takes: one set of ids everywhere; the EU category it maps to comes after.
    choices: severities.map((s) => ({ name: `${s.title} (${s.id}; ${s.mapsTo.replace(/-/g, ' ')})`, value: s.id, description: s.criteria.join('; ') })),
  });
}

function describe(i: IncidentRecord): string {
  return `${i.id}  ${safeLine(i.title)}  (${i.planId}, ${i.events} events, last ${i.lastEventAt ? localTime(i.lastEventAt) : '—'})`;
}

/** A short id a responder can type and read aloud: date plus four random hex digits. */
function newIncidentId(now: Date): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  return `inc-${day}-${randomBytes(2).toString('hex')}`;
}

/** The responder's role, when given and not blank. */
function roleOf(role: string | undefined): { role?: string } {
  return role !== undefined && role.trim() !== '' ? { role: role.trim() } : {};
}
