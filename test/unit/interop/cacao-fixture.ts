// A small plan with everything the CACAO mapping handles: notifications, a fork and its join, a
// two-option and a three-option decision, a hand-over to the EU plan, an end step.
import type { Plan } from '../../../src/core/plan/types.js';

/** A fresh copy of the fixture plan each call (tests may change it). */
export function fixturePlan(): Plan {
  return {
    apiVersion: 'crisis/v1',
    kind: 'Plan',
    metadata: { id: 'xa-test', title: 'Test plan', version: '1.0.0', jurisdiction: 'XA', parent: 'eu-circp', tlp: 'AMBER', example: true },
    levels: [{ id: 'technical', title: 'Technical', rank: 1 }, { id: 'operational', title: 'Operational', rank: 2 }],
    roles: [
      { id: 'csirt', title: 'CSIRT', type: 'csirt', contacts: [{ channel: 'duty-phone', value: '+999 1' }] },
      { id: 'authority', title: 'Authority', type: 'cyber-crisis-authority' },
    ],
    channels: [{ id: 'duty-phone', title: 'Duty phone', type: 'phone' }],
    clocks: [{ id: 'nis2-early-warning', title: 'NIS2 early warning', starts: 'awareness', within: 'PT24H', basis: 'NIS2 Art. 23(4)(a)' }],
    notifications: [{ id: 'early-warning', title: 'Early warning', to: 'csirt', channel: 'duty-phone', tlp: 'AMBER', clock: 'nis2-early-warning' }],
    steps: [
      { id: 'triage', title: 'Triage', phase: 'detection', level: 'technical', owner: 'csirt', basis: 'NIS2 Art. 11(3)', actions: ['Record awareness'], notify: ['early-warning'], next: 'assess' },
      {
        id: 'assess',
        title: 'Assess',
        phase: 'detection',
        level: 'technical',
        owner: 'csirt',
        basis: 'plan',
        decision: {
          question: 'How bad?',
          options: [
            { label: 'Minor', next: 'close' },
            { label: 'Major', next: 'fork' },
            { label: 'Crisis', next: 'escalate', escalate: 'operational' },
          ],
        },
      },
      { id: 'fork', title: 'Fork', phase: 'response', level: 'technical', owner: 'csirt', basis: 'plan', startsTracks: ['legal'], next: 'contain' },
      { id: 'contain', title: 'Contain', phase: 'response', level: 'technical', owner: 'csirt', basis: 'plan', next: 'recover' },
      { id: 'legal', title: 'Legal reports', phase: 'response', level: 'technical', owner: 'authority', basis: 'plan', next: 'recover' },
      { id: 'recover', title: 'Recover', phase: 'recovery', level: 'technical', owner: 'csirt', basis: 'plan', join: 'all', next: 'close' },
      {
        id: 'escalate',
        title: 'Escalate',
        phase: 'response',
        level: 'operational',
        owner: 'authority',
        basis: 'plan',
        decision: { question: 'Large-scale?', owner: 'csirt', options: [{ label: "Yes, it's large", next: 'eu-circp#receive-national-escalation' }, { label: 'No', next: 'close' }] },
      },
      { id: 'close', title: 'Close', phase: 'lessons-learned', level: 'technical', owner: 'csirt', basis: 'plan', end: true },
    ],
  };
}
