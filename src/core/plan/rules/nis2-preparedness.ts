// NIS2 Art. 9(4)(a) and (d): preparedness objectives, measures, exercises and training.

import { nis2Rule } from './nis2-profile.js';
import { deepestPointer, get, hasEntries } from './safe.js';

/** Art. 9(4)(a): the objectives of national preparedness measures and activities. */
export const nis2PreparednessObjectives = nis2Rule(
  'nis2/art9-4-a-preparedness-objectives',
  'A national plan states the objectives of its preparedness measures in preparedness.objectives (NIS2 Art. 9(4)(a)).',
  ({ plan }, report) => {
    if (hasEntries(get(get(plan, 'preparedness'), 'objectives'))) return [];
    const message =
      'add preparedness.objectives: the objectives of national preparedness measures and activities ' +
      '(NIS2 Art. 9(4)(a))';
    return [report(deepestPointer(plan, ['preparedness', 'objectives']), message)];
  },
);

/** Art. 9(4)(d): the national preparedness measures themselves. */
export const nis2PreparednessMeasures = nis2Rule(
  'nis2/art9-4-d-preparedness-measures',
  'A national plan lists its preparedness measures in preparedness.measures (NIS2 Art. 9(4)(d)).',
  ({ plan }, report) => {
    if (hasEntries(get(get(plan, 'preparedness'), 'measures'))) return [];
    const message = 'add preparedness.measures: the national preparedness measures (NIS2 Art. 9(4)(d))';
    return [report(deepestPointer(plan, ['preparedness', 'measures']), message)];
  },
);

/** Art. 9(4)(d): exercises and training activities, both of them. */
export const nis2ExercisesTraining = nis2Rule(
  'nis2/art9-4-d-exercises-training',
  'A national plan lists both exercises and training activities under preparedness (NIS2 Art. 9(4)(d)).',
  ({ plan }, report) => {
    const preparedness = get(plan, 'preparedness');
    const missing = ['exercises', 'training'].filter((k) => !hasEntries(get(preparedness, k)));
    const only = missing.length === 1 ? missing[0] : undefined;
    if (missing.length === 0) return [];
    const what = missing.map((k) => `preparedness.${k}`).join(' and ');
    const message = `add ${what}: the exercises and training activities of national preparedness (NIS2 Art. 9(4)(d))`;
    return [report(deepestPointer(plan, only === undefined ? ['preparedness'] : ['preparedness', only]), message)];
  },
);
