// tracks/no-end and tracks/unreachable: a track that is started must be able to run on its own and
// to finish. One that begins where its fork goes on anyway merges with it at once and never runs;
// one that can reach no end, join or hand-over keeps the incident open for ever.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from './finding.js';
import type { Rule } from './rule.js';
import { buildStepGraph, reachable, type StepNode } from './step-graph.js';
import { get, items, str } from './safe.js';
import { trackSites } from './track-sites.js';

const noEndMeta: RuleMeta = {
  id: 'tracks/no-end',
  severity: 'error',
  description: 'Every track a fork starts can reach a join, an end step or a hand-over to another plan.',
};

const unreachableMeta: RuleMeta = {
  id: 'tracks/unreachable',
  severity: 'error',
  description: 'Every track a fork starts can run on its own: it does not begin at the fork itself, at the step the fork goes on to, or twice from one fork.',
};

/** Whether some step reachable from `start` is a join, ends the plan or leaves it. */
function finishes(nodes: readonly StepNode[], start: number, isJoin: ReadonlySet<number>): boolean {
  for (const i of reachable(nodes, start, true)) if (isJoin.has(i) || nodes[i]?.escapes === true) return true;
  return false;
}

export const trackNoEnd: Rule = {
  ...noEndMeta,
  check(ctx) {
    const { nodes } = buildStepGraph(ctx.plan);
    const isJoin = new Set(items(ctx.plan, 'steps').flatMap((s, i) => (str(get(s, 'join')) !== undefined ? [i] : [])));
    const out: RuleFinding[] = [];
    for (const site of trackSites(ctx.plan)) {
      if (site.target === undefined || finishes(nodes, site.target, isJoin)) continue;
      out.push(
        finding(noEndMeta, site.path, `the track that begins at "${site.ref}" can never reach a join, an end step or a hand-over: it would keep the incident open; give its loop a way out`),
      );
    }
    return out;
  },
};

export const trackUnreachable: Rule = {
  ...unreachableMeta,
  check(ctx) {
    const { nodes } = buildStepGraph(ctx.plan);
    const out: RuleFinding[] = [];
    const seen = new Set<string>();
    for (const site of trackSites(ctx.plan)) {
      if (site.target === undefined) continue;
      const fork = nodes[site.step]?.id ?? `#${site.step + 1}`;
      const key = `${site.path.replace(/\/startsTracks\/\d+$/, '')} ${site.target}`;
      let why: string | undefined;
      if (site.target === site.step) why = `it begins at "${fork}", the step that starts it`;
      else if (site.target === site.wayOn) why = `it begins at "${site.ref}", where the fork goes on anyway, so it merges with that track at once`;
      else if (seen.has(key)) why = `it is started twice here`;
      seen.add(key);
      if (why !== undefined) out.push(finding(unreachableMeta, site.path, `the track "${site.ref}" can never run on its own: ${why}; remove it, or start the track at another step`));
    }
    return out;
  },
};
