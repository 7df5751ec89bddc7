// Handlers for events that move the incident through its plans: open, enter, decide, skip,
// hand over, close. Each mutates a draft state that apply() has already copied.
import { EngineError } from './errors.js';
import { MAIN_TRACK, type DecisionTaken, type IncidentClosed, type IncidentOpened, type PlanHandedOver, type StepEntered, type StepRef, type StepSkipped, type TrackEnded, type TrackStarted, type TrackWaiting } from './events.js';
import { leftOpen, requireCurrent, text } from './guards.js';
import { getLevel, getPlan, getStep, type Plans, sameStep, startStep, stepKey } from './refs.js';
import type { IncidentState, TrackState } from './state.js';
import { parseIso } from './time.js';

/** incident-opened: meta, the opening plan, and the start step's level as the first level. */
export function onOpened(s: IncidentState, e: IncidentOpened, plans: Plans): void {
  if (s.opened) throw new EngineError('already-open', 'The incident is already open.');
  const plan = getPlan(plans, e.planId);
  const level = getLevel(plans, e.planId, startStep(plan).level);
  parseIso(e.awareness, 'awareness time');
  if (e.severity !== undefined && !plan.severities?.some((v) => v.id === e.severity)) {
    throw new EngineError('unknown-severity', `Plan "${e.planId}" has no severity "${e.severity}".`);
  }
  s.opened = true;
  s.meta = {
    planId: e.planId,
    title: text(e.title, 'title'),
    awareness: e.awareness,
    ...(e.severity !== undefined ? { severity: e.severity } : {}),
    openedAt: e.at,
    openedBy: e.actor,
  };
  s.planId = e.planId;
  s.plans = [e.planId];
  s.level = { planId: e.planId, id: level.id, rank: level.rank };
}

/**
 * step-entered: a track moves to a step in the plan it is in (another plan needs a hand-over
 * first). The first step-entered of an incident starts the main track; a track waiting at a join
 * enters it when the join opens.
 */
export function onStepEntered(s: IncidentState, e: StepEntered, plans: Plans): void {
  const id = e.track ?? MAIN_TRACK;
  getStep(plans, e);
  let track = s.tracks.find((t) => t.id === id);
  if (!track) {
    if (id !== MAIN_TRACK || s.tracksStarted > 0) throw new EngineError('invalid-event', `There is no running track "${id}".`);
    if (e.planId !== s.planId) throw new EngineError('invalid-event', `The incident starts in plan "${String(s.planId)}", not in "${e.planId}".`);
    track = { id, planId: e.planId, at: { planId: e.planId, stepId: e.stepId }, since: e.at, status: 'active', startedAt: e.at, visitedFrom: 0 };
    s.tracks.push(track);
    s.tracksStarted += 1;
  } else {
    if (e.planId !== track.planId) {
      throw new EngineError('invalid-event', `Step ${e.planId}#${e.stepId} is in another plan than track "${id}"; hand over to it first.`);
    }
    if (track.status === 'waiting' && !sameStep(track.at, e)) {
      throw new EngineError('invalid-event', `Track "${id}" waits at ${stepKey(track.at)}; it can only enter that join.`);
    }
    noteLeftOpen(s, track.at, e);
    track.at = { planId: e.planId, stepId: e.stepId };
    track.since = e.at;
    track.status = 'active';
  }
  occupied(s, track);
  s.visited.push({ planId: e.planId, stepId: e.stepId, at: e.at, actor: e.actor, ...(id === MAIN_TRACK ? {} : { track: id }) });
}

/** track-started: a new track at a step, started by a step some active track is at. */
export function onTrackStarted(s: IncidentState, e: TrackStarted, plans: Plans): void {
  const id = text(e.track, 'track');
  if (s.tracks.some((t) => t.id === id) || s.endedTracks.some((t) => t.id === id)) throw new EngineError('invalid-event', `Track "${id}" has already started.`);
  requireCurrent(s, e.from);
  getStep(plans, e);
  involvePlan(s, e.planId, plans);
  const at = { planId: e.planId, stepId: e.stepId };
  const track: TrackState = { id, planId: e.planId, at, since: e.at, status: 'active', from: { ...e.from }, startedAt: e.at, visitedFrom: s.visited.length };
  occupied(s, track);
  s.tracks.push(track);
  s.tracksStarted += 1;
  s.visited.push({ planId: e.planId, stepId: e.stepId, at: e.at, actor: e.actor, track: id });
}

/** track-waiting: an active track reaches a join in its plan and waits there. */
export function onTrackWaiting(s: IncidentState, e: TrackWaiting, plans: Plans): void {
  const track = running(s, e.track);
  if (track.status !== 'active') throw new EngineError('invalid-event', `Track "${track.id}" is already waiting.`);
  if (e.planId !== track.planId) throw new EngineError('invalid-event', `Step ${e.planId}#${e.stepId} is in another plan than track "${track.id}".`);
  if (getStep(plans, e).join === undefined) throw new EngineError('invalid-event', `Step ${e.planId}#${e.stepId} is not a join.`);
  noteLeftOpen(s, track.at, e);
  track.at = { planId: e.planId, stepId: e.stepId };
  track.since = e.at;
  track.status = 'waiting';
}

