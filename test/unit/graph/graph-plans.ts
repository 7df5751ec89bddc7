// Plans for the diagram tests: one with every shape (fork on a step, fork on an option, a join,
// a decision, a hand-over into the EU plan, an end), and one whose every text is hostile.
import type { Plans } from '../../../src/core/engine/refs.js';
import type { Plan, Step } from '../../../src/core/plan/types.js';
import { hostileStrings } from '../../helpers/hostile-strings.js';
import { eu, national } from '../engine/fixtures.js';

const step = (id: string, more: Partial<Step>): Step => ({ id, title: id, phase: 'response', level: 'technical', owner: 'national-csirt', basis: 'plan', ...more });

export const tracksPlan: Plan = {
  ...national,
  steps: [
    step('fork', { title: 'Triage and start the legal reports', startsTracks: ['report'], next: 'contain' }),
    step('contain', {
      title: 'Contain',
      decision: {
        question: 'Escalate to the EU?',
        options: [
          { label: 'Yes, and inform the public', next: 'meet', startsTracks: ['eu-circp#cyclone', 'inform'] },
          { label: 'No', next: 'meet' },
        ],
      },
    }),
    step('report', { title: 'Report to the authority', owner: 'crisis-authority', level: 'operational', next: 'meet' }),
    step('inform', { title: 'Inform the public', level: 'strategic', end: true }),
    step('meet', { title: 'Recover', join: 'all', next: 'done' }),
    step('done', { title: 'Lessons learned', end: true }),
  ],
};

export function tracksPlans(): Map<string, Plan> {
  return new Map([
    [tracksPlan.metadata.id, tracksPlan],
    [eu.metadata.id, eu],
  ]);
}

/** Text that tries to break out of each format: quotes, brackets, arrows, HTML, dot escapes, controls. */
export const hostileLabels: readonly string[] = [
  ...hostileStrings.filter((s) => s.length < 1000),
  'quote " and \\" and \\\\ end',
  'a"] --> x["pwned',
  'b"} ==> y{"z',
  '-->|label| n0',
  '<b onmouseover=alert(1)>bold</b> &amp; &lt;',
  '\\N \\G \\l \\n dot escapes \\',
  '%% comment ]]> <![CDATA[ x',
  '`markdown` **bold** #quot; #35;',
  'subgraph end classDef click n0 call alert(1)',
];

// Option labels sit on edges, where each format quotes differently.
const OPTION_LABELS = ['quote " and \\" and \\\\ end', 'a"] --> x["pwned', '<b onmouseover=alert(1)>bold</b>'];

/** The tracks plan with every title, label, question, lane and clock replaced by hostile text. */
export function hostilePlans(): Plans {
  const h = (i: number): string => hostileLabels[i % hostileLabels.length] ?? '';
  let i = 0;
  const plan: Plan = {
    ...tracksPlan,
    metadata: { ...tracksPlan.metadata, title: h(i++) },
    levels: tracksPlan.levels.map((l) => ({ ...l, title: h(i++) })),
    roles: tracksPlan.roles.map((r) => ({ ...r, title: h(i++) })),
    clocks: (tracksPlan.clocks ?? []).map((c) => ({ ...c, title: h(i++), basis: h(i++) })),
    steps: tracksPlan.steps.map((s) => ({
      ...s,
      title: h(i++),
      ...(s.decision ? { decision: { question: h(i++), options: s.decision.options.map((o, j) => ({ ...o, label: OPTION_LABELS[j % OPTION_LABELS.length] ?? '' })) } } : {}),
    })),
  };
  const other: Plan = { ...eu, metadata: { ...eu.metadata, title: h(i++) }, steps: eu.steps.map((s) => ({ ...s, title: h(i++) })) };
  return new Map([
    [plan.metadata.id, plan],
    [other.metadata.id, other],
  ]);
}
