// The path an incident took, laid over a plan's graph: the steps visited, the moves made (each
// track's steps in order, decisions by their option, track starts, hand-overs), and where every
// track stands now or ended. Built from the folded state and the events, nothing else.
import { MAIN_TRACK, type IncidentEvent } from '../../engine/events.js';
import { stepKey } from '../../engine/refs.js';
import type { IncidentState } from '../../engine/state.js';
import type { PlanGraph, Transition } from './model.js';

export interface TrackMark {
  track: string;
  status: 'active' | 'waiting' | 'ended' | 'joined' | 'closed';
}

export interface GraphOverlay {
  incidentId: string;
  visited: ReadonlySet<string>; // stepKeys
  taken: ReadonlySet<string>; // moveKey of each move made
  marks: ReadonlyMap<string, TrackMark[]>; // stepKey -> the tracks there
}

/** The key a move is matched by: from, to and, for a decision, the option. */
export function moveKey(m: Transition): string {
  return `${m.from}>${m.to}${m.option === undefined ? '' : `/${m.option}`}${m.track ? '+' : ''}`;
}

/** What the incident did, as an overlay for any plan it has been in. */
export function buildOverlay(incidentId: string, state: IncidentState, events: readonly IncidentEvent[]): GraphOverlay {
  const visited = new Set(state.visited.map(stepKey));
  const taken = new Set<string>();
  // Each track's moves in log order; a move out of a decision also counts under the option taken there.
  const at = new Map<string, string>();
  const option = new Map<string, number>();
  const move = (track: string | undefined, to: string, from = at.get(track ?? MAIN_TRACK), starts = false): void => {
    visited.add(to);
    at.set(track ?? MAIN_TRACK, to);
    if (from === undefined || from === to) return;
    taken.add(moveKey({ from, to, ...(starts ? { track: true } : {}) }));
    const chosen = option.get(from);
    if (chosen !== undefined) taken.add(moveKey({ from, to, option: chosen, ...(starts ? { track: true } : {}) }));
  };
  for (const e of events) {
    if (e.type === 'decision-taken') option.set(`${e.planId}#${e.stepId}`, e.option);
    else if (e.type === 'step-entered' || e.type === 'track-waiting' || e.type === 'track-ended') move(e.track, `${e.planId}#${e.stepId}`);
    else if (e.type === 'track-started') move(e.track, `${e.planId}#${e.stepId}`, stepKey(e.from), true);
    else if (e.type === 'plan-handed-over') move(e.track, stepKey(e.to), stepKey(e.from));
  }
  const marks = new Map<string, TrackMark[]>();
  const mark = (key: string, m: TrackMark): void => void marks.set(key, [...(marks.get(key) ?? []), m]);
  for (const t of state.tracks) mark(stepKey(t.at), { track: t.id, status: state.closed ? 'closed' : t.status });
  for (const t of state.endedTracks) mark(stepKey(t.step), { track: t.id, status: t.reason === 'joined' ? 'joined' : 'ended' });
  return { incidentId, visited, taken, marks };
}

/** Whether an edge of the graph was taken: one of the moves it draws was made. */
export function edgeTaken(overlay: GraphOverlay | undefined, moves: readonly Transition[]): boolean {
  return overlay !== undefined && moves.some((m) => overlay.taken.has(moveKey(m)));
}

/** Whether a node was visited (a fork or join bar: when a move through it was made). */
export function nodeVisited(graph: PlanGraph, overlay: GraphOverlay | undefined, nodeId: string): boolean {
  if (overlay === undefined) return false;
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (!node) return false;
  if (node.kind === 'fork' || node.kind === 'join') {
    return graph.edges.some((e) => (e.from === nodeId || e.to === nodeId) && edgeTaken(overlay, e.moves));
  }
  return overlay.visited.has(node.key);
}

/** The words a node carries for the tracks at its step: "main: here", "t2: waiting", "t3: ended". */
export function markText(marks: readonly TrackMark[] | undefined): string | undefined {
  if (!marks || marks.length === 0) return undefined;
  const word = { active: 'here', waiting: 'waiting', ended: 'ended', joined: 'joined', closed: 'closed here' } as const;
  return marks.map((m) => `${m.track}: ${word[m.status]}`).join(', ');
}
