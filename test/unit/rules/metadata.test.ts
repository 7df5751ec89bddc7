import { describe, expect, it } from 'vitest';
import { jurisdiction } from '../../../src/core/plan/rules/jurisdiction.js';
import { nis2DesignationLate } from '../../../src/core/plan/rules/nis2-designation.js';
import { nis2PlanInfoLate } from '../../../src/core/plan/rules/nis2-notified.js';
import { reviewBeforeAdoption } from '../../../src/core/plan/rules/plan-dates.js';
import { check, euPlan, mutate, nationalPlan } from './plan-builder.js';
import { placesOf, validateYaml, where } from './validate-yaml.js';

describe('metadata/jurisdiction', () => {
  it('reports a code that is not EU or a Member State, at the value', () => {
    const plan = mutate(nationalPlan(), (p) => (p.metadata.jurisdiction = 'GB'));
    const { text, findings } = validateYaml(plan);
    expect(placesOf(findings, 'metadata/jurisdiction')).toEqual([where(text, 'jurisdiction:', 'GB')]);
    const out = check(jurisdiction, plan);
    expect(out).toEqual([expect.objectContaining({ severity: 'error', path: '/metadata/jurisdiction' })]);
    expect(out[0]?.message).toContain('jurisdiction "GB" is not EU or a Member State');
    expect(out[0]?.message).toContain('EL or GR for Greece');
  });

  it('accepts EU, every Member State (Greece as EL and as GR) and user-assigned X? codes', () => {
    for (const code of ['EU', 'DE', 'FR', 'EL', 'GR', 'HR', 'SE', 'XA', 'XX']) {
      const plan = mutate(nationalPlan(), (p) => (p.metadata.jurisdiction = code));
      expect(check(jurisdiction, plan)).toEqual([]);
    }
    expect(check(jurisdiction, euPlan())).toEqual([]);
  });

  it('leaves a code of the wrong form to the schema (one finding, not two)', () => {
    const plan = mutate(nationalPlan(), (p) => (p.metadata.jurisdiction = 'gb'));
    expect(check(jurisdiction, plan)).toEqual([]);
    for (const code of ['NO', 'CH', 'UK', 'US']) {
      expect(check(jurisdiction, mutate(nationalPlan(), (p) => (p.metadata.jurisdiction = code)))).toHaveLength(1);
    }
  });
});

describe('metadata/review-before-adoption', () => {
  const dated = (adopted: string, reviewDue: string) =>
    mutate(nationalPlan(), (p) => Object.assign(p.metadata, { adopted, reviewDue }));

  it('reports reviewDue before adopted, at reviewDue', () => {
    const plan = dated('2025-03-01', '2024-03-01');
    const { text, findings } = validateYaml(plan);
    expect(placesOf(findings, 'metadata/review-before-adoption')).toEqual([where(text, 'reviewDue:', '2024-03-01')]);
    const out = check(reviewBeforeAdoption, plan);
    expect(out).toEqual([expect.objectContaining({ severity: 'error', path: '/metadata/reviewDue' })]);
    expect(out[0]?.message).toContain('reviewDue 2024-03-01 is before adopted 2025-03-01');
  });

  it('accepts a review on or after adoption, and leaves out plans without both dates', () => {
    expect(check(reviewBeforeAdoption, dated('2025-03-01', '2026-03-01'))).toEqual([]);
    expect(check(reviewBeforeAdoption, dated('2025-03-01', '2025-03-01'))).toEqual([]);
    expect(check(reviewBeforeAdoption, nationalPlan())).toEqual([]);
    expect(check(reviewBeforeAdoption, dated('2025-03-01', 'soon'))).toEqual([]);
  });
});

describe('nis2/art9-5-plan-info-late', () => {
  const sent = (adopted: string, commission: string, cyclone: string) =>
    mutate(nationalPlan(), (p) => Object.assign(p.metadata, { adopted, notifiedToCommission: commission, notifiedToCyclone: cyclone }));

  it('warns when the plan information reached the Commission or EU-CyCLONe more than three months after adoption', () => {
    const plan = sent('2025-03-01', '2025-06-02', '2025-06-01');
    const { text, findings } = validateYaml(plan);
    expect(placesOf(findings, 'nis2/art9-5-plan-info-late')).toEqual([where(text, 'notifiedToCommission:', '2025-06-02')]);
    const out = check(nis2PlanInfoLate, plan);
    expect(out).toEqual([expect.objectContaining({ severity: 'warning', path: '/metadata/notifiedToCommission' })]);
    expect(out[0]?.message).toContain('more than three months after adopted 2025-03-01 (by 2025-06-01)');
    expect(check(nis2PlanInfoLate, sent('2025-03-01', '2025-05-20', '2025-09-01')).map((f) => f.path)).toEqual(['/metadata/notifiedToCyclone']);
  });

  it('counts calendar months, clamped to the end of the month', () => {
    expect(check(nis2PlanInfoLate, sent('2025-11-30', '2026-02-28', '2026-02-28'))).toEqual([]);
    expect(check(nis2PlanInfoLate, sent('2025-11-30', '2026-03-01', '2026-02-01'))).toHaveLength(1);
  });

  it('finds nothing in time, or without an adoption date', () => {
    expect(check(nis2PlanInfoLate, sent('2025-03-01', '2025-05-20', '2025-05-20'))).toEqual([]);
    expect(check(nis2PlanInfoLate, mutate(nationalPlan(), (p) => (p.metadata.notifiedToCommission = '2030-01-01')))).toEqual([]);
  });
});

describe('nis2/art9-5-designation-late', () => {
  const authority = (designated: string, designationNotified: string) =>
    mutate(nationalPlan(), (p) => Object.assign(p.roles[1], { designated, designationNotified }));

  it('warns when the Commission was notified of the authority more than three months after its designation', () => {
    const plan = authority('2024-10-17', '2025-02-01');
    const { text, findings } = validateYaml(plan);
    expect(placesOf(findings, 'nis2/art9-5-designation-late')).toEqual([where(text, 'designationNotified:', '2025-02-01')]);
    const out = check(nis2DesignationLate, plan);
    expect(out).toEqual([expect.objectContaining({ severity: 'warning', path: '/roles/1/designationNotified' })]);
    expect(out[0]?.message).toContain('role "authority": designationNotified 2025-02-01 is more than three months after designated 2024-10-17 (by 2025-01-17)');
  });

  it('finds nothing in time, or with one of the dates missing', () => {
    expect(check(nis2DesignationLate, authority('2024-10-17', '2025-01-17'))).toEqual([]);
    expect(check(nis2DesignationLate, mutate(nationalPlan(), (p) => (p.roles[1].designated = '2020-01-01')))).toEqual([]);
    expect(check(nis2DesignationLate, nationalPlan())).toEqual([]);
  });
});
