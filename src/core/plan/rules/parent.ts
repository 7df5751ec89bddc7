// How a national plan attaches to the Union-level plan: it names a parent, the parent is loaded,
// and at least one step hands over to it.

import type { RuleMeta } from '../../findings.js';
import { finding } from './finding.js';
import { parseRef } from './ref-sites.js';
import type { Rule } from './rule.js';
import { exitValues, trackValues } from './step-graph.js';
import { deepestPointer, get, has, isNational, items, pointer, str } from './safe.js';
import { didYouMean, quoteList } from './words.js';

/** The plan the tool bundles; it is always loaded, so a missing one is the caller's fault, not the author's. */
const BUNDLED_EU_PLAN = 'eu-circp';

const missingMeta: RuleMeta = {
  id: 'plan/missing-parent',
  severity: 'error',
  description:
    'A national plan (jurisdiction other than EU) names the Union-level plan it escalates into in metadata.parent.',
};

/** Reports national plans without metadata.parent. */
export const missingParent: Rule = {
  ...missingMeta,
  check({ plan }) {
    if (!isNational(plan) || has(get(plan, 'metadata'), 'parent')) return [];
    const jurisdiction = str(get(get(plan, 'metadata'), 'jurisdiction')) ?? '';
    const message =
      `national plan (jurisdiction ${jurisdiction}) has no metadata.parent: ` +
      `name the Union-level plan it hands over to, e.g. parent: ${BUNDLED_EU_PLAN}`;
    return [finding(missingMeta, deepestPointer(plan, ['metadata']), message)];
  },
};

const unknownMeta: RuleMeta = {
  id: 'ref/unknown-parent',
  severity: 'error',
  description:
    'The plan named in metadata.parent is loaded (the bundled eu-circp, or a plan file given in the same run).',
};

/**
 * Reports a parent that is not loaded. An error, like ref/unknown-plan: the hand-over steps into an
 * unloaded parent cannot be checked either. Only the bundled eu-circp being absent is a warning, since
 * that means the caller did not load the bundled plan, not that the author made a mistake.
 */
export const unknownParent: Rule = {
  ...unknownMeta,
  check({ plan, plans }) {
    const parent = str(get(get(plan, 'metadata'), 'parent'));
    if (parent === undefined || parent === '' || plans.has(parent)) return [];
    const known = [...plans.keys()].sort();
    const path = pointer('metadata', 'parent');
    if (parent === BUNDLED_EU_PLAN) {
      const message = `the bundled Union-level plan "${parent}" was not loaded, so references into it were not checked`;
      return [finding(unknownMeta, path, message, { severity: 'warning' })];
    }
    const loaded = known.length === 0 ? 'no plans are loaded' : `loaded plans: ${quoteList(known)}`;
    const message =
      `parent plan "${parent}" is not loaded${didYouMean(parent, known)} (${loaded}). ` +
      'Files given together to crisis validate resolve against each other: add the file that defines it.';
    return [finding(unknownMeta, path, message)];
  },
};

const handoverMeta: RuleMeta = {
  id: 'flow/no-handover',
  severity: 'error',
  description:
    'A national plan has at least one step (next, decision option or startsTracks) that hands over to a step of its parent plan, or starts a track there.',
};

/** Reports national plans none of whose steps leads to PARENT#STEP. */
export const noHandover: Rule = {
  ...handoverMeta,
  check({ plan, plans }) {
    const parent = str(get(get(plan, 'metadata'), 'parent'));
    if (!isNational(plan) || parent === undefined || parent === '') return [];
    const crossPlan = items(plan, 'steps').flatMap((step) =>
      [...exitValues(step), ...trackValues(step)].flatMap((v) => (typeof v === 'string' ? [parseRef(v).plan] : [])),
    );
    // A hand-over into a plan that is not loaded is most likely a misspelt parent: ref/unknown-plan reports it.
    const attempted = crossPlan.some((p) => p === parent || (p !== undefined && p !== '' && !plans.has(p)));
    if (attempted) return [];
    const message =
      `no step hands over to the parent plan "${parent}": add a next or decision option such as ` +
      `next: ${parent}#STEP-ID (or startsTracks: [${parent}#STEP-ID] to go on nationally beside it), so an incident beyond national capacity reaches the Union level`;
    const path = deepestPointer(plan, ['steps']);
    return [finding(handoverMeta, path, message, path === '' ? {} : { at: 'key' })];
  },
};