/** track-ended: a running track ends at its end step, or at a join another track goes on from. */
export function onTrackEnded(s: IncidentState, e: TrackEnded, plans: Plans): void {
  const track = running(s, e.track);
  const step = getStep(plans, e);
  if (e.reason === 'end') {
    if (!sameStep(track.at, e) || step.end !== true) throw new EngineError('invalid-event', `Track "${track.id}" is not at an end step.`);
  } else if (e.reason === 'joined') {
    const into = s.tracks.find((t) => t.id === e.into && t.id !== track.id);
    if (!into) throw new EngineError('invalid-event', `Track "${track.id}" cannot join "${String(e.into)}", which is not running.`);
  } else {
    throw new EngineError('invalid-event', `A track ends at an end step or a join, not "${String(e.reason)}".`);
  }
  if (s.tracks.length === 1) throw new EngineError('invalid-event', 'The last running track cannot end: close the incident instead.');
  noteLeftOpen(s, track.at, e);
  s.tracks = s.tracks.filter((t) => t !== track);
  s.endedTracks.push({ id: track.id, step: { planId: e.planId, stepId: e.stepId }, reason: e.reason, ...(e.into !== undefined ? { into: e.into } : {}), at: e.at, actor: e.actor });
}

/** decision-taken: the option must exist on the current step's decision, under the same label. */
export function onDecision(s: IncidentState, e: DecisionTaken, plans: Plans): void {
  requireCurrent(s, e);
  const decision = getStep(plans, e).decision;
  const option = decision?.options[e.option];
  if (!option || option.label !== e.label) {
    throw new EngineError('invalid-event', `Step ${e.stepId} has no decision option ${e.option} "${e.label}".`);
  }
  s.decisions.push({ planId: e.planId, stepId: e.stepId, option: e.option, label: e.label, at: e.at, actor: e.actor });
}

/** step-skipped: the current step, with a reason. */
export function onSkipped(s: IncidentState, e: StepSkipped, plans: Plans): void {
  requireCurrent(s, e);
  getStep(plans, e);
  s.skipped.push({ planId: e.planId, stepId: e.stepId, reason: text(e.reason, 'reason'), at: e.at, actor: e.actor });
}

/** plan-handed-over: a track moves from its step into a step of another loaded plan. */
export function onHandOver(s: IncidentState, e: PlanHandedOver, plans: Plans): void {
  const track = requireCurrent(s, e.from);
  if ((e.track ?? MAIN_TRACK) !== track.id) throw new EngineError('invalid-event', `Step ${stepKey(e.from)} is not where track "${e.track ?? MAIN_TRACK}" is.`);
  getStep(plans, e.to);
  if (e.to.planId === e.from.planId) {
    throw new EngineError('invalid-event', `A hand-over must lead into another plan, not within "${e.to.planId}".`);
  }
  noteLeftOpen(s, e.from, e);
  track.planId = e.to.planId;
  involvePlan(s, e.to.planId, plans);
  s.handovers.push({ from: { ...e.from }, to: { ...e.to }, at: e.at, actor: e.actor, ...(track.id === MAIN_TRACK ? {} : { track: track.id }) });
}

/**
 * A plan joins the incident (a hand-over, or a track started in it): the incident is in that plan
 * now, and the level keeps its rank under that plan's own name.
 */
function involvePlan(s: IncidentState, planId: string, plans: Plans): void {
  if (planId === s.planId) return;
  s.planId = planId;
  if (!s.plans.includes(planId)) s.plans.push(planId);
  const same = s.level ? getPlan(plans, planId).levels.find((l) => l.rank === s.level?.rank) : undefined;
  if (same) s.level = { planId, id: same.id, rank: same.rank };
}

/** The running track with this id. */
function running(s: IncidentState, id: unknown): TrackState {
  const track = s.tracks.find((t) => t.id === id);
  if (!track) throw new EngineError('invalid-event', `There is no running track "${String(id)}".`);
  return track;
}

/** Refuse a second active track at a step: tracks that meet merge (the engine ends the later one). */
function occupied(s: IncidentState, track: TrackState): void {
  const other = s.tracks.find((t) => t !== track && t.status === 'active' && sameStep(t.at, track.at));
  if (other) throw new EngineError('invalid-event', `Track "${other.id}" is already at ${stepKey(track.at)}; a second track cannot work the same step.`);
}

/** Keep what a move left open at the step it left, when the event says so. */
function noteLeftOpen(s: IncidentState, left: StepRef, e: { leftOpen?: unknown; at: string; actor: string }): void {
  if (e.leftOpen === undefined) return;
  s.leftOpen.push({ planId: left.planId, stepId: left.stepId, ...leftOpen(e.leftOpen), at: e.at, actor: e.actor });
}

/** incident-closed: nothing but viewing afterwards. */
export function onClosed(s: IncidentState, e: IncidentClosed): void {
  s.closed = true;
  s.closedAt = e.at;
  s.summary = text(e.summary, 'summary');
}
