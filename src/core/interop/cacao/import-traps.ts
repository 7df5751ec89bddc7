// A CACAO workflow may loop with no way out (SOARCA's own test playbook does); a plan may not
// (flow/dead-end-loop). Each trap is opened where it closes: the step whose way on goes back
// into the loop (a back edge from the start) ends the plan instead.
import type { Plan, Step } from '../../plan/types.js';

const targets = (s: Step): string[] => [s.next, ...(s.decision?.options ?? []).map((o) => o.next), ...(s.startsTracks ?? [])].filter((x): x is string => x !== undefined);

/** Make every step able to reach an end or a hand-over; `note` says where, `endRef` gives the end step. */
export function breakTraps(plan: Plan, note: (what: string, why: string) => void, endRef: () => string): void {
  for (let guard = 0; guard <= plan.steps.length; guard++) {
    const exits = canExit(plan);
    const trapped = new Set(plan.steps.filter((s) => !exits.has(s.id)).map((s) => s.id));
    if (trapped.size === 0) return;
    const back = backEdges(plan).find(([from]) => trapped.has(from.id)) ?? [plan.steps.find((s) => trapped.has(s.id)), undefined];
    const [step, to] = back;
    if (!step) return;
    if (step.next !== undefined && (to === undefined || step.next === to)) {
      note(`step ${step.id} ("${step.title}")`, `it goes back to ${step.next} in a loop with no way out; it ends the plan instead`);
      delete step.next;
      step.end = true;
      continue;
    }
    const option = step.decision?.options.find((o) => to === undefined || o.next === to);
    if (!option) return;
    note(`step ${step.id} ("${step.title}"), option "${option.label}"`, `it goes back to ${option.next} in a loop with no way out; the option ends the plan instead`);
    option.next = endRef();
  }
}

/** Edges that go back to a step still being walked, in a depth-first walk from the start. */
function backEdges(plan: Plan): [Step, string][] {
  const byId = new Map(plan.steps.map((s) => [s.id, s]));
  const start = plan.start ?? plan.steps[0]?.id;
  const state = new Map<string, 'open' | 'done'>();
  const out: [Step, string][] = [];
  const stack: { step: Step; i: number }[] = [];
  const first = start === undefined ? undefined : byId.get(start);
  if (first) {
    stack.push({ step: first, i: 0 });
    state.set(first.id, 'open');
  }
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (!top) break;
    const next = targets(top.step)[top.i++];
    if (next === undefined) {
      state.set(top.step.id, 'done');
      stack.pop();
      continue;
    }
    if (state.get(next) === 'open') out.push([top.step, next]);
    const step = byId.get(next);
    if (step && !state.has(next)) {
      state.set(next, 'open');
      stack.push({ step, i: 0 });
    }
  }
  return out;
}

/** Steps from which an end step, or a step in another plan, can be reached. */
function canExit(plan: Plan): Set<string> {
  const out = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const s of plan.steps) {
      if (out.has(s.id)) continue;
      if (s.end || targets(s).some((t) => t.includes('#') || out.has(t))) {
        out.add(s.id);
        changed = true;
      }
    }
  }
  return out;
}
