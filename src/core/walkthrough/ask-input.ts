// What the walkthrough asks for each kind of action, turned into the engine's ActionInput.
// undefined means the responder backed out: nothing is logged.
import type { Action, ActionInput } from '../engine/index.js';
import { parseDueTime, parseMoment } from '../time/moment.js';
import { safeLine } from '../safe-text/index.js';
import { askNotification, type NotifyContext } from './ask-notification.js';

export type AskContext = NotifyContext;

const BACK = -1;
const required = (what: string) => (v: string) => (v.trim() ? true : `${what} cannot be empty`);

/** Ask what this action needs; undefined when the responder chose to go back. */
export async function askInput(ctx: AskContext, action: Action): Promise<ActionInput | undefined> {
  const p = ctx.prompter;
  switch (action.kind) {
    case 'mark-action-done':
      return {};
    case 'send-notification':
      return askNotification(ctx, action.notification, {});
    case 'take-decision': {
      const option = await p.select<number>({
        message: action.question,
        choices: [
          ...action.options.map((o) => ({
            name: `${o.label}${o.escalate ? `  (escalates to ${o.escalate})` : ''}${o.handover ? `  → ${o.to.planId}` : ''}`,
            value: o.index,
            ...(o.description === undefined ? {} : { description: o.description }),
          })),
          { name: '← Back', value: BACK },
        ],
      });
      return option === BACK ? undefined : { option };
    }
    case 'continue':
    case 'hand-over': {
      const open = [...action.pending.actions, ...action.pending.notifications];
      if (open.length === 0) return {};
      ctx.screen.write(ctx.styler.warning(`Still open at this step:\n${open.map((o) => `  - ${safeLine(o)}`).join('\n')}\n`));
      if (!(await p.confirm({ message: 'Move on anyway?', default: false }))) return undefined;
      // Logged with what was left open, so a review later sees why it was skipped over.
      return { reason: await p.input({ message: 'Why move on with these open? (logged)', required: true, validate: required('The reason') }) };
    }
    case 'run-command':
      return undefined; // run-command.ts: it logs before and after the command, not once
    case 'add-note':
      return { text: await p.input({ message: 'Note:', required: true, validate: required('A note') }) };
    case 'record-notification': {
      const id = await p.select<string>({
        message: 'Which notification or report was sent?',
        choices: [...action.notifications.map((n) => ({ name: `${n.title} → ${n.toTitle}`, value: `${n.planId}#${n.id}` })), { name: '← Back', value: '' }],
      });
      const chosen = action.notifications.find((n) => `${n.planId}#${n.id}` === id);
      return chosen ? askNotification(ctx, chosen, { notification: id }) : undefined;
    }
    case 'start-clock':
      return startClock(ctx, action);
    case 'escalate': {
      const level = await p.select<string>({
        message: `Escalate from ${action.from.title} to`,
        choices: [...action.levels.map((l) => ({ name: l.title, value: l.id })), { name: '← Back', value: '' }],
      });
      if (!level) return undefined;
      return { level, reason: await p.input({ message: 'Why?', required: true, validate: required('The reason') }) };
    }
    case 'skip-step': {
      const reason = await p.input({ message: 'Why skip this step? (logged)', required: true, validate: required('The reason') });
      if (action.targets.length <= 1) return { reason };
      const target = await p.select<number>({
        message: 'Continue at',
        choices: action.targets.map((t, i) => ({ name: `${t.planId}#${t.stepId}`, value: i })),
      });
      return { reason, target };
    }
    case 'close': {
      const summary = await p.input({ message: 'Closing summary (what happened, what was done):', required: true, validate: required('The summary') });
      const owed = action.owed.map((c) => c.title);
      if (owed.length === 0) return (await p.confirm({ message: 'Close the incident? Nothing more can be logged after this.', default: false })) ? { summary } : undefined;
      // A final report can be due a month later: closing the response must not end the reporting.
      ctx.screen.write(ctx.styler.warning(`These clocks still run:\n${owed.map((c) => `  - ${safeLine(c)}`).join('\n')}\n`));
      const message = 'Close the response? Reports, notes and waivers stay open until every clock is met or waived.';
      return (await p.confirm({ message, default: false })) ? { summary } : undefined;
    }
    case 'retract-entry':
      return askRetraction(ctx, action);
    case 'waive-clock': {
      const clock = await p.select<string>({
        message: 'Which clock is waived?',
        choices: [...action.clocks.map((c) => ({ name: c.title, value: `${c.planId}#${c.id}` })), { name: '← Back', value: '' }],
      });
      if (!clock) return undefined;
      return { clock, reason: await p.input({ message: 'Why is it no longer owed? (logged)', required: true, validate: required('The reason') }) };
    }
    case 'view-status':
    case 'view-timeline':
      return {};
  }
  return undefined;
}

