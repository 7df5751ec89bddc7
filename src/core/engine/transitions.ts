// The moves several actions share: starting clocks, raising the level, entering a step (with the
// hand-over when it lies in another plan), and sending a notification.
import type { Notification } from '../plan/types.js';
import type { EventBatch } from './batch.js';
import { clockDue } from './clocks.js';
import { EngineError } from './errors.js';
import { MAIN_TRACK, type LeftOpen, type StepRef } from './events.js';
import { canReach } from './reach.js';
import { getClock, getLevel, getPlan, getStep, resolveNext, splitRef } from './refs.js';
import { activeTrackAt, activeTracks, waitingAt, type TrackState } from './state.js';
import { parseIso, toIso } from './time.js';
import { aboveCeiling } from '../tlp.js';

/**
 * Start a clock (ID or PLAN#ID seen from planId) at `startedAt`, unless it already runs. Clocks with
 * the same id in a national plan and its parent are one legal deadline, so a run in either counts.
 */
export function startClock(b: EventBatch, ref: string, planId: string, startedAt: Date, given?: Date): void {
  const c = getClock(b.plans, ref, planId);
  if (b.state.clocks.some((run) => run.clockId === c.clock.id && run.metAt === undefined)) return;
  const awareness = b.state.meta ? parseIso(b.state.meta.awareness, 'awareness time') : startedAt;
  const dueAt = toIso(clockDue(c.clock, startedAt, { awareness, ...(given === undefined ? {} : { given }) }));
  b.push({ type: 'clock-started', planId: c.planId, clockId: c.clock.id, startedAt: toIso(startedAt), dueAt });
}

/** Start the awareness clocks of a plan at the incident's awareness time (once per plan). */
export function startAwarenessClocks(b: EventBatch, planId: string): void {
  const awareness = parseIso(b.state.meta?.awareness ?? b.at, 'awareness time');
  for (const clock of getPlan(b.plans, planId).clocks ?? []) {
    // The same deadline may already run under the plan that handed over (same clock id).
    if (clock.starts === 'awareness' && !b.state.clocks.some((run) => run.clockId === clock.id)) {
      startClock(b, clock.id, planId, awareness);
    }
  }
}

/** Raise the cooperation level to `levelId` of `planId` if that is higher; never lower it. */
export function raiseLevel(b: EventBatch, planId: string, levelId: string, reason: string): void {
  const to = getLevel(b.plans, planId, levelId);
  const from = b.state.level;
  if (!from || to.rank <= from.rank) return;
  b.push({ type: 'level-escalated', planId, from: from.id, to: to.id, reason });
}

/**
 * Move a track to a step: hand over first if it is in another plan, then enter it, unless another
 * track is working there (the two merge: this one ends) or it is a join that is not open yet.
 */
export function enterStep(b: EventBatch, trackId: string, to: StepRef, leftOpen?: LeftOpen): void {
  const track = runningTrack(b, trackId);
  const step = getStep(b.plans, to);
  const named = trackId === MAIN_TRACK ? {} : { track: trackId };
  // What the move left open rides on its first event, so the log says it where the step was left.
  let left: { leftOpen?: LeftOpen } = leftOpen === undefined ? {} : { leftOpen };
  if (to.planId !== track.planId) {
    const firstVisit = !b.state.plans.includes(to.planId);
    b.push({ type: 'plan-handed-over', ...named, from: { ...track.at }, to: { ...to }, ...left });
    left = {};
    if (firstVisit) startAwarenessClocks(b, to.planId);
  }
  // A first-arrival join counts only arrivals since this track started; an all-join that already
  // opened counts any: either way the late arrival joins the running track that went on from it.
  const since = step.join === 'first' ? track.visitedFrom : 0;
  const into = activeTrackAt(b.state, to) ?? (step.join === undefined ? undefined : wentOnFrom(b, to, track.id, since));
  if (into && into.id !== trackId) {
    b.push({ type: 'track-ended', track: trackId, planId: to.planId, stepId: to.stepId, reason: 'joined', into: into.id, ...left });
    return releaseJoins(b);
  }
  if (step.join === 'all' && othersCanReach(b, to, trackId)) {
    b.push({ type: 'track-waiting', track: trackId, planId: to.planId, stepId: to.stepId, ...left });
    return releaseJoins(b);
  }
  b.push({ type: 'step-entered', planId: to.planId, stepId: to.stepId, ...named, ...left });
  joinWaiting(b, to, trackId);
  onEntry(b, to);
  releaseJoins(b);
}

/** What entering a step sets going: its level, its clocks, and the tracks it starts. */
export function onEntry(b: EventBatch, at: StepRef): void {
  const step = getStep(b.plans, at);
  raiseLevel(b, at.planId, step.level, `step ${at.stepId} runs at level ${step.level}`);
  for (const ref of step.startsClocks ?? []) startClock(b, ref, at.planId, b.when);
  for (const ref of step.startsTracks ?? []) startTrack(b, resolveNext(b.plans, ref, at.planId), at);
}

/**
 * Start a track at `to`, from the step `from` (where an active track is), unless a track already
 * works there. A first step in another plan brings that plan in, with its awareness clocks.
 */
