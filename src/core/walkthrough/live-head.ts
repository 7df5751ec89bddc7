// What the walkthrough draws by its menu and draws again every few seconds while the responder
// thinks: the clocks counting down (a frozen "due in 1 min" would lie), a line for each clock that
// went overdue while the screen waited, and on a short terminal the incident and step in brief, so
// they stay in view however long the step is.
import { clockStatus, type IncidentState } from '../engine/index.js';
import type { Clock } from '../ports.js';
import type { Styler } from '../report/styler.js';
import { clockLines } from './clock-lines.js';
import { compactHeader, type ScreenContext } from './step-screen.js';
import { safeLine } from '../safe-text/index.js';
import { wrap } from '../report/wrap.js';

export interface LiveHeadInput {
  state: IncidentState;
  screen: Omit<ScreenContext, 'now'>;
  clock: Clock;
  /** When the screen was drawn: a clock overdue now but not then went overdue while it waited. */
  shownAt: Date;
  /** The compact header goes first (the terminal is too short for the whole screen). */
  compact: boolean;
  /** A driver's own live line (the exercise time), first. */
  extra?: () => string;
}

/** The live region as a function of the moment: call it at each redraw. */
export function liveHead(input: LiveHeadInput): () => string {
  const { state, screen } = input;
  const s: Styler = screen.styler;
  const width = Math.max(40, Math.min(screen.width, 100));
  const before = new Map(clockStatus(state, input.shownAt).map((c) => [`${c.planId}/${c.id}`, c.status]));
  return () => {
    const now = input.clock.now();
    const lines: string[] = [];
    const extra = input.extra?.() ?? '';
    if (extra) lines.push(extra);
    const rule = s.dim('─'.repeat(width));
    if (input.compact) lines.push(rule, ...compactHeader(state, { ...screen, now }));
    const clocks = clockStatus(state, now).filter((c) => c.status !== 'met');
    if (clocks.length > 0) lines.push(...(input.compact ? [] : [rule]), s.bold('CLOCKS'), ...clockLines(clocks, s, screen.formatTime, width));
    for (const c of clocks) {
      if (c.status === 'overdue' && before.get(`${c.planId}/${c.id}`) === 'running') {
        const said = wrap(`! ${safeLine(c.title)} went OVERDUE while this screen waited (due ${screen.formatTime(c.dueAt)})`, width - 2);
        lines.push(...said.map((l, i) => s.error(s.bold(`${i === 0 ? '  ' : '    '}${l}`))));
      }
    }
    return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
  };
}

/**
 * How many lines the live region may take while it waits: what it takes now, and room for each
 * running clock to go overdue (its detail on a line of its own, and the announcement; two lines each).
 */
export function liveLines(text: string, state: IncidentState, now: Date): number {
  const running = clockStatus(state, now).filter((c) => c.status === 'running').length;
  return (text === '' ? 0 : text.split('\n').length - 1) + 2 * running;
}
