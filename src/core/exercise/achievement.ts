// When the run achieved what an expectation asks for, read from the final state.
import { clockStatus } from '../engine/index.js';
import { formatDuration } from '../time/duration.js';
import { canonical, type ScoringContext } from './scoring-context.js';
import type { Expectation } from './types.js';

export interface Achievement {
  at?: string; // RFC 3339, when first achieved
  why?: string; // why it was not, when that says more than "not done"
  dueAt?: string; // clock-met: the clock's due time
}

/** The first time the expectation was achieved in the run, if it was. */
export function achievement(e: Expectation, ctx: ScoringContext): Achievement {
  const { state, home } = ctx;
  switch (e.type) {
    case 'step-reached': {
      const want = canonical(e.step ?? '', home);
      return { ...at(state.visited.find((v) => `${v.planId}#${v.stepId}` === want)?.at) };
    }
    case 'decision-taken': {
      const want = canonical(e.step ?? '', home);
      const taken = state.decisions.filter((d) => `${d.planId}#${d.stepId}` === want);
      const hit = taken.find((d) => e.option === undefined || d.label === e.option);
      if (hit) return { at: hit.at };
      return taken[0] ? { why: `another option was taken: "${taken[0].label}"` } : { why: 'the decision was never taken' };
    }
    case 'level-reached':
      return levelReached(e.level ?? '', ctx);
    case 'clock-met':
      return clockMet(e.clock ?? '', ctx);
    case 'notification-sent': {
      const want = e.notification === undefined ? undefined : canonical(e.notification, home);
      const to = e.to === undefined ? undefined : canonical(e.to, home);
      const sent = state.notifications.find(
        (n) => (want === undefined || `${n.planId}#${n.notificationId}` === want) && (to === undefined || canonical(n.to, n.planId) === to),
      );
      return at(sent?.at);
    }
  }
  return {};
}

function at(value: string | undefined): Achievement {
  return value === undefined ? {} : { at: value };
}

/** When the cooperation level first reached the target's rank (or higher). */
function levelReached(ref: string, ctx: ScoringContext): Achievement {
  const [planId = '', id = ''] = canonical(ref, ctx.home).split('#');
  const target = ctx.plans.get(planId)?.levels.find((l) => l.id === id)?.rank;
  if (target === undefined) return { why: `level ${ref} is not a level of a loaded plan` };
  const { meta } = ctx.state;
  const rankOf = (p: string, l: string): number => ctx.plans.get(p)?.levels.find((x) => x.id === l)?.rank ?? 0;
  const first = ctx.state.escalations[0];
  const initial = first ? rankOf(first.planId, first.from) : (ctx.state.level?.rank ?? 0);
  if (meta && initial >= target) return { at: meta.openedAt };
  return at(ctx.state.escalations.find((x) => rankOf(x.planId, x.to) >= target)?.at);
}

/** The first run of a clock: met in time, met late, overdue or still running at the end. */
function clockMet(ref: string, ctx: ScoringContext): Achievement {
  const want = canonical(ref, ctx.home);
  const runs = clockStatus(ctx.state, ctx.end).filter((c) => `${c.planId}#${c.id}` === want);
  const run = runs.sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt))[0];
  if (!run) return {};
  if (run.metAt !== undefined) return { at: run.metAt, dueAt: run.dueAt };
  const why = run.status === 'overdue' ? `overdue by ${formatDuration(run.overdueMs)} at the end of the exercise` : `still running at the end of the exercise (due ${run.dueAt})`;
  return { why, dueAt: run.dueAt };
}
