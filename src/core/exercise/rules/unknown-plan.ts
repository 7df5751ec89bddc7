// exercise/unknown-plan: the exercise's plan, or the PLAN of a PLAN#ID reference, is not loaded.
import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from '../../plan/rules/finding.js';
import { get, pointer, str } from '../../plan/rules/safe.js';
import { didYouMean, quoteList } from '../../plan/rules/words.js';
import type { ExerciseRule } from './rule.js';
import { expectationSites, scriptSites, type Site } from './sites.js';

const meta: RuleMeta = {
  id: 'exercise/unknown-plan',
  severity: 'error',
  description: "The exercise's plan and every PLAN#ID reference name a plan that is loaded (bundled, in planFiles, or given in the same run).",
};

const REF_FIELDS = ['step', 'target', 'notification', 'clock', 'level'];

/** Reports the exercise's plan and cross-plan references whose plan is not loaded. */
export const unknownPlan: ExerciseRule = {
  ...meta,
  check(ctx) {
    const known = [...ctx.plans.keys()].sort();
    const loaded = known.length === 0 ? 'no plans are loaded' : `loaded plans: ${quoteList(known)}`;
    const hint = 'bundled plans are always loaded; list other plan files in planFiles or give them to crisis validate with the exercise';
    const out: RuleFinding[] = [];
    const own = str(get(ctx.exercise, 'plan'));
    if (own !== undefined && !ctx.plans.has(own)) {
      out.push(finding(meta, pointer('plan'), `plan "${own}" is not loaded${didYouMean(own, known)} (${loaded}): ${hint}`));
    }
    const sites: Site[] = [
      ...REF_FIELDS.flatMap((f) => scriptSites(ctx.exercise, f)),
      ...[...REF_FIELDS, 'to'].flatMap((f) => expectationSites(ctx.exercise, f)),
      ...participantSites(ctx.exercise),
    ];
    for (const site of sites) {
      const hash = site.value.indexOf('#');
      const plan = hash < 0 ? undefined : site.value.slice(0, hash);
      if (plan === undefined || ctx.plans.has(plan)) continue;
      out.push(finding(meta, site.path, `${site.what} "${site.value}": plan "${plan}" is not loaded${didYouMean(plan, known)} (${loaded})`));
    }
    return out;
  },
};

/** The participant role references, as sites. */
export function participantSites(exercise: unknown): Site[] {
  const list = get(exercise, 'participants');
  if (!Array.isArray(list)) return [];
  return list.flatMap((value: unknown, i) =>
    typeof value === 'string' ? [{ value, path: pointer('participants', i), what: `participant ${i + 1}` }] : [],
  );
}
