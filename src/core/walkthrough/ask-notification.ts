// What the walkthrough asks before recording a report as sent: the channel (never an arbitrary
// default), a reason when that channel may not carry the report's TLP, when it was sent (it may
// have been phoned in before it is logged), and a confirmation that Enter alone does not give.
import type { ActionInput, NotificationChoice, Plans } from '../engine/index.js';
import { aboveCeiling } from '../tlp.js';
import type { Channel } from '../plan/types.js';
import type { Clock, Prompter, Screen } from '../ports.js';
import type { Styler } from '../report/styler.js';
import { parseMoment } from '../time/moment.js';
import { safeLine } from '../safe-text/index.js';

export interface NotifyContext {
  prompter: Prompter;
  screen: Screen;
  clock: Clock;
  styler: Styler;
  plans: Plans;
  /** The incident's awareness (RFC 3339): a report cannot have been sent before it. */
  awareness?: string;
  formatTime?: (iso: string) => string;
}

const BACK = '';

/** Ask how a report went out; undefined when the responder backed out (nothing is logged). */
export async function askNotification(ctx: NotifyContext, n: NotificationChoice, input: ActionInput): Promise<ActionInput | undefined> {
  const channels = ctx.plans.get(n.planId)?.channels ?? [];
  const channel = channels.length === 0 ? undefined : await askChannel(ctx, n, channels);
  if (channel === BACK) return undefined;
  const via = channels.find((c) => c.id === (channel ?? n.channel));
  const tlpReason = via && aboveCeiling(n.tlp, via.maxTlp) ? await askTlpReason(ctx, n, via) : undefined;
  const now = ctx.clock.now();
  const sentAt = await askSentAt(ctx, now);
  const when = sentAt === undefined ? 'now' : (ctx.formatTime ?? ((iso: string) => iso))(sentAt.toISOString());
  const sure = await ctx.prompter.confirm({
    message: `Record ${n.title} → ${n.toTitle}${via ? ` via ${via.title}` : ''}, sent ${when}?`,
    default: false, // Enter twice must not record a legal notification as sent
  });
  if (!sure) return undefined;
  return {
    ...input,
    ...(channel !== undefined && channel !== n.channel ? { channel } : {}),
    ...(tlpReason !== undefined ? { tlpReason } : {}),
    ...(sentAt !== undefined ? { sentAt } : {}),
  };
}

/**
 * The plan's channel for the report is pre-selected. Without one the cursor starts on Back, so a
 * stray Enter backs out instead of taking whichever channel happens to be listed first.
 */
async function askChannel(ctx: NotifyContext, n: NotificationChoice, channels: readonly Channel[]): Promise<string> {
  const own = n.channel !== undefined && channels.some((c) => c.id === n.channel) ? n.channel : undefined;
  const back = { name: '← Back', value: BACK };
  const entries = channels.map((c) => ({
    name: `${c.title}${c.id === own ? "  (the plan's channel)" : ''}${c.maxTlp !== undefined ? `  (up to TLP:${c.maxTlp})` : ''}`,
    value: c.id,
  }));
  return ctx.prompter.select<string>({
    message: `${n.title} → ${n.toTitle} (TLP:${n.tlp}) went through${own === undefined ? ' (choose the channel)' : ''}`,
    choices: own === undefined ? [back, ...entries] : [...entries, back],
    default: own ?? BACK,
  });
}

async function askTlpReason(ctx: NotifyContext, n: NotificationChoice, via: Channel): Promise<string> {
  ctx.screen.write(ctx.styler.warning(`${safeLine(via.title)} may carry at most TLP:${safeLine(String(via.maxTlp))}; this report is TLP:${safeLine(n.tlp)}.\n`));
  return ctx.prompter.input({
    message: 'Why send it this way? (logged)',
    required: true,
    validate: (v) => (v.trim() ? true : 'The reason cannot be empty'),
  });
}

/** When it went out: blank for now; a time earlier than now is kept as the send time. */
async function askSentAt(ctx: NotifyContext, now: Date): Promise<Date | undefined> {
  const awareness = ctx.awareness === undefined ? undefined : Date.parse(ctx.awareness);
  const answer = await ctx.prompter.input({
    message: 'When was it sent? (blank for now, a time such as 08:00 or 2026-11-29 08:00, or how long ago such as PT2H)',
    validate: (v) => {
      const at = parseMoment(v, now);
      if (!at) return 'give a time, a duration such as PT30M, or leave blank';
      if (at.getTime() > now.getTime()) return 'it cannot have been sent in the future';
      if (awareness !== undefined && at.getTime() < awareness) return 'it cannot have been sent before the incident was known';
      return true;
    },
  });
  const at = parseMoment(answer, now);
  return at === undefined || at.getTime() === now.getTime() ? undefined : at;
}
