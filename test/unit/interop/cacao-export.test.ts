import { describe, expect, it } from 'vitest';
import { planToCacao } from '../../../src/core/interop/cacao/export.js';
import { playbookId, TLP_MARKING_IDS } from '../../../src/core/interop/cacao/ids.js';
import { uuidV5 } from '../../../src/core/interop/uuid5.js';
import { cacaoAvailable, cacaoMissingReason, cacaoValidator } from '../../helpers/cacao-schemas.js';
import { bundledPlans } from './bundled-plans.js';
import { fixturePlan } from './cacao-fixture.js';

describe('UUIDv5', () => {
  it('gives the RFC 9562 / Python uuid5 value for the DNS namespace', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
  it('is version 5 with the RFC variant, and differs for another name', () => {
    const a = uuidV5('6ba7b811-9dad-11d1-80b4-00c04fd430c8', 'https://crisis-plans.github.io/crisis/cacao');
    expect(a).toBe('b1f549e2-2699-5122-b3e6-c3df85ba4066'); // the documented namespace
    expect(a[14]).toBe('5');
    expect('89ab').toContain(a[19]);
    expect(uuidV5('6ba7b811-9dad-11d1-80b4-00c04fd430c8', 'other')).not.toBe(a);
  });
  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('nope', 'x')).toThrow(/not a UUID/);
  });
});

describe('crisis plan → CACAO 2.0', () => {
  const plans = bundledPlans();

  it('finds the bundled plans', () => {
    expect(plans.map((p) => p.file)).toContain('playbooks/eu/eu-circp.yaml');
  });

  it.skipIf(!cacaoAvailable).each(plans.map((p) => [p.file, p.plan] as const))('%s exports a playbook the CACAO schemas accept', (_file, plan) => {
    const playbook = planToCacao(plan);
    expect(cacaoValidator()(playbook)).toEqual([]);
    // The same plan always gives the same document.
    expect(JSON.stringify(planToCacao(plan))).toBe(JSON.stringify(playbook));
  });

  it.skipIf(!cacaoAvailable)('the fixture (fork, join, switch, hand-over, end) passes the schemas', () => {
    expect(cacaoValidator()(planToCacao(fixturePlan()))).toEqual([]);
  });

  it.skipIf(!cacaoAvailable)('the schemas catch a broken export (the check can fail)', () => {
    const pb = planToCacao(fixturePlan());
    const [id, action] = Object.entries(pb.workflow).find(([, s]) => s.type === 'action') ?? [];
    const noAgent = structuredClone(pb);
    delete noAgent.workflow[id ?? '']?.agent;
    expect(cacaoValidator()(noAgent).map((e) => e.message)).toContain("must have required property 'agent'");
    const extra = structuredClone(pb);
    (extra.workflow[id ?? '']?.commands?.[0] as unknown as Record<string, unknown>).argv = ['rm'];
    expect(cacaoValidator()(extra).map((e) => e.message)).toContain('must NOT have unevaluated properties');
    expect(action).toBeDefined();
  });

  it.runIf(!cacaoAvailable)(`skips the schema checks: ${cacaoMissingReason}`, () => {
    expect(cacaoAvailable).toBe(false);
  });

  it('maps human steps, decisions, tracks, hand-overs and the TLP marking', () => {
    const plan = fixturePlan();
    const pb = planToCacao(plan);
    const steps = Object.entries(pb.workflow);
    const byName = (name: string) => steps.find(([, s]) => s.name === name);
    expect(pb.id).toBe(playbookId('xa-test'));
    expect(pb.markings).toEqual([TLP_MARKING_IDS.AMBER]);
    expect(pb.data_marking_definitions?.[TLP_MARKING_IDS.AMBER]?.tlpv2_level).toBe('TLP:AMBER');

    const [, triage] = byName('Triage') ?? [];
    expect(triage?.type).toBe('action');
    expect(triage?.commands?.map((c) => [c.type, c.command])).toEqual([
      ['manual', 'Record awareness'],
      ['manual', 'Send the Early warning to CSIRT by Duty phone (TLP:AMBER)'],
    ]);
    const agent = pb.agent_definitions?.[triage?.agent ?? ''];
    expect(agent).toEqual({ type: 'organization', name: 'CSIRT', contact: { phone: { 'duty-phone': '+999 1' } } });

    // Entering `fork` starts a track at `legal` beside itself; they meet at `recover`.
    const parallels = steps.filter(([, s]) => s.type === 'parallel');
    expect(parallels).toHaveLength(1);
    const [, fork] = parallels[0] ?? [];
    expect(fork?.next_steps).toHaveLength(2);
    expect(pb.workflow[fork?.next_steps?.[0] ?? '']?.name).toBe('Fork');
    expect(pb.workflow[fork?.next_steps?.[1] ?? '']?.name).toBe('Legal reports');
    expect(pb.workflow[fork?.on_completion ?? '']?.name).toBe('Recover');
    // Both tracks end their branch where they arrive at the join.
    const arrivals = steps.filter(([, s]) => s.type === 'end' && s.name === 'Track arrives at Recover');
    expect(arrivals).toHaveLength(2);

    const [, decision] = steps.find(([, s]) => s.type === 'switch-condition') ?? [];
    expect(Object.keys(decision?.cases ?? {})).toEqual(['Minor', 'Major', 'Crisis']);
    const [, yesNo] = steps.find(([, s]) => s.type === 'if-condition') ?? [];
    expect(yesNo?.condition).toBe("__decision__:value = 'Yes, it\\'s large'");

    const [, handover] = steps.find(([, s]) => s.type === 'playbook-action') ?? [];
    expect(handover?.playbook_id).toBe(playbookId('eu-circp'));
  });

  it('gives a step the same id when other steps change', () => {
    const plan = fixturePlan();
    const before = Object.entries(planToCacao(plan).workflow).find(([, s]) => s.name === 'Triage')?.[0];
    plan.steps.push({ id: 'extra', title: 'Extra', phase: 'response', level: 'technical', owner: 'csirt', basis: 'x', end: true });
    const after = Object.entries(planToCacao(plan).workflow).find(([, s]) => s.name === 'Triage')?.[0];
    expect(after).toBe(before);
  });
});
