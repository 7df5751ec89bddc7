// The incident an exercise is kept as in the log, for unattended and facilitated runs alike.
import type { IncidentEvent } from '../core/engine/index.js';
import type { EventLog } from '../core/ports.js';
import type { LoadedExercise } from './load-exercise.js';

/** The plans an exercise incident keeps snapshots of: its own, its parent, and every plan its events went into. */
export function exercisePlanIds(loaded: LoadedExercise, events: readonly IncidentEvent[]): string[] {
  const own = loaded.exercise.plan;
  const parent = loaded.plans.get(own)?.metadata.parent;
  const entered = events.flatMap((e) => (e.type === 'plan-handed-over' ? [e.to.planId] : e.type === 'track-started' ? [e.planId] : []));
  return [...new Set([own, ...(parent === undefined ? [] : [parent]), ...entered])];
}

/**
 * Create the exercise's incident, `ex-YYYYMMDD-ID` from the simulated start day (inc-… ids are real
 * incidents), with -2, -3 … when the log already has one, snapshots of the plans it may use, and
 * its first events, in one transaction: a run cut short leaves no incident without events.
 */
export async function createExerciseIncident(
  log: EventLog<IncidentEvent>,
  loaded: LoadedExercise,
  start: Date,
  createdAt: string,
  events: readonly IncidentEvent[],
): Promise<string> {
  const { exercise } = loaded;
  const base = `ex-${start.toISOString().slice(0, 10).replace(/-/g, '')}-${exercise.metadata.id}`;
  let id = base;
  for (let n = 2; (await log.incident(id)) !== undefined; n++) id = `${base}-${n}`;
  await log.createIncident({
    id,
    title: `Exercise ${exercise.metadata.title}: ${exercise.incident.title}`,
    planId: exercise.plan,
    createdAt,
    plans: exercisePlanIds(loaded, events).flatMap((planId) => {
      const text = loaded.texts.get(planId);
      return text === undefined ? [] : [{ planId, text }];
    }),
    events,
  });
  return id;
}
