// Regulatory and plan clocks: when each is due, and how each started clock stands at a given time.
import type { Clock } from '../plan/types.js';
import { addDuration, parseDuration, type Duration } from '../time/duration.js';
import { EngineError } from './errors.js';
import { isOwed, type IncidentState, type StartedClock } from './state.js';
import { parseIso } from './time.js';

export type ClockStatusKind = 'running' | 'met' | 'overdue' | 'met-late' | 'waived';

export interface ClockStatus {
  planId: string;
  id: string;
  title: string;
  basis: string;
  startedAt: string;
  dueAt: string;
  metAt?: string;
  /** Why it was set aside, when it was waived. */
  waived?: { at: string; actor: string; reason: string };
  status: ClockStatusKind;
  /** Time left before the deadline: until due from now (running), or the margin it was met with. */
  remainingMs: number;
  /** Time past the deadline: from due to now (overdue), or how late it was met (met-late). */
  overdueMs: number;
}

/** What a deadline may depend on besides its start: the incident's awareness, a due time given with the request. */
export interface DueContext {
  awareness?: Date;
  /** For a clock with no `within` (an on-request report with no deadline in law): when the request said it is due. */
  given?: Date;
}

/**
 * When a clock that starts at `startedAt` is due (calendar-aware: P1M is one calendar month): `within`
 * from its start, or the due time given with the request; never later than its outer limit.
 */
export function clockDue(clock: Clock, startedAt: Date, ctx: DueContext = {}): Date {
  let due: Date;
  if (clock.within === undefined) {
    if (!ctx.given) throw new EngineError('invalid-input', `Clock "${clock.id}" has no deadline of its own: give the due time the request names.`);
    due = ctx.given;
  } else due = addDuration(startedAt, duration(clock, clock.within));
  if (clock.noLaterThan && ctx.awareness) {
    const outer = addDuration(ctx.awareness, duration(clock, clock.noLaterThan.within));
    if (outer < due) due = outer;
  }
  return due;
}

function duration(clock: Clock, text: string): Duration {
  const d = parseDuration(text);
  if (!d) throw new EngineError('bad-duration', `Clock "${clock.id}" has an unreadable duration "${text}".`);
  return d;
}

/** The run of a clock that has started and is not yet met, if any. */
export function runningClock(state: IncidentState, planId: string, clockId: string): StartedClock | undefined {
  return state.clocks.find((c) => c.planId === planId && c.clockId === clockId && isOwed(c));
}

const ORDER: Record<ClockStatusKind, number> = { overdue: 0, running: 1, 'met-late': 2, met: 3, waived: 4 };

/** How every started clock stands at `now`, most urgent first. */
export function clockStatus(state: IncidentState, now: Date): ClockStatus[] {
  const list = state.clocks.map((c) => statusOf(c, now));
  return list.sort((a, b) => ORDER[a.status] - ORDER[b.status] || urgency(a, b) || a.id.localeCompare(b.id));
}

function statusOf(c: StartedClock, now: Date): ClockStatus {
  if (c.waived !== undefined) {
    const base = { planId: c.planId, id: c.clockId, title: c.title, basis: c.basis, startedAt: c.startedAt, dueAt: c.dueAt };
    return { ...base, waived: { ...c.waived }, status: 'waived', remainingMs: 0, overdueMs: 0 };
  }
  const due = parseIso(c.dueAt, 'due time').getTime();
  const ref = c.metAt !== undefined ? parseIso(c.metAt, 'met time').getTime() : now.getTime();
  const late = ref > due;
  const status: ClockStatusKind = c.metAt !== undefined ? (late ? 'met-late' : 'met') : late ? 'overdue' : 'running';
  const base = {
    planId: c.planId,
    id: c.clockId,
    title: c.title,
    basis: c.basis,
    startedAt: c.startedAt,
    dueAt: c.dueAt,
    status,
    remainingMs: Math.max(0, due - ref),
    overdueMs: Math.max(0, ref - due),
  };
  return c.metAt !== undefined ? { ...base, metAt: c.metAt } : base;
}

function urgency(a: ClockStatus, b: ClockStatus): number {
  if (a.status === 'overdue') return b.overdueMs - a.overdueMs; // the longest overdue first
  if (a.status === 'running') return a.remainingMs - b.remainingMs; // the soonest due first
  return Date.parse(a.dueAt) - Date.parse(b.dueAt);
}
