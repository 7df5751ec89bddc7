import { describe, it, expect } from 'vitest';
import { dirname, relative } from 'node:path';
import type { Plan } from '../../../src/core/plan/types.js';
import { bundledPlanFiles, compilePlanSchema, loadPlan, loadPlanDocument, readText } from './bundled-files.js';

const EU = 'playbooks/eu/eu-circp.yaml';
const nationalFiles = bundledPlanFiles.filter((f) => f !== EU);
const nationals = (): Plan[] => nationalFiles.map(loadPlan);

/** Every step reference a plan makes: step `next`, option `next`, union arrangement `ref`. */
function stepRefs(plan: Plan): string[] {
  const refs: string[] = [];
  for (const step of plan.steps) {
    if (step.next !== undefined) refs.push(step.next);
    for (const option of step.decision?.options ?? []) refs.push(option.next);
  }
  for (const arrangement of plan.unionArrangements ?? []) refs.push(arrangement.ref);
  return refs;
}

describe('bundled plans', () => {
  const validate = compilePlanSchema();

  it.each(bundledPlanFiles)('%s points editors at the schema on its first line', (file) => {
    const schemaPath = relative(dirname(file), 'schemas/plan.schema.json');
    expect(readText(file).split('\n')[0]).toBe(`# yaml-language-server: $schema=${schemaPath}`);
  });

  it.each(bundledPlanFiles)('%s is valid against the plan schema', (file) => {
    const ok = validate(loadPlanDocument(file));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each(bundledPlanFiles)('%s uses only its own levels on steps and escalations', (file) => {
    const plan = loadPlan(file);
    const levels = new Set(plan.levels.map((l) => l.id));
    const used = plan.steps.flatMap((s) => [s.level, ...(s.decision?.options ?? []).flatMap((o) => o.escalate ?? [])]);
    expect(used.filter((l) => !levels.has(l))).toEqual([]);
  });

  it.each(bundledPlanFiles)('%s starts only step-entered clocks from steps and options', (file) => {
    const plan = loadPlan(file);
    const anchors = new Map((plan.clocks ?? []).map((c) => [c.id, c.starts]));
    const started = plan.steps.flatMap((s) => [...(s.startsClocks ?? []), ...(s.decision?.options ?? []).flatMap((o) => o.startsClocks ?? [])]);
    expect(started.filter((id) => anchors.get(id) !== 'step-entered')).toEqual([]);
  });

  it.each(bundledPlanFiles)('%s resolves every local step reference', (file) => {
    const plan = loadPlan(file);
    const ids = new Set(plan.steps.map((s) => s.id));
    const local = stepRefs(plan).filter((r) => !r.includes('#'));
    expect(local.filter((r) => !ids.has(r))).toEqual([]);
  });
});

describe('EU plan', () => {
  const eu = loadPlan(EU);

  it('is the Union-level plan', () => {
    expect(eu.metadata.id).toBe('eu-circp');
    expect(eu.metadata.jurisdiction).toBe('EU');
    expect(eu.metadata.tlp).toBe('CLEAR');
    expect(eu.levels.map((l) => [l.id, l.rank])).toEqual([
      ['technical', 1],
      ['operational', 2],
      ['strategic', 3],
    ]);
  });

  it('has the NIS2 Art. 23 clocks with their exact durations and anchors', () => {
    const clock = (basis: string) => eu.clocks?.find((c) => c.basis === basis);
    const early = clock('NIS2 Art. 23(4)(a)');
    const notification = clock('NIS2 Art. 23(4)(b)');
    const final = clock('NIS2 Art. 23(4)(d)');
    expect([early?.starts, early?.within]).toEqual(['awareness', 'PT24H']);
    expect([notification?.starts, notification?.within]).toEqual(['awareness', 'PT72H']);
    expect([final?.starts, final?.after, final?.within]).toEqual(['report-submitted', notification?.id, 'P1M']);
    expect(clock('NIS2 Art. 23(4)(e)')).toMatchObject({ starts: 'incident-handled', within: 'P1M' });
    expect(clock('NIS2 Art. 23(5)')).toMatchObject({ starts: 'report-submitted', after: early?.id, within: 'PT24H' });
  });

  it('invents no deadline for the intermediate report: its clock takes the due time the request names (Art. 23(4)(c))', () => {
    const clock = eu.clocks?.find((c) => c.basis.includes('23(4)(c)'));
    expect(clock).toMatchObject({ id: 'nis2-intermediate-report', starts: 'on-request' });
    expect(clock?.within).toBeUndefined();
    expect(eu.notifications?.find((n) => n.basis === 'NIS2 Art. 23(4)(c)')?.clock).toBe('nis2-intermediate-report');
  });

  it('meets the early warning with an incident notification sent while it runs (an interpretation of Art. 23(4)(b))', () => {
    for (const plan of [eu, ...nationals()]) {
      expect(plan.notifications?.find((n) => n.clock === 'nis2-incident-notification')?.alsoMeets, plan.metadata.id).toEqual(['nis2-early-warning']);
    }
  });

  it('gives DORA\'s initial notification its two limits: 4 h after classification, 24 h after awareness at the latest', () => {
    for (const plan of nationals()) {
      expect(plan.clocks?.find((c) => c.id === 'dora-initial-notification'), plan.metadata.id).toMatchObject({ within: 'PT4H', noLaterThan: { within: 'PT24H', from: 'awareness' } });
    }
  });

  it('sends Reserve requests to the contracting authority, reachable without EU-CyCLONe or IPCR (CSA Art. 15)', () => {
    const form = eu.notifications?.find((n) => n.id === 'reserve-request-form');
    expect(form?.to).toBe('contracting-authority');
    const test = eu.steps.find((s) => s.id === 'large-scale-test');
    // The Reserve decision is a track of its own, beside the national response or EU-CyCLONe.
    expect(test?.decision?.options.flatMap((o) => o.startsTracks ?? [])).toContain('reserve-decision');
    expect(eu.steps.find((s) => s.id === 'reserve-request')?.next).toBe('reserve-answer');
  });

  it('runs EU-CyCLONe, the CSIRTs network and the Reserve decision beside each other, and joins them before the response', () => {
    const beyond = eu.steps.find((s) => s.id === 'large-scale-test')?.decision?.options.find((o) => o.label.includes('beyond national capacity'));
    expect(beyond).toMatchObject({ next: 'cyclone-activation', startsTracks: ['receive-national-escalation', 'reserve-decision'] });
    expect(eu.steps.find((s) => s.id === 'respond')?.join).toBe('all');
  });

  it('gives every step a legal basis', () => {
    expect(eu.steps.filter((s) => s.basis.trim() === '').map((s) => s.id)).toEqual([]);
  });

  it('keeps stable hand-over entry points for national plans', () => {
    const ids = eu.steps.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['receive-national-escalation', 'cyclone-activation', 'reserve-request']));
  });

  it('escalates to the strategic level on the IPCR activation modes only: monitoring is no activation', () => {
    const options = eu.steps.flatMap((s) => s.decision?.options ?? []);
    for (const mechanism of ['ipcr-information-sharing', 'ipcr-full-activation'] as const) {
      expect(options.find((o) => o.mechanism === mechanism)?.escalate).toBe('strategic');
    }
    const monitoring = options.filter((o) => o.mechanism === 'ipcr-monitoring');
    expect(monitoring.length).toBeGreaterThan(0);
    expect(monitoring.filter((o) => o.escalate !== undefined)).toEqual([]);
  });

  it('cites duties, not the definition of incident handling (Art. 6(8)), as a step basis', () => {
    expect(eu.steps.filter((s) => s.basis.includes('6(8)')).map((s) => s.id)).toEqual([]);
  });

  it('does not encode a numeric 0-4 severity scale', () => {
    expect(eu.severities?.map((s) => s.mapsTo)).toEqual(['incident', 'significant-incident', 'large-scale-incident', 'cyber-crisis']);
  });
});

