// One screen per step: everything a responder needs to act, in the order they need it.
import { clockStatus, reportingOpen, roleTitle, stepKey, type IncidentState, type Plans, type TrackState } from '../engine/index.js';
import type { Plan, Role, Step } from '../plan/types.js';
import type { Styler } from '../report/styler.js';
import { packParts, visibleLength, wrap } from '../report/wrap.js';
import { clockLines } from './clock-lines.js';
import { commandLine, commandLines, quoteArg, safeBlock, safeLine as t } from '../safe-text/index.js';

export interface ScreenContext {
  incidentId: string;
  plans: Plans;
  now: Date;
  styler: Styler;
  formatTime: (iso: string) => string;
  width: number;
  /** The track whose step is shown (default: the first active one). */
  focus?: string;
  /** Leave the CLOCKS section out (the walkthrough draws it live, under the step). */
  withoutClocks?: boolean;
}

/** How many of the latest notes the step screen shows. */
const NOTES_SHOWN = 3;

/** The step screen for the incident's current state. */
export function renderStepScreen(state: IncidentState, ctx: ScreenContext): string {
  const { styler: s } = ctx;
  // Lines fit the terminal (a narrow split pane at night) but never run wider than 100 columns.
  const width = Math.max(40, Math.min(ctx.width, 100));
  const rule = s.dim('─'.repeat(width));
  const lines: string[] = [...header(state, ctx, width), rule];

  const clocks = ctx.withoutClocks === true ? [] : clockStatus(state, ctx.now).filter((c) => c.status !== 'met');
  if (clocks.length > 0) lines.push(s.bold('CLOCKS'), ...clockLines(clocks, s, ctx.formatTime, width), rule);

  if (state.tracks.length > 1) lines.push(s.bold('TRACKS'), ...trackLines(state, ctx), rule);
  const current = focused(state, ctx.focus)?.at;
  const plan = current ? ctx.plans.get(current.planId) : undefined;
  const step = plan?.steps.find((x) => x.id === current?.stepId);
  if (state.closed) {
    const closed = `Response closed ${state.closedAt ? ctx.formatTime(state.closedAt) : ''}`;
    lines.push(reportingOpen(state) ? s.warning(`${closed} · reporting open until every clock is met or waived`) : s.ok(closed), ...wrap(safeBlock(state.summary ?? ''), width));
  }
  else if (plan && step && current) lines.push(...stepLines(ctx.plans, plan, step, state.actionsDone[stepKey(current)] ?? [], s, width), ...unfinishedCommand(state, s, ctx.formatTime));
  if (state.notes.length > 0) lines.push(rule, ...noteLines(state, ctx, width));
  return lines.join('\n') + '\n';
}

/** The latest notes of the incident, whoever wrote them (a teammate in another terminal), oldest first. */
function noteLines(state: IncidentState, ctx: ScreenContext, width: number): string[] {
  const s = ctx.styler;
  const latest = state.notes.slice(-NOTES_SHOWN);
  const more = state.notes.length - latest.length;
  return [
    s.bold(`NOTES${more > 0 ? s.dim(` (latest ${latest.length} of ${state.notes.length}; all in the timeline)`) : ''}`),
    ...latest.flatMap((n) => {
      const [first = '', ...rest] = wrap(t(n.text), Math.max(20, width - 4));
      return [`  ${s.dim(`${ctx.formatTime(n.at)} · ${t(n.actor)}`)}`, `    ${first}`, ...rest.map((l) => `    ${l}`)];
    }),
  ];
}

/**
 * The head in two lines or so, for a terminal too short to keep the whole screen in view: which
 * incident, plan and level, and which step. The walkthrough draws it with the clocks, by the menu.
 */
