// NIS2 Art. 9(4)(e) and (f): stakeholders and infrastructure involved, and Union-level arrangements.

import { nis2Rule } from './nis2-profile.js';
import { parseRef } from './ref-sites.js';
import { deepestPointer, get, hasEntries, items, pointer, str } from './safe.js';

/** Art. 9(4)(e): the relevant public and private stakeholders. */
export const nis2Stakeholders = nis2Rule(
  'nis2/art9-4-e-stakeholders',
  'A national plan lists the public and private stakeholders involved (NIS2 Art. 9(4)(e)).',
  ({ plan }, report) => {
    if (hasEntries(get(plan, 'stakeholders'))) return [];
    const message = 'add stakeholders: the relevant public and private stakeholders involved (NIS2 Art. 9(4)(e))';
    return [report(deepestPointer(plan, ['stakeholders']), message)];
  },
);

/** Art. 9(4)(e): the infrastructure involved. */
export const nis2Infrastructure = nis2Rule(
  'nis2/art9-4-e-infrastructure',
  'A national plan lists the infrastructure involved (NIS2 Art. 9(4)(e)).',
  ({ plan }, report) => {
    if (hasEntries(get(plan, 'infrastructure'))) return [];
    const message = 'add infrastructure: the infrastructure involved in the plan (NIS2 Art. 9(4)(e))';
    return [report(deepestPointer(plan, ['infrastructure']), message)];
  },
);

/**
 * Art. 9(4)(f): arrangements for taking part in Union-level coordinated management, each pointing into
 * the parent plan. A reference that does not resolve is ref/unknown-step (an error), not this warning.
 */
export const nis2UnionArrangements = nis2Rule(
  'nis2/art9-4-f-union-arrangements',
  'A national plan lists its arrangements for Union-level coordinated crisis management, each referring to the ' +
    'parent plan (NIS2 Art. 9(4)(f)).',
  ({ plan }, report) => {
    if (!hasEntries(get(plan, 'unionArrangements'))) {
      const message =
        'add unionArrangements: the national procedures and arrangements for taking part in and supporting ' +
        'Union-level coordinated crisis management, each referring to a step or role of the parent plan ' +
        '(NIS2 Art. 9(4)(f))';
      return [report(deepestPointer(plan, ['unionArrangements']), message)];
    }
    const parent = str(get(get(plan, 'metadata'), 'parent'));
    if (parent === undefined || parent === '') return []; // plan/missing-parent reports it
    return items(plan, 'unionArrangements').flatMap((a, i) => {
      const ref = str(get(a, 'ref'));
      if (ref === undefined || parseRef(ref).plan === parent) return [];
      const message =
        `union arrangement ref "${ref}" is not in the parent plan "${parent}": write ${parent}#STEP-ID or ` +
        `${parent}#ROLE-ID, the Union-level element the arrangement supports (NIS2 Art. 9(4)(f))`;
      return [report(pointer('unionArrangements', i, 'ref'), message)];
    });
  },
);
