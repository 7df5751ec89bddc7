import { describe, expect, it } from 'vitest';
import { fold, openIncident } from '../../../src/core/engine/index.js';
import { incidentTlp } from '../../../src/core/report/incident/marking.js';
import { strictestTlp } from '../../../src/core/tlp.js';
import { AWARE, plans } from '../engine/fixtures.js';
import { Session } from '../engine/session.js';

describe('the TLP marking of an incident', () => {
  it('is the strictest TLP of the plans the incident has been in', () => {
    const P = plans();
    const national = P.get('xx-ncp');
    const eu = P.get('eu-circp');
    if (!national || !eu) throw new Error('fixture');
    P.set('xx-ncp', { ...national, metadata: { ...national.metadata, tlp: 'GREEN' } }).set('eu-circp', { ...eu, metadata: { ...eu.metadata, tlp: 'AMBER' } });
    const opened = fold(P, openIncident(P, { planId: 'xx-ncp', title: 't', awareness: AWARE, at: AWARE, actor: 'a' }));
    expect(incidentTlp(opened, P)).toBe('GREEN');
    const s = new Session(P);
    s.act('continue', {}, AWARE);
    s.act('decide', { option: 'Large-scale' }, AWARE); // hands over to the EU plan
    expect(incidentTlp(s.state, P)).toBe('AMBER');
  });

  it('orders TLP 2.0 labels from CLEAR to RED', () => {
    expect(strictestTlp(['GREEN', 'AMBER+STRICT', 'AMBER'])).toBe('AMBER+STRICT');
    expect(strictestTlp(['RED', 'CLEAR'])).toBe('RED');
    expect(strictestTlp([undefined, 'nonsense'])).toBe('CLEAR');
  });
});
