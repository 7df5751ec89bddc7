// HSEEP-style objective ratings from the expectations that belong to an objective.
//   P  performed without challenges: every expectation met;
//   S  performed with some challenges: every mandatory one met and at least 75% of the weight met;
//   M  performed with major challenges: some weight met, but a mandatory one missed or under 75%;
//   U  unable to be performed: no expectation met.
export type Rating = 'P' | 'S' | 'M' | 'U';

/** The share of weight that must be met, with every mandatory expectation, for an S. */
export const SOME_CHALLENGES_SHARE = 0.75;

export const RATING_TITLES: Record<Rating, string> = {
  P: 'Performed without challenges',
  S: 'Performed with some challenges',
  M: 'Performed with major challenges',
  U: 'Unable to be performed',
};

/** The rating of an objective; undefined when no expectation belongs to it. */
export function rateObjective(results: readonly { met: boolean; weight: number; mandatory: boolean }[]): Rating | undefined {
  if (results.length === 0) return undefined;
  if (results.every((r) => r.met)) return 'P';
  const total = results.reduce((sum, r) => sum + r.weight, 0);
  const met = results.reduce((sum, r) => sum + (r.met ? r.weight : 0), 0);
  if (met <= 0) return 'U';
  const mandatoryMissed = results.some((r) => r.mandatory && !r.met);
  // A tiny tolerance keeps 3 of 4 equal weights (given as decimals) at exactly 75%.
  return !mandatoryMissed && met >= SOME_CHALLENGES_SHARE * total - 1e-9 ? 'S' : 'M';
}
