// Where a plan starts tracks: each startsTracks entry of a step or of a decision option, with the
// local step it names and the way on that runs beside it (the step's or the option's next).

import { parseRef } from './ref-sites.js';
import { asArray, get, idIndex, items, planId, pointer, str } from './safe.js';

export interface TrackSite {
  /** Index of the step that starts the track. */
  step: number;
  /** JSON pointer of the startsTracks entry. */
  path: string;
  /** The entry as written. */
  ref: string;
  /** Index of the local step where the track begins; undefined for another plan's step or a broken reference. */
  target: number | undefined;
  /** Index of the local step the starting track goes on to beside it, if it goes to one. */
  wayOn: number | undefined;
}

/** Every startsTracks entry of the plan, in document order. */
export function trackSites(plan: unknown): TrackSite[] {
  const byId = idIndex(get(plan, 'steps'));
  const own = planId(plan);
  const local = (value: unknown): number | undefined => {
    const text = str(value);
    const ref = text === undefined ? undefined : parseRef(text);
    return ref !== undefined && (ref.plan === undefined || ref.plan === own) ? byId.get(ref.id) : undefined;
  };
  const sites = (step: number, base: readonly (string | number)[], owner: unknown): TrackSite[] =>
    asArray(get(owner, 'startsTracks')).flatMap((value, k) => {
      const ref = str(value);
      if (ref === undefined) return [];
      return [{ step, path: pointer(...base, 'startsTracks', k), ref, target: local(value), wayOn: local(get(owner, 'next')) }];
    });
  return asArray(get(plan, 'steps')).flatMap((step, i) => [
    ...sites(i, ['steps', i], step),
    ...items(get(step, 'decision'), 'options').flatMap((option, o) => sites(i, ['steps', i, 'decision', 'options', o], option)),
  ]);
}