export function startTrack(b: EventBatch, to: StepRef, from: StepRef): void {
  if (activeTrackAt(b.state, to)) return;
  const track = `t${b.state.tracksStarted + 1}`;
  const firstVisit = !b.state.plans.includes(to.planId);
  b.push({ type: 'track-started', track, planId: to.planId, stepId: to.stepId, from: { ...from } });
  if (firstVisit) startAwarenessClocks(b, to.planId);
  onEntry(b, to);
}

/** End a track at its end step while others run on, and open any join that waited only for it. */
export function endTrack(b: EventBatch, trackId: string, leftOpen?: LeftOpen): void {
  const track = runningTrack(b, trackId);
  b.push({ type: 'track-ended', track: trackId, planId: track.at.planId, stepId: track.at.stepId, reason: 'end', ...(leftOpen === undefined ? {} : { leftOpen }) });
  releaseJoins(b);
}

/**
 * Open every join no active track can reach any more: its earliest waiting track enters it, and the
 * others waiting there join that one. Repeated, since an opened join's track can release another.
 */
function releaseJoins(b: EventBatch): void {
  for (;;) {
    const waiting = b.state.tracks.find((t) => t.status === 'waiting' && !othersCanReach(b, t.at, t.id));
    if (!waiting) return;
    const at = { ...waiting.at };
    b.push({ type: 'step-entered', planId: at.planId, stepId: at.stepId, ...(waiting.id === MAIN_TRACK ? {} : { track: waiting.id }) });
    joinWaiting(b, at, waiting.id);
    onEntry(b, at);
  }
}

/** The tracks that waited at a join end there, joined into the one that goes on from it. */
function joinWaiting(b: EventBatch, at: StepRef, into: string): void {
  for (const t of waitingAt(b.state, at)) {
    if (t.id !== into) b.push({ type: 'track-ended', track: t.id, planId: at.planId, stepId: at.stepId, reason: 'joined', into });
  }
}

/** Whether an active track other than `trackId` can still reach `join`. */
function othersCanReach(b: EventBatch, join: StepRef, trackId: string): boolean {
  return activeTracks(b.state).some((t) => t.id !== trackId && canReach(b.plans, t.at, join));
}

/** The running track (other than `trackId`) that entered `join` at or after visit `since`, if one did. */
function wentOnFrom(b: EventBatch, join: StepRef, trackId: string, since: number): TrackState | undefined {
  const entered = b.state.visited.slice(since).filter((v) => v.planId === join.planId && v.stepId === join.stepId && (v.track ?? MAIN_TRACK) !== trackId);
  return entered.map((v) => b.state.tracks.find((t) => t.id === (v.track ?? MAIN_TRACK))).find((t) => t !== undefined);
}

function runningTrack(b: EventBatch, id: string): TrackState {
  const track = b.state.tracks.find((t) => t.id === id);
  if (!track) throw new EngineError('invalid-input', `There is no running track "${id}".`);
  return track;
}

/** How a report went out, besides the notification itself. */
export interface SendDetails {
  channel?: string; // a channel other than the notification's own
  sentAt?: Date; // when it was sent, if before it is recorded
  tlpReason?: string; // why it went through a channel below its TLP (required then)
}

/** Record a sent notification; it meets its clock, and starts the clocks that run from that report. */
export function sendNotification(b: EventBatch, planId: string, n: Notification, details: SendDetails = {}): void {
  const via = details.channel ?? n.channel;
  const ceiling = getPlan(b.plans, planId).channels?.find((c) => c.id === via)?.maxTlp;
  const above = aboveCeiling(n.tlp, ceiling);
  const reason = details.tlpReason?.trim() ? details.tlpReason : undefined;
  if (above && reason === undefined) {
    throw new EngineError('invalid-input', `Channel "${String(via)}" carries at most TLP:${String(ceiling)} and this report is TLP:${n.tlp}: give a reason to send it that way.`);
  }
  // Sent "now" is not a separate time: sentAt is kept only when it differs from the record.
  const sentAt = details.sentAt === undefined ? b.at : toIso(details.sentAt);
  b.push({
    type: 'notification-sent',
    planId,
    notificationId: n.id,
    to: n.to,
    ...(via !== undefined ? { channel: via } : {}),
    ...(n.clock !== undefined ? { clock: n.clock } : {}),
    ...(n.alsoMeets !== undefined && n.alsoMeets.length > 0 ? { alsoMeets: [...n.alsoMeets] } : {}),
    ...(sentAt !== b.at ? { sentAt } : {}),
    ...(above && reason !== undefined ? { tlpReason: reason } : {}),
  });
  if (n.clock === undefined) return;
  const met = getClock(b.plans, n.clock, planId);
  for (const pid of b.state.plans) {
    for (const clock of getPlan(b.plans, pid).clocks ?? []) {
      if (clock.starts !== 'report-submitted' || clock.after === undefined) continue;
      const after = splitRef(clock.after, pid);
      // The follow-up report's clock runs from when this one was sent, not from when it was logged.
      if (after.id === met.clock.id) startClock(b, clock.id, pid, parseIso(sentAt, 'sent time'));
    }
  }
}
