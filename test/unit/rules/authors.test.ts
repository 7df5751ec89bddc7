// Issue 8 rules about what an author declares: channel TLP ceilings, network membership, ranks.
import { describe, expect, it } from 'vitest';
import { duplicateRank } from '../../../src/core/plan/rules/duplicate-rank.js';
import { tlpAboveChannel } from '../../../src/core/plan/rules/notification-tlp.js';
import { unknownBody } from '../../../src/core/plan/rules/unknown-body.js';
import { check, euPlan, mutate, nationalPlan } from './plan-builder.js';
import { placesOf, validateYaml, where } from './validate-yaml.js';

describe('notification/tlp-above-channel', () => {
  const ceiling = (maxTlp: string, tlp = 'AMBER') =>
    mutate(nationalPlan(), (p) => {
      p.channels[0].maxTlp = maxTlp;
      p.notifications[0].tlp = tlp;
    });

  it('reports a notification classified above its channel ceiling, at its tlp', () => {
    const plan = ceiling('GREEN');
    const { text, findings } = validateYaml(plan);
    expect(placesOf(findings, 'notification/tlp-above-channel')).toEqual([where(text, 'id: warn-csirt', 'AMBER')]);
    const out = check(tlpAboveChannel, plan);
    expect(out).toEqual([expect.objectContaining({ severity: 'error', path: '/notifications/0/tlp' })]);
    expect(out[0]?.message).toContain('notification "warn-csirt" is TLP:AMBER but channel "phone" may carry at most TLP:GREEN');
  });

  it('follows the TLP 2.0 order CLEAR < GREEN < AMBER < AMBER+STRICT < RED', () => {
    expect(check(tlpAboveChannel, ceiling('AMBER', 'AMBER+STRICT'))).toHaveLength(1);
    expect(check(tlpAboveChannel, ceiling('AMBER+STRICT', 'RED'))).toHaveLength(1);
    expect(check(tlpAboveChannel, ceiling('CLEAR', 'GREEN'))).toHaveLength(1);
    expect(check(tlpAboveChannel, ceiling('AMBER+STRICT', 'AMBER+STRICT'))).toEqual([]);
    expect(check(tlpAboveChannel, ceiling('RED', 'AMBER'))).toEqual([]);
  });

  it('finds nothing on a channel without maxTlp, or without a channel', () => {
    expect(check(tlpAboveChannel, nationalPlan())).toEqual([]);
    expect(check(tlpAboveChannel, mutate(ceiling('CLEAR'), (p) => delete p.notifications[0].channel))).toEqual([]);
  });
});

describe('ref/unknown-body', () => {
  it('reports a memberOf entry that names no EU network or body, at the entry, with a suggestion', () => {
    const plan = mutate(nationalPlan(), (p) => (p.roles[0].memberOf = ['csirts-network', 'csirt-network']));
    const { text, findings } = validateYaml(plan);
    expect(placesOf(findings, 'ref/unknown-body')).toEqual([where(text, '- csirts-network', 'csirt-network')]);
    const out = check(unknownBody, plan);
    expect(out).toEqual([expect.objectContaining({ severity: 'error', path: '/roles/0/memberOf/1' })]);
    expect(out[0]?.message).toContain('role "csirt": memberOf "csirt-network" is not a known EU network or body');
    expect(out[0]?.message).toContain('did you mean "csirts-network"?');
  });

  it('knows csirts-network, eu-cyclone, and eu-network or eu-body roles of the plan, its parent and the EU plan', () => {
    const plan = mutate(nationalPlan(), (p) => {
      p.roles[0].memberOf = ['csirts-network', 'eu-cyclone', 'nordic-csirts', 'cert-eu'];
      p.roles.push({ id: 'nordic-csirts', title: 'Nordic CSIRTs', type: 'eu-network' });
    });
    const eu = mutate(euPlan(), (p) => p.roles.push({ id: 'cert-eu', title: 'CERT-EU', type: 'eu-body' }));
    expect(check(unknownBody, plan, eu)).toEqual([]);
    expect(check(unknownBody, plan).map((f) => f.path)).toEqual(['/roles/0/memberOf/3']);
  });

  it('does not count a role of another type as a body', () => {
    const plan = mutate(nationalPlan(), (p) => (p.roles[0].memberOf = ['authority']));
    expect(check(unknownBody, plan)).toHaveLength(1);
  });
});

describe('ids/duplicate-rank', () => {
  const severities = [
    { id: 'significant', title: 'Significant', rank: 1, mapsTo: 'significant-incident', criteria: ['x'] },
    { id: 'crisis', title: 'Crisis', rank: 2, mapsTo: 'cyber-crisis', criteria: ['y'] },
  ];

  it('reports a severity with the rank of an earlier one, at its rank', () => {
    const plan = mutate(nationalPlan(), (p) => (p.severities = structuredClone(severities).map((s) => ({ ...s, rank: 1 }))));
    const { text, findings } = validateYaml(plan);
    expect(placesOf(findings, 'ids/duplicate-rank')).toEqual([where(text, 'id: crisis', '1')]);
    const out = check(duplicateRank, plan);
    expect(out).toEqual([expect.objectContaining({ severity: 'error', path: '/severities/1/rank' })]);
    expect(out[0]?.message).toContain('severity "crisis" has rank 1, like severity "significant"');
  });

  it('reports levels with the same rank too', () => {
    const plan = mutate(nationalPlan(), (p) => (p.levels[2].rank = 2));
    expect(check(duplicateRank, plan).map((f) => f.path)).toEqual(['/levels/2/rank']);
  });

  it('finds nothing when every rank is distinct', () => {
    expect(check(duplicateRank, mutate(nationalPlan(), (p) => (p.severities = structuredClone(severities))))).toEqual([]);
    expect(check(duplicateRank, nationalPlan())).toEqual([]);
  });
});
