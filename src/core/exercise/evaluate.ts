// Judging one expectation against the state at the end of the run: when it was achieved, by
// when it was due, and by how much it was early or late.
import { formatDuration } from '../time/duration.js';
import { achievement } from './achievement.js';
import { atOffset } from './offsets.js';
import type { ScoringContext } from './scoring-context.js';
import type { Expectation } from './types.js';

export type ExpectationStatus = 'met' | 'late' | 'missed';

export interface Judgement {
  status: ExpectationStatus;
  deadline?: string; // RFC 3339
  achievedAt?: string;
  marginMs?: number; // deadline minus achieved: 0 or more is in time, negative is late
  detail: string; // one phrase for reports
}

/** Met, late or missed, with the deadline, the time achieved and the margin. */
export function judge(e: Expectation, ctx: ScoringContext): Judgement {
  const done = achievement(e, ctx);
  const due = deadline(e, ctx, done.dueAt);
  if (due.problem !== undefined) return { status: 'missed', detail: due.problem, ...(done.at ? { achievedAt: done.at } : {}) };
  const deadlineIso = due.at.toISOString();
  const why = done.why ?? 'not done by the end of the exercise';
  if (done.at === undefined) return due.explicit ? { status: 'missed', deadline: deadlineIso, detail: why } : { status: 'missed', detail: why };
  const marginMs = due.at.getTime() - Date.parse(done.at);
  // Without a deadline of its own, an expectation only has to happen before the end: no margin to show.
  if (!due.explicit) return marginMs < 0 ? { status: 'missed', achievedAt: done.at, detail: 'done after the end of the exercise' } : { status: 'met', achievedAt: done.at, detail: 'met' };
  const base = { deadline: deadlineIso, achievedAt: done.at, marginMs };
  if (marginMs < 0) return { ...base, status: 'late', detail: `late by ${formatDuration(-marginMs)}` };
  return { ...base, status: 'met', detail: marginMs === 0 ? 'met just in time' : `met ${formatDuration(marginMs)} before the deadline` };
}

/** The deadline: the clock's own, `by` from start, `within` from an inject or awareness, else the end. */
function deadline(e: Expectation, ctx: ScoringContext, clockDue: string | undefined): { at: Date; explicit: boolean; problem?: undefined } | { problem: string } {
  if (e.type === 'clock-met') {
    return clockDue === undefined ? { problem: 'the clock never started' } : { at: new Date(clockDue), explicit: true };
  }
  if (e.by !== undefined) {
    const at = atOffset(ctx.start, e.by);
    return at ? { at, explicit: true } : { problem: `"${e.by}" is not a duration` };
  }
  if (e.within !== undefined) {
    const from = e.after !== undefined ? ctx.state.injects.find((i) => i.injectId === e.after)?.at : ctx.state.meta?.awareness;
    if (from === undefined) return { problem: e.after !== undefined ? `inject ${e.after} was never released` : 'the incident was never opened' };
    const at = atOffset(new Date(from), e.within);
    return at ? { at, explicit: true } : { problem: `"${e.within}" is not a duration` };
  }
  return { at: ctx.end, explicit: false };
}
