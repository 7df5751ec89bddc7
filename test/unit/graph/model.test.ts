// The graph model and the incident overlay: shapes for decisions, forks and joins, hand-overs out
// of the plan's lanes, lanes by level or role, and the path an incident took.
import { describe, expect, it } from 'vitest';
import { buildGraph, buildOverlay, type PlanGraph } from '../../../src/core/report/graph/index.js';
import { edgeTaken, nodeVisited } from '../../../src/core/report/graph/overlay.js';
import { Session } from '../engine/session.js';
import { tracksPlan, tracksPlans } from './graph-plans.js';

const at = (m: number) => new Date(Date.UTC(2025, 2, 1, 8, m));
const node = (g: PlanGraph, key: string, kind?: string) => g.nodes.find((n) => n.key === key && (kind === undefined || n.kind === kind));
const edgesFrom = (g: PlanGraph, id: string | undefined) => g.edges.filter((e) => e.from === id);

describe('buildGraph', () => {
  const g = buildGraph(tracksPlan, tracksPlans());

  it('puts each step in the lane of its level, lanes by rank, and other plans in lanes of their own', () => {
    expect(g.lanes.map((l) => l.id)).toEqual(['level:technical', 'level:operational', 'level:strategic', 'plan:eu-circp']);
    expect(node(g, 'xx-ncp#report')?.lane).toBe('level:operational');
    expect(node(g, 'eu-circp#cyclone')).toMatchObject({ kind: 'external', lane: 'plan:eu-circp', title: 'EU-CyCLONe activation' });
    expect(g.lanes.find((l) => l.id === 'plan:eu-circp')).toMatchObject({ external: true, title: 'Test EU plan' });
  });

  it('draws a decision as a diamond with one labelled edge per option', () => {
    const d = node(g, 'xx-ncp#contain', 'decision');
    expect(d?.detail).toBe('Escalate to the EU?');
    expect(edgesFrom(g, d?.id).map((e) => e.label)).toEqual(['Yes, and inform the public', 'No']);
  });

  it('forks where a step or an option starts tracks, and joins before a join step', () => {
    const stepFork = node(g, 'xx-ncp#fork', 'fork');
    expect(edgesFrom(g, stepFork?.id).map((e) => [e.kind, g.nodes.find((n) => n.id === e.to)?.key])).toEqual([
      ['next', 'xx-ncp#contain'],
      ['track', 'xx-ncp#report'],
    ]);
    const optionFork = g.nodes.find((n) => n.kind === 'fork' && n.key === 'xx-ncp#contain');
    expect(edgesFrom(g, optionFork?.id).map((e) => e.kind)).toEqual(['next', 'track', 'track']);
    const bar = node(g, 'xx-ncp#meet', 'join');
    expect(bar?.title).toBe('join: all');
    // Every way into the join step goes through the bar.
    const meet = node(g, 'xx-ncp#meet', 'step');
    expect(g.edges.filter((e) => e.to === meet?.id).map((e) => e.from)).toEqual([bar?.id]);
    expect(g.edges.filter((e) => e.to === bar?.id)).toHaveLength(3);
  });

  it('marks a hand-over into another plan', () => {
    const cyclone = node(g, 'eu-circp#cyclone');
    expect(g.edges.find((e) => e.to === cyclone?.id)?.kind).toBe('track');
    const handover = buildGraph({ ...tracksPlan, steps: [{ ...tracksPlan.steps[5]!, end: false, next: 'eu-circp#cyclone' }] }, tracksPlans());
    expect(handover.edges.map((e) => e.kind)).toEqual(['handover']);
  });

  it('lists the clocks', () => {
    expect(g.clocks.map((c) => c.id)).toEqual(tracksPlan.clocks?.map((c) => c.id));
  });

  it('takes lanes by owner role with lanes: role', () => {
    const byRole = buildGraph(tracksPlan, tracksPlans(), 'role');
    expect(byRole.lanes.map((l) => l.title)).toEqual(['National CSIRT', 'Crisis authority', 'Test EU plan']);
    expect(node(byRole, 'xx-ncp#report')?.lane).toBe('role:crisis-authority');
  });
});

describe('buildOverlay', () => {
  it('marks the steps visited, the edges taken, and where each track stands', () => {
    const s = new Session(tracksPlans());
    s.act('continue@xx-ncp#fork', {}, at(1));
    s.act('decide@xx-ncp#contain', { option: 'No' }, at(2));
    const g = buildGraph(tracksPlan, tracksPlans());
    const o = buildOverlay('inc-1', s.state, s.log);
    const edge = (fromKey: string, label: string | undefined) => g.edges.find((e) => g.nodes.find((n) => n.id === e.from)?.key === fromKey && e.label === label);
    expect(edgeTaken(o, edge('xx-ncp#contain', 'No')?.moves ?? [])).toBe(true);
    expect(edgeTaken(o, edge('xx-ncp#contain', 'Yes, and inform the public')?.moves ?? [])).toBe(false);
    // The track the fork started, and the fork bar it passed through.
    const fork = node(g, 'xx-ncp#fork', 'fork');
    const trackEdge = edgesFrom(g, fork?.id).find((e) => e.kind === 'track');
    expect(edgeTaken(o, trackEdge?.moves ?? [])).toBe(true);
    expect(nodeVisited(g, o, fork?.id ?? '')).toBe(true);
    expect(nodeVisited(g, o, node(g, 'xx-ncp#inform')?.id ?? '')).toBe(false);
    expect(o.marks.get('xx-ncp#meet')).toEqual([{ track: 'main', status: 'waiting' }]);
    expect(o.marks.get('xx-ncp#report')).toEqual([{ track: 't2', status: 'active' }]);
  });
});
