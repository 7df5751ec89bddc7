// tracks/*: parallel tracks that cannot work as written. A join is where tracks meet, so one that
// lies on a loop is entered twice by one track, one that no two tracks can both reach joins nothing,
// and two that each lead to the other wait for each other for ever.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from './finding.js';
import type { Rule } from './rule.js';
import { buildStepGraph, reachable, type StepNode } from './step-graph.js';
import { get, items, pointer, str } from './safe.js';

const joinTwiceMeta: RuleMeta = {
  id: 'tracks/join-twice',
  severity: 'error',
  description: 'A join is not on a loop: a track that went on from it would come back and enter it a second time.',
};

const joinWithoutTracksMeta: RuleMeta = {
  id: 'tracks/join-without-tracks',
  severity: 'warning',
  description: 'A join can be reached by two tracks: some step starts a track, and both it and the way on reach the join.',
};

const joinDeadlockMeta: RuleMeta = {
  id: 'tracks/join-deadlock',
  severity: 'error',
  description: 'No two joins lead to each other: a track waiting at one can still reach the other, so each would wait for the other for ever.',
};

/** The steps that are joins, by index. */
function joins(plan: unknown): number[] {
  return items(plan, 'steps').flatMap((step, i) => (str(get(step, 'join')) !== undefined ? [i] : []));
}

/** Whether the join at `j` can be reached again from the steps it leads to. */
function onLoop(nodes: readonly StepNode[], j: number): boolean {
  return (nodes[j]?.targets ?? []).some((t) => reachable(nodes, t, true).has(j));
}

/** Whether some fork's new track and its way on (or two of its tracks) both reach the join `j`. */
function fedByTwo(nodes: readonly StepNode[], j: number): boolean {
  return nodes.some((node) => {
    if (node.tracks.length === 0) return false;
    const branches = [...node.tracks, ...node.targets];
    return branches.filter((b) => reachable(nodes, b, true).has(j)).length >= 2;
  });
}

/** Pairs of joins that each reach the other, first index first. */
function waitingPairs(nodes: readonly StepNode[], all: readonly number[]): [number, number][] {
  const reach = new Map(all.map((j) => [j, reachable(nodes, j, true)]));
  return all.flatMap((a, k) => all.slice(k + 1).filter((b) => reach.get(a)?.has(b) === true && reach.get(b)?.has(a) === true).map((b): [number, number] => [a, b]));
}

export const joinDeadlock: Rule = {
  ...joinDeadlockMeta,
  check(ctx) {
    const { nodes } = buildStepGraph(ctx.plan);
    const name = (j: number): string => nodes[j]?.id ?? `#${j + 1}`;
    return waitingPairs(nodes, joins(ctx.plan)).map(([a, b]) =>
      finding(joinDeadlockMeta, pointer('steps', a, 'join'), `joins "${name(a)}" and "${name(b)}" lead to each other: a track waiting at one can still reach the other, so each waits for the other for ever; break the loop between them`),
    );
  },
};

export const joinTwice: Rule = {
  ...joinTwiceMeta,
  check(ctx) {
    const { nodes } = buildStepGraph(ctx.plan);
    const all = joins(ctx.plan);
    // Joins that wait for each other are reported once, as a deadlock.
    const paired = new Set(waitingPairs(nodes, all).flat());
    const out: RuleFinding[] = [];
    for (const j of all) {
      if (paired.has(j) || !onLoop(nodes, j)) continue;
      const id = nodes[j]?.id ?? `#${j + 1}`;
      out.push(finding(joinTwiceMeta, pointer('steps', j, 'join'), `join "${id}" lies on a loop: a track that goes on from it can come back and enter it again; move the join out of the loop`));
    }
    return out;
  },
};

export const joinWithoutTracks: Rule = {
  ...joinWithoutTracksMeta,
  check(ctx) {
    const { nodes } = buildStepGraph(ctx.plan);
    // Tracks may also come in from another plan (a national track into the EU plan): only a plan
    // that starts no track of its own and receives none is judged here.
    const startsAny = nodes.some((n) => n.tracks.length > 0);
    if (!startsAny) return [];
    return joins(ctx.plan)
      .filter((j) => !fedByTwo(nodes, j))
      .map((j) =>
        finding(joinWithoutTracksMeta, pointer('steps', j, 'join'), `join "${nodes[j]?.id ?? `#${j + 1}`}" can be reached by only one track: no step starts a track whose way and the way on both lead here; remove join, or start the track that should meet here`),
      );
  },
};
