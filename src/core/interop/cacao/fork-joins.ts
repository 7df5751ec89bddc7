// Where the tracks a fork starts meet again: the first join step (in breadth-first order from
// the track that goes on) that at least one of the new tracks in this plan also reaches. CACAO
// runs a parallel step's branches and then its on_completion step; that step is this join.
import type { Plan, Step } from '../../plan/types.js';

/** A step id in `plan`, or undefined for a step in another plan. */
export function localStep(plan: Plan, ref: string): string | undefined {
  const hash = ref.indexOf('#');
  if (hash === -1) return ref;
  return ref.slice(0, hash) === plan.metadata.id ? ref.slice(hash + 1) : undefined;
}

function successors(plan: Plan, step: Step): string[] {
  const refs = [step.next, ...(step.decision?.options ?? []).flatMap((o) => [o.next, ...(o.startsTracks ?? [])]), ...(step.startsTracks ?? [])];
  return refs.flatMap((r) => {
    const id = r === undefined ? undefined : localStep(plan, r);
    return id === undefined ? [] : [id];
  });
}

/** Steps reachable from `from` (itself included), in breadth-first order. */
export function reachable(plan: Plan, from: string, byId: ReadonlyMap<string, Step>): string[] {
  const seen = new Set<string>([from]);
  const order = [from];
  for (let i = 0; i < order.length; i++) {
    const step = byId.get(order[i] ?? '');
    if (!step) continue;
    for (const next of successors(plan, step)) {
      if (!seen.has(next)) {
        seen.add(next);
        order.push(next);
      }
    }
  }
  return order;
}

/** The join of a fork whose main line goes on at `continuation` and starts `tracks`, if any. */
export function forkJoin(plan: Plan, continuation: string, tracks: readonly string[], byId: ReadonlyMap<string, Step>): string | undefined {
  const local = tracks.flatMap((t) => {
    const id = localStep(plan, t);
    return id === undefined ? [] : [new Set(reachable(plan, id, byId))];
  });
  const main = localStep(plan, continuation);
  if (main === undefined || local.length === 0) return undefined;
  return reachable(plan, main, byId).find((id) => byId.get(id)?.join !== undefined && local.some((set) => set.has(id)));
}
