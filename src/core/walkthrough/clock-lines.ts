// Running clocks as countdowns a stressed reader takes in at a glance.
import type { ClockStatus } from '../engine/index.js';
import type { Styler } from '../report/styler.js';
import { formatDuration } from '../time/duration.js';

/** One line per clock: "early warning due in 3 h 12 min", "notification OVERDUE by 20 min". */
export function clockLines(clocks: readonly ClockStatus[], styler: Styler, formatTime: (iso: string) => string): string[] {
  return clocks.map((c) => {
    const due = formatTime(c.dueAt);
    switch (c.status) {
      case 'overdue':
        return styler.error(`  ✖ ${c.title} OVERDUE by ${formatDuration(c.overdueMs)}`) + styler.dim(`  (was due ${due}; ${c.basis})`);
      case 'running':
        return `  ${styler.warning('◷')} ${c.title} due in ${styler.bold(formatDuration(c.remainingMs))}` + styler.dim(`  (${due}; ${c.basis})`);
      case 'met-late':
        return styler.dim(`  ✔ ${c.title} met ${formatDuration(c.overdueMs)} late`);
      case 'met':
        return styler.dim(`  ✔ ${c.title} met`) + styler.dim(`  (${formatTime(c.metAt ?? c.dueAt)})`);
    }
    return '';
  });
}
