// Running clocks as countdowns a stressed reader takes in at a glance.
import type { ClockStatus } from '../engine/index.js';
import type { Styler } from '../report/styler.js';
import { formatDuration } from '../time/duration.js';
import { visibleLength, wrap } from '../report/wrap.js';
import { safeLine } from '../safe-text/index.js';

/**
 * One line per clock: "early warning due in 3 h 12 min", "notification OVERDUE by 20 min".
 * The detail in brackets moves under the countdown when both do not fit in `width` columns.
 */
export function clockLines(clocks: readonly ClockStatus[], styler: Styler, formatTime: (iso: string) => string, width = Infinity): string[] {
  return clocks.flatMap((c) => {
    const [head, detail] = clockLine(c, styler, formatTime);
    if (!detail) return [head];
    const oneLine = `${head}  ${styler.dim(`(${detail})`)}`;
    if (visibleLength(oneLine) <= width) return [oneLine];
    return [head, ...wrap(`(${detail})`, Math.max(20, width - 6)).map((l) => styler.dim(`      ${l}`))];
  });
}

/** The countdown, and the detail (due time, legal basis) that may go on its own line. */
function clockLine(clock: ClockStatus, styler: Styler, formatTime: (iso: string) => string): [string, string?] {
  const c = { ...clock, title: safeLine(clock.title), basis: safeLine(clock.basis) };
  const due = formatTime(c.dueAt);
  switch (c.status) {
    case 'overdue':
      return [styler.error(`  ✖ ${c.title} OVERDUE by ${formatDuration(c.overdueMs)}`), `was due ${due}; ${c.basis}`];
    case 'running':
      return [`  ${styler.warning('◷')} ${c.title} due in ${styler.bold(formatDuration(c.remainingMs))}`, `${due}; ${c.basis}`];
    case 'met-late':
      return [styler.dim(`  ✔ ${c.title} met ${formatDuration(c.overdueMs)} late`)];
    case 'met':
      return [styler.dim(`  ✔ ${c.title} met`), formatTime(c.metAt ?? c.dueAt)];
    case 'waived':
      return [styler.dim(`  – ${c.title} waived`), safeLine(c.waived?.reason ?? '')];
  }
}