describe('national plans', () => {
  const eu = loadPlan(EU);
  const euSteps = new Set(eu.steps.map((s) => s.id));
  const euRoles = new Set(eu.roles.map((r) => r.id));

  it.each(nationalFiles)('%s escalates into eu-circp through steps that exist', (file) => {
    const plan = loadPlan(file);
    expect(plan.metadata.parent).toBe('eu-circp');
    const euRefs = stepRefs(plan).filter((r) => r.startsWith('eu-circp#'));
    expect(euRefs.length).toBeGreaterThan(0);
    expect(euRefs.filter((r) => !euSteps.has(r.slice('eu-circp#'.length)))).toEqual([]);
    // The EU response starts as a track beside the national one, which goes on in this plan.
    const escalation = plan.steps.find((s) => s.id === 'union-escalation');
    const union = (escalation?.decision?.options ?? []).filter((o) => (o.startsTracks ?? []).some((r) => r.startsWith('eu-circp#')));
    expect(union.length).toBeGreaterThan(0);
    expect(union.every((o) => !o.next.startsWith('eu-circp#'))).toBe(true);
  });

  it.each(nationalFiles)('%s runs the other reporting regimes as tracks of their own, beside NIS2', (file) => {
    const plan = loadPlan(file);
    expect(plan.steps.find((s) => s.id === 'early-warning')?.startsTracks).toEqual(['personal-data-check', 'financial-entity-check', 'critical-entity-check', 'law-enforcement-check']);
    expect(plan.steps.find((s) => s.id === 'reporting-duty-handled')?.end).toBe(true);
  });

  it.each(nationalFiles)('%s names only existing EU roles as recipients', (file) => {
    const recipients = (loadPlan(file).notifications ?? []).map((n) => n.to).filter((to) => to.startsWith('eu-circp#'));
    expect(recipients.filter((to) => !euRoles.has(to.slice('eu-circp#'.length)))).toEqual([]);
  });

  it.each(nationalFiles)('%s covers every NIS2 Art. 9(4) element', (file) => {
    const plan = loadPlan(file);
    const authority = plan.roles.find((r) => r.type === 'cyber-crisis-authority');
    expect(plan.preparedness?.objectives?.length).toBeGreaterThan(0);
    expect(authority?.tasks?.length).toBeGreaterThan(0);
    expect(plan.steps.length).toBeGreaterThan(0);
    expect(plan.nationalFramework?.integration.length).toBeGreaterThan(0);
    expect(plan.channels?.length).toBeGreaterThan(0);
    expect(plan.preparedness?.measures?.length).toBeGreaterThan(0);
    expect(plan.preparedness?.exercises?.length).toBeGreaterThan(0);
    expect(plan.preparedness?.training?.length).toBeGreaterThan(0);
    expect(plan.stakeholders?.length).toBeGreaterThan(0);
    expect(plan.infrastructure?.length).toBeGreaterThan(0);
    expect(plan.unionArrangements?.length).toBeGreaterThan(0);
  });

  it.each(nationalFiles.filter((f) => f.includes('example-')))('%s is marked as an illustrative example', (file) => {
    const { metadata } = loadPlan(file);
    expect(metadata.example).toBe(true);
    expect(metadata.title).toMatch(/illustrative example, not an adopted plan/i);
    expect(metadata.description).toMatch(/illustrative example, not an adopted plan/i);
  });

  it.each(nationalFiles)('%s maps no national severity to a Union-level cyber crisis', (file) => {
    const severities = loadPlan(file).severities ?? [];
    expect(severities.filter((s) => s.mapsTo === 'cyber-crisis').map((s) => s.id)).toEqual([]);
  });

  it.each(nationalFiles)('%s runs the GDPR, DORA and CER clocks beside NIS2, with their authorities', (file) => {
    const plan = loadPlan(file);
    const regimes = new Set((plan.clocks ?? []).map((c) => c.regime));
    for (const regime of ['nis2', 'gdpr', 'dora', 'cer'] as const) expect(regimes.has(regime)).toBe(true);
    const clock = (id: string) => plan.clocks?.find((c) => c.id === id);
    expect(clock('gdpr-breach-notification')?.within).toBe('PT72H');
    expect(clock('dora-initial-notification')).toMatchObject({ starts: 'classified-major', within: 'PT4H' });
    expect(clock('dora-intermediate-report')).toMatchObject({ starts: 'report-submitted', after: 'dora-initial-notification', within: 'PT72H' });
    expect(clock('dora-final-report')).toMatchObject({ starts: 'report-submitted', after: 'dora-intermediate-report', within: 'P1M' });
    expect(clock('cer-initial-notification')?.within).toBe('PT24H');
    expect(clock('nis2-final-report-after-progress')).toMatchObject({ starts: 'incident-handled', within: 'P1M' });
    const roles = new Set(plan.roles.map((r) => r.id));
    for (const role of ['data-protection-authority', 'financial-supervisor', 'cer-authority', 'police-cyber-unit', 'europol-ec3', 'public']) {
      expect(roles.has(role)).toBe(true);
    }
  });

  it('shows a step that runs a command as an argument vector', () => {
    const runs = nationalFiles.flatMap((f) => loadPlan(f).steps).flatMap((s) => (s.run ? [s.run] : []));
    expect(runs.length).toBeGreaterThan(0);
    expect(runs[0]?.argv[0]).toBe('node');
  });
});
