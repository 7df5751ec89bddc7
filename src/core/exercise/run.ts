// runExercise(): an unattended run on simulated time. It opens the incident, releases the injects
// and plays the script in time order through the engine, exactly as a responder's actions would.
import type { IncidentEvent, IncidentState, Plans } from '../engine/index.js';
import { parseStart } from './offsets.js';
import { ExerciseSession, type EventSink, type RunProblem } from './session.js';
import { agenda, endOf, openingTimes, SimClock } from './sim-clock.js';
import type { Exercise } from './types.js';

export interface ExerciseRun {
  start: Date;
  end: Date; // ENDEX: clocks and expectations are judged at this time
  events: IncidentEvent[];
  state: IncidentState;
  problems: RunProblem[];
}

/** Play the exercise from start to end; the same exercise and plans always give the same run. */
export function runExercise(exercise: Exercise, plans: Plans, options: { onEvents?: EventSink } = {}): ExerciseRun {
  const start = parseStart(exercise.start);
  if (!start) throw new RangeError(`The exercise start "${exercise.start}" is not an RFC 3339 date-time.`);
  const cues = agenda(exercise, start);
  const end = endOf(exercise, start, cues);
  const clock = new SimClock(start);
  const session = new ExerciseSession(exercise, plans, start, options.onEvents);
  for (const cue of cues) {
    if (cue.at.getTime() > end.getTime()) break; // after ENDEX nothing is played
    clock.advanceTo(cue.at);
    if (cue.kind === 'open') session.open(openingTimes(exercise, start).awareness, clock.now());
    else if (cue.kind === 'inject') session.release(cue.inject, cue.index, clock.now());
    else session.perform(cue.entry, cue.index, clock.now());
  }
  clock.advanceTo(end);
  session.end(clock.now());
  return { start, end, events: session.events, state: session.state, problems: session.problems };
}
