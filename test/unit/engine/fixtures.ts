// Two small hand-built plans: a national plan that hands over into a small EU plan.
import type { Plan } from '../../../src/core/plan/types.js';

const levels = [
  { id: 'technical', title: 'Technical', rank: 1 },
  { id: 'operational', title: 'Operational', rank: 2 },
  { id: 'strategic', title: 'Strategic', rank: 3 },
];

export const national: Plan = {
  apiVersion: 'crisis/v1',
  kind: 'Plan',
  metadata: { id: 'xx-ncp', title: 'Test national plan', version: '1.0.0', jurisdiction: 'XX', parent: 'eu-circp', tlp: 'CLEAR' },
  levels,
  roles: [
    { id: 'national-csirt', title: 'National CSIRT', type: 'csirt' },
    { id: 'crisis-authority', title: 'Crisis authority', type: 'cyber-crisis-authority' },
  ],
  channels: [
    { id: 'portal', title: 'Reporting portal', type: 'secure-portal' },
    { id: 'phone', title: 'Duty phone', type: 'phone' },
  ],
  clocks: [
    { id: 'early-warning', title: 'Early warning', starts: 'awareness', within: 'PT24H', basis: 'NIS2 Art. 23(4)(a)' },
    { id: 'notification', title: 'Incident notification', starts: 'awareness', within: 'PT72H', basis: 'NIS2 Art. 23(4)(b)' },
    { id: 'final-report', title: 'Final report', starts: 'report-submitted', after: 'notification', within: 'P1M', basis: 'NIS2 Art. 23(4)(d)' },
    { id: 'intermediate', title: 'Intermediate report', starts: 'on-request', within: 'P3D', basis: 'NIS2 Art. 23(4)(c)' },
    { id: 'dora-initial', title: 'DORA initial notification', starts: 'classified-major', within: 'PT4H', basis: 'DORA Art. 19' },
    { id: 'sitrep', title: 'National situation report', starts: 'step-entered', within: 'PT4H', basis: 'plan' },
  ],
  severities: [
    { id: 'minor', title: 'Minor', rank: 1, mapsTo: 'incident', criteria: ['one entity'] },
    { id: 'large-scale', title: 'Large-scale', rank: 3, mapsTo: 'large-scale-incident', criteria: ['two or more MS'] },
  ],
  notifications: [
    { id: 'ew-report', title: 'Early warning report', to: 'national-csirt', channel: 'portal', tlp: 'AMBER', clock: 'early-warning' },
    { id: 'in-report', title: 'Incident notification report', to: 'national-csirt', channel: 'portal', tlp: 'AMBER', clock: 'notification' },
    { id: 'final', title: 'Final report', to: 'national-csirt', channel: 'portal', tlp: 'AMBER', clock: 'final-report' },
    { id: 'interim', title: 'Intermediate report', to: 'national-csirt', tlp: 'AMBER', clock: 'intermediate' },
    { id: 'sitrep-report', title: 'Situation report', to: 'crisis-authority', channel: 'phone', tlp: 'RED', clock: 'sitrep' },
  ],
  steps: [
    {
      id: 'triage',
      title: 'Triage',
      phase: 'detection',
      level: 'technical',
      owner: 'national-csirt',
      basis: 'NIS2 Art. 23',
      actions: ['Collect indicators', 'Check affected sectors'],
      notify: ['ew-report'],
      next: 'assess',
    },
    {
      id: 'assess',
      title: 'Assess scale',
      phase: 'detection',
      level: 'technical',
      owner: 'national-csirt',
      basis: 'plan',
      decision: {
        question: 'How large is the incident?',
        options: [
          { label: 'National', next: 'recover' },
          { label: 'National coordination', next: 'coordinate' },
          { label: 'Large-scale', next: 'eu-circp#cyclone', escalate: 'operational', startsClocks: ['dora-initial'] },
        ],
      },
    },
    { id: 'coordinate', title: 'Coordinate nationally', phase: 'response', level: 'operational', owner: 'crisis-authority', basis: 'plan', startsClocks: ['sitrep'], notify: ['sitrep-report'], next: 'recover' },
    {
      id: 'recover',
      title: 'Recover',
      phase: 'recovery',
      level: 'technical',
      owner: 'national-csirt',
      basis: 'plan',
      notify: ['in-report'],
      run: { argv: ['check-services', '--all'], timeout: 'PT30S' },
      next: 'lessons',
    },
    { id: 'lessons', title: 'Lessons learned', phase: 'lessons-learned', level: 'technical', owner: 'national-csirt', basis: 'plan', actions: ['Hold a debrief'], end: true },
  ],
};

export const eu: Plan = {
  apiVersion: 'crisis/v1',
  kind: 'Plan',
  metadata: { id: 'eu-circp', title: 'Test EU plan', version: '1.0.0', jurisdiction: 'EU', tlp: 'CLEAR' },
  levels,
  roles: [
    { id: 'cyclone', title: 'EU-CyCLONe', type: 'eu-network' },
    { id: 'presidency', title: 'Council Presidency', type: 'government' },
  ],
  clocks: [{ id: 'eu-sitrep', title: 'EU situation report', starts: 'step-entered', within: 'PT6H', basis: 'plan' }],
  notifications: [
    { id: 'cyclone-sitrep', title: 'CyCLONe situation report', to: 'cyclone', tlp: 'AMBER', clock: 'eu-sitrep' },
    { id: 'ipcr-request', title: 'IPCR activation request', to: 'presidency', tlp: 'AMBER' },
  ],
  steps: [
    {
      id: 'cyclone',
      title: 'EU-CyCLONe activation',
      phase: 'response',
      level: 'operational',
      owner: 'cyclone',
      basis: 'NIS2 Art. 16',
      startsClocks: ['eu-sitrep'],
      notify: ['cyclone-sitrep'],
      decision: {
        question: 'Is political coordination needed?',
        options: [
          { label: 'Yes', next: 'ipcr', escalate: 'strategic' },
          { label: 'No', next: 'eu-close' },
        ],
      },
    },
    { id: 'ipcr', title: 'IPCR', phase: 'response', level: 'strategic', owner: 'presidency', basis: 'Decision 2018/1993', notify: ['ipcr-request'], next: 'eu-close' },
    { id: 'eu-close', title: 'Close at EU level', phase: 'recovery', level: 'operational', owner: 'cyclone', basis: 'plan', end: true },
  ],
};

/** The plans by id, as the engine takes them. */
export function plans(): Map<string, Plan> {
  return new Map([
    [national.metadata.id, national],
    [eu.metadata.id, eu],
  ]);
}

/** 1 March 2025, 08:00 UTC: the awareness time most tests use. */
export const AWARE = new Date('2025-03-01T08:00:00.000Z');

/** A time `hours` after AWARE. */
export function hoursAfter(hours: number, from: Date = AWARE): Date {
  return new Date(from.getTime() + hours * 3_600_000);
}