export function compactHeader(state: IncidentState, ctx: ScreenContext): string[] {
  const s = ctx.styler;
  const width = Math.max(40, Math.min(ctx.width, 100));
  const levelPlan = state.level ? ctx.plans.get(state.level.planId) : undefined;
  const level = levelPlan?.levels.find((l) => l.id === state.level?.id);
  const at = focused(state, ctx.focus)?.at;
  const step = at ? ctx.plans.get(at.planId)?.steps.find((x) => x.id === at.stepId) : undefined;
  const plan = state.planId ? ctx.plans.get(state.planId) : undefined;
  return [
    ...packParts([s.bold(t(ctx.incidentId)), t(state.planId ?? '?'), `${s.dim('level')} ${t(level?.title ?? state.level?.id ?? '?')}`, s.bold(`TLP:${t(plan?.metadata.tlp ?? '?')}`)], width),
    ...(state.closed ? [] : wrap(t(step?.title ?? at?.stepId ?? '?'), width - 6).map((l, i) => s.bold(s.accent(`${i === 0 ? 'STEP' : '    '}  ${l}`)))),
  ];
}

function header(state: IncidentState, ctx: ScreenContext, width: number): string[] {
  const s = ctx.styler;
  const meta = state.meta;
  const plan = state.planId ? ctx.plans.get(state.planId) : undefined;
  const levelPlan = state.level ? ctx.plans.get(state.level.planId) : undefined;
  const level = levelPlan?.levels.find((l) => l.id === state.level?.id);
  const at = focused(state, ctx.focus)?.at;
  const step = at ? ctx.plans.get(at.planId)?.steps.find((x) => x.id === at.stepId) : undefined;
  return [
    ...packParts([`${s.bold('INCIDENT')} ${t(ctx.incidentId)}`, t(meta?.title ?? ''), ...(meta?.severity ? [`severity ${t(meta.severity)}`] : [])], width),
    ...packParts(
      [
        `${s.bold('Plan')} ${t(state.planId ?? '?')}`,
        // A long level title wraps by words rather than running off a narrow terminal.
        ...wrap(`Level ${t(level ? `${level.title} (${level.id})` : (state.level?.id ?? '?'))}`, width).map((l, i) => (i === 0 ? `${s.bold('Level')}${l.slice('Level'.length)}` : l)),
        `${s.bold('Phase')} ${t(step?.phase ?? '?')}`,
        // The marking of what this screen shows: the plan's, whose contacts and steps are on it.
        s.bold(`TLP:${t(plan?.metadata.tlp ?? '?')}`),
      ],
      width,
    ),
  ];
}

/** The track shown: the one asked for while it works, else the first active one. */
export function focused(state: IncidentState, focus: string | undefined): TrackState | undefined {
  const active = state.tracks.filter((k) => k.status === 'active');
  return active.find((k) => k.id === focus) ?? active[0];
}

/** One line per running track: which is shown, its step, who owns it, and how long it has waited there. */
function trackLines(state: IncidentState, ctx: ScreenContext): string[] {
  const s = ctx.styler;
  const shown = focused(state, ctx.focus)?.id;
  return state.tracks.map((k) => {
    const step = ctx.plans.get(k.at.planId)?.steps.find((x) => x.id === k.at.stepId);
    const owner = step ? roleTitle(ctx.plans, step.owner, k.at.planId) : '?';
    const minutes = Math.max(0, Math.floor((ctx.now.getTime() - Date.parse(k.since)) / 60_000));
    const waited = minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
    const line = `${k.id === shown ? '▸' : ' '} ${t(step?.title ?? k.at.stepId)} · ${t(owner)} · ${k.status === 'waiting' ? 'waiting at the join' : 'at it'} for ${waited}`;
    return k.id === shown ? s.bold(line) : line;
  });
}

