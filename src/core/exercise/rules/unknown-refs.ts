// exercise/unknown-step, -role, -clock, -level, -notification: a reference names nothing in its plan.
import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from '../../plan/rules/finding.js';
import { didYouMean } from '../../plan/rules/words.js';
import { lookup, type Collection } from './lookup.js';
import type { ExerciseContext, ExerciseRule } from './rule.js';
import { expectationSites, scriptSites, type Site } from './sites.js';
import { participantSites } from './unknown-plan.js';

/** A rule that checks every site it lists against one collection of the plans. */
function refRule(meta: RuleMeta, collection: Collection, noun: string, sites: (ctx: ExerciseContext) => Site[]): ExerciseRule {
  return {
    ...meta,
    check(ctx) {
      const out: RuleFinding[] = [];
      for (const site of sites(ctx)) {
        const r = lookup(ctx, site.value, collection);
        if (r?.status !== 'missing') continue; // an unknown plan is exercise/unknown-plan's finding
        out.push(finding(meta, site.path, `${site.what} "${site.value}": plan "${r.planId}" has no ${noun} "${r.id}"${didYouMean(r.id, r.known)}`));
      }
      return out;
    },
  };
}

/** Both the script's and the expectations' values of a field. */
const both =
  (...fields: string[]) =>
  (ctx: ExerciseContext): Site[] => [
    ...fields.flatMap((f) => scriptSites(ctx.exercise, f)),
    ...fields.flatMap((f) => expectationSites(ctx.exercise, f)),
  ];

/** Reports script and expectation steps (step, target) that name no step. */
export const unknownStep = refRule(
  {
    id: 'exercise/unknown-step',
    severity: 'error',
    description: 'Every step of a script entry (step, target) and of an expectation names a step of its plan.',
  },
  'steps',
  'step',
  both('step', 'target'),
);

/** Reports participants and expected recipients that name no role. */
export const unknownRole = refRule(
  { id: 'exercise/unknown-role', severity: 'error', description: 'Every participant and expected recipient (to) names a role of its plan.' },
  'roles',
  'role',
  (ctx) => [...participantSites(ctx.exercise), ...expectationSites(ctx.exercise, 'to')],
);

/** Reports script and expectation clocks that name no clock. */
export const unknownClock = refRule(
  { id: 'exercise/unknown-clock', severity: 'error', description: 'Every clock of a script entry or expectation names a clock of its plan.' },
  'clocks',
  'clock',
  both('clock'),
);

/** Reports script and expectation levels that name no level. */
export const unknownLevel = refRule(
  { id: 'exercise/unknown-level', severity: 'error', description: 'Every level of a script entry or expectation names a cooperation level of its plan.' },
  'levels',
  'level',
  both('level'),
);

/** Reports script and expectation notifications that name no notification. */
export const unknownNotification = refRule(
  {
    id: 'exercise/unknown-notification',
    severity: 'error',
    description: 'Every notification of a script entry or expectation names a notification of its plan.',
  },
  'notifications',
  'notification',
  both('notification'),
);
