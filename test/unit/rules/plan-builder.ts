// Minimal valid plans for rule tests: each test clones one and breaks exactly one thing.

import type { RuleFinding } from '../../../src/core/findings.js';
import type { Rule, RuleContext } from '../../../src/core/plan/rules/rule.js';
import type { Plan } from '../../../src/core/plan/types.js';

const LEVELS: Plan['levels'] = [
  { id: 'technical', title: 'Technical', rank: 1 },
  { id: 'operational', title: 'Operational', rank: 2 },
  { id: 'strategic', title: 'Strategic', rank: 3 },
];

/** A small Union-level plan with the id the bundled plan has (eu-circp). */
export function euPlan(): Plan {
  return {
    apiVersion: 'crisis/v1',
    kind: 'Plan',
    metadata: { id: 'eu-circp', title: 'EU plan', version: '1.0.0', jurisdiction: 'EU', tlp: 'CLEAR' },
    levels: structuredClone(LEVELS),
    roles: [{ id: 'eu-cyclone', title: 'EU-CyCLONe', type: 'eu-network' }],
    steps: [
      { id: 'cyclone-assess', title: 'Assess', phase: 'response', level: 'operational', owner: 'eu-cyclone', basis: 'NIS2 Art. 16', next: 'close' },
      { id: 'close', title: 'Close', phase: 'recovery', level: 'operational', owner: 'eu-cyclone', basis: 'plan', end: true },
    ],
  };
}

/** A national plan that passes every plan rule and the whole NIS2 profile. */
export function nationalPlan(): Plan {
  return {
    apiVersion: 'crisis/v1',
    kind: 'Plan',
    metadata: { id: 'xx-ncirp', title: 'XX plan', version: '1.0.0', jurisdiction: 'XX', parent: 'eu-circp', tlp: 'CLEAR' },
    start: 'triage',
    levels: structuredClone(LEVELS),
    channels: [{ id: 'phone', title: 'Phone', type: 'phone' }],
    roles: [
      { id: 'csirt', title: 'CSIRT', type: 'csirt', level: 'technical', contacts: [{ channel: 'phone', value: '+000' }] },
      { id: 'authority', title: 'Authority', type: 'cyber-crisis-authority', tasks: ['Coordinate the national response'] },
    ],
    clocks: [
      { id: 'early-warning', title: 'Early warning', starts: 'awareness', within: 'PT24H', basis: 'NIS2 Art. 23(4)(a)' },
      { id: 'notification', title: 'Notification', starts: 'awareness', within: 'PT72H', basis: 'NIS2 Art. 23(4)(b)' },
      { id: 'final', title: 'Final report', starts: 'report-submitted', after: 'notification', within: 'P1M', basis: 'NIS2 Art. 23(4)(d)' },
      { id: 'triage-done', title: 'Triage done', starts: 'step-entered', within: 'PT4H', basis: 'plan' },
    ],
    notifications: [{ id: 'warn-csirt', title: 'Early warning', to: 'csirt', channel: 'phone', tlp: 'AMBER', clock: 'early-warning' }],
    capabilities: [{ id: 'forensics', title: 'Forensics', owner: 'csirt' }],
    preparedness: {
      objectives: ['Detect large-scale incidents early'],
      measures: ['24/7 on-call rota'],
      exercises: [{ title: 'Annual tabletop' }],
      training: [{ title: 'Crisis communication' }],
    },
    nationalFramework: { name: 'National crisis framework', integration: 'The authority sits in the national crisis cell.' },
    stakeholders: [{ id: 'energy', title: 'Energy operators', type: 'private', role: 'csirt' }],
    infrastructure: [{ id: 'grid', title: 'Power grid' }],
    unionArrangements: [{ id: 'to-cyclone', title: 'Escalate to EU-CyCLONe', relation: 'escalates-to', ref: 'eu-circp#cyclone-assess' }],
    steps: [
      {
        id: 'triage', title: 'Triage', phase: 'detection', level: 'technical', owner: 'csirt', basis: 'NIS2 Art. 23',
        notify: ['warn-csirt'], startsClocks: ['triage-done'], next: 'assess',
      },
      {
        id: 'assess', title: 'Assess', phase: 'response', level: 'operational', owner: 'authority', basis: 'NIS2 Art. 9',
        supporting: ['csirt'],
        decision: {
          question: 'Beyond national capacity?',
          options: [
            { label: 'Handle nationally', next: 'recover' },
            { label: 'Escalate to EU-CyCLONe', next: 'eu-circp#cyclone-assess', escalate: 'strategic' },
          ],
        },
      },
      {
        id: 'recover', title: 'Recover', phase: 'recovery', level: 'technical', owner: 'csirt', basis: 'plan',
        run: { argv: ['echo', 'done'], timeout: 'PT5M' }, end: true,
      },
    ],
  };
}

/** A rule context for `plan`, with the EU plan and `others` loaded (and `plan` itself). */
export function contextFor(plan: Plan, ...others: Plan[]): RuleContext {
  const plans = new Map<string, Plan>();
  for (const p of [euPlan(), ...others, plan]) plans.set(String(p.metadata?.id), p);
  return { plan, plans };
}

/** Runs one rule on a plan (with the EU plan and `others` loaded). */
export function check(rule: Rule, plan: Plan, ...others: Plan[]): RuleFinding[] {
  return rule.check(contextFor(plan, ...others));
}

/** A deep copy of a plan changed by `edit`; the loose type lets tests break what the schema forbids. */
export function mutate(plan: Plan, edit: (p: Loose) => void): Plan {
  const copy = structuredClone(plan) as unknown as Loose;
  edit(copy);
  return copy as unknown as Plan;
}

/** A plan seen as nested records, so a test can put any value anywhere. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests write wrong types on purpose
export type Loose = Record<string, any>;