function stepLines(plans: Plans, plan: Plan, step: Step, done: readonly { index: number }[], s: Styler, width: number): string[] {
  // Wrapped by words; the step's id goes to the next line when it does not fit after the title.
  const title = wrap(t(step.title), width - 6).map((l, i) => s.bold(s.accent(`${i === 0 ? 'STEP' : '    '}  ${l}`)));
  const id = `[${t(step.id)}]`;
  const last = title.length - 1;
  if (visibleLength(title[last] ?? '') + 2 + id.length <= width) title[last] = `${title[last] ?? ''}${s.dim(`  ${id}`)}`;
  else title.push(...wrap(id, width).map((l) => s.dim(`  ${l}`)));
  const lines = [...title, ...labelled('Basis:', t(step.basis), width, s.dim)];
  const owner = plan.roles.find((r) => r.id === step.owner);
  lines.push(...labelled('Owner:', t(owner ? owner.title : step.owner), width, s.dim), ...contactLines(plan, owner, s, width));
  if (step.description) lines.push('', ...wrap(safeBlock(step.description), width - 2).map((l) => `  ${l}`));
  if (step.actions && step.actions.length > 0) {
    const doneSet = new Set(done.map((d) => d.index));
    lines.push('', s.bold('  Actions'));
    step.actions.forEach((text, i) => {
      // Wrapped under the text, not under the box, so the checklist still reads as a column.
      const [first = '', ...rest] = wrap(t(text), width - 7);
      const item = [`   [${doneSet.has(i) ? 'x' : ' '}] ${first}`, ...rest.map((l) => `       ${l}`)];
      lines.push(...(doneSet.has(i) ? item.map((l) => s.dim(l)) : item));
    });
  }
  for (const id of step.notify ?? []) {
    const n = plan.notifications?.find((x) => x.id === id);
    if (!n) continue;
    // Titles, not ids: the role that receives it and the channel it goes through.
    const via = n.channel === undefined ? undefined : (plan.channels?.find((c) => c.id === n.channel)?.title ?? n.channel);
    const from = n.from === undefined ? '' : `${roleTitle(plans, n.from, plan.metadata.id)} → `;
    lines.push(...labelled('Notify:', t(`${n.title}: ${from}${roleTitle(plans, n.to, plan.metadata.id)} (TLP:${n.tlp}${via ? `, via ${via}` : ''})`), width, s.dim));
  }
  if (step.run) lines.push(...commandSection(step.run, s));
  if (step.decision) lines.push('', ...labelled('Decision:', t(step.decision.question), width, s.bold));
  return lines;
}

/** One argument per line, each quoted with its control characters visible: no argument can hide another. */
function commandSection(run: NonNullable<Step['run']>, s: Styler): string[] {
  const [program = '', ...args] = commandLines(run.argv);
  const lines = [`  ${s.dim('Command:')} ${program}`, ...args.map((a) => `           ${a}`)];
  if (run.cwd !== undefined) lines.push(`  ${s.dim('In folder:')} ${quoteArg(run.cwd)}`);
  if (run.env && run.env.length > 0) lines.push(`  ${s.dim('Passes on:')} ${run.env.map(quoteArg).join(', ')}`);
  return lines;
}

/** A command-started with no result: its session ended while it ran (or another terminal runs it now). */
function unfinishedCommand(state: IncidentState, s: Styler, formatTime: (iso: string) => string): string[] {
  const c = state.runningCommand;
  if (!c) return [];
  return [
    s.warning(`  ! A command started ${formatTime(c.at)} by ${t(c.actor)} has no result in the log:`),
    s.warning(`    ${commandLine(c.argv)}`),
    s.warning('    it may still be running in another terminal, or its session ended while it ran.'),
  ];
}

/** `  Label: text`, wrapped to the width with the text's later lines under its first. */
function labelled(label: string, text: string, width: number, style: (t: string) => string): string[] {
  const indent = ' '.repeat(label.length + 3);
  const [first = '', ...rest] = wrap(text, Math.max(20, width - indent.length));
  return [`  ${style(label)} ${first}`, ...rest.map((l) => indent + l)];
}

/** One contact per item, wrapped by words under its text. */
function contactLines(plan: Plan, role: Role | undefined, s: Styler, width: number): string[] {
  return (role?.contacts ?? []).flatMap((c) => {
    const channel = plan.channels?.find((ch) => ch.id === c.channel);
    const extra = [c.availability, c.backup ? 'backup' : undefined].filter(Boolean).join(', ');
    const [first = '', ...rest] = wrap(`${t(channel?.title ?? c.channel)}: ${t(c.value)}${extra ? ` (${t(extra)})` : ''}`, Math.max(20, width - 6));
    return [`    ${s.dim('·')} ${first}`, ...rest.map((l) => `      ${l}`)];
  });
}