/** Which entry to take back, why, and, for a note or a report, whether to correct it. */
async function askRetraction(ctx: AskContext, action: Extract<Action, { kind: 'retract-entry' }>): Promise<ActionInput | undefined> {
  const p = ctx.prompter;
  const seq = await p.select<number>({
    message: 'Which entry? (it stays in the log, struck through)',
    choices: [...action.entries.map((e) => ({ name: `#${e.seq}  ${e.summary}  (${e.actor})`, value: e.seq })), { name: '← Back', value: BACK }],
  });
  const entry = action.entries.find((e) => e.seq === seq);
  if (!entry) return undefined;
  const canCorrect = entry.note !== undefined || entry.notification !== undefined;
  const how = canCorrect
    ? await p.select<string>({ message: `#${entry.seq}`, choices: [{ name: 'Correct it', value: 'correct' }, { name: 'Retract it', value: 'retract' }, { name: '← Back', value: '' }] })
    : 'retract';
  if (!how) return undefined;
  const reason = await p.input({ message: how === 'correct' ? 'What was wrong? (logged)' : 'Why is it retracted? (logged)', required: true, validate: required('The reason') });
  if (how === 'retract') return { seq, reason };
  if (entry.note !== undefined) return { seq, reason, text: await p.input({ message: 'The note as it should read:', default: entry.note, required: true, validate: required('A note') }) };
  if (!entry.notification) return undefined;
  const again = await askNotification(ctx, entry.notification, { notification: `${entry.notification.planId}#${entry.notification.id}` });
  return again ? { ...again, seq, reason } : undefined;
}

async function startClock(ctx: AskContext, action: Extract<Action, { kind: 'start-clock' }>): Promise<ActionInput | undefined> {
  const clock = await ctx.prompter.select<string>({
    message: 'Which clock starts?',
    choices: [...action.clocks.map((c) => ({ name: `${c.title} (${c.starts})`, value: `${c.planId}#${c.id}` })), { name: '← Back', value: '' }],
  });
  if (!clock) return undefined;
  const now = ctx.clock.now();
  const when = await ctx.prompter.input({
    message: 'When did it start? (blank for now, a time such as 07:30 or 2026-11-29 07:30, or how long ago such as PT2H)',
    validate: (v) => (parseMoment(v, now) ? true : 'give a time, a duration such as PT30M, or leave blank'),
  });
  const since = parseMoment(when, now);
  const started = since === undefined || since.getTime() === now.getTime() ? { clock } : { clock, since };
  if (!action.clocks.find((c) => `${c.planId}#${c.id}` === clock)?.asksDue) return started;
  // No deadline in law (a report "upon request"): the request itself says when it is due.
  const from = since ?? now;
  const due = await ctx.prompter.input({
    message: 'When is it due, as the request says? (a time such as 2026-12-05 12:00, or how long from the request such as P3D)',
    validate: (v) => (parseDueTime(v, from) ? true : 'give a time after the request, or a duration such as P3D'),
  });
  return { ...started, due: parseDueTime(due, from) ?? from };
}
