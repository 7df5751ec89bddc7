// A replay checkpoint: what `status` and `note` need of an incident's state after event N, so
// they resume from it instead of replaying every event. Only the two history lists grow with
// the log (the timeline and the notes); a checkpoint keeps their last HEAD_WINDOW entries and
// the timeline's length, everything else whole. A state restored from one is a *head state*: its
// older history entries are holes. It serves commands that read where the incident stands,
// never exports or screens that list the history (those replay the log).
import { applyInPlace } from './apply.js';
import { EngineError } from './errors.js';
import type { IncidentEvent } from './events.js';
import type { Plans } from './refs.js';
import type { IncidentState, NoteRecord, TimelineEntry } from './state.js';

/**
 * The checkpoint format. Bump it whenever `apply` changes what a state holds: a checkpoint
 * written in another format is ignored (the log is replayed), never misread.
 */
export const CHECKPOINT_FORMAT = 'head-1';

/** How many of the latest history entries a head keeps: the retractable ones the screen offers (choices.ts). */
export const HEAD_WINDOW = 200;

/** A state as a checkpoint stores it (plain JSON). */
export interface HeadCheckpoint {
  state: Omit<IncidentState, 'timeline' | 'notes'>;
  timelineLength: number;
  timeline: TimelineEntry[]; // the last HEAD_WINDOW entries
  notes: NoteRecord[]; // the notes among them
}

/** The checkpoint of a state (full or head): the history cut to its window. */
export function toCheckpoint(state: IncidentState): HeadCheckpoint {
  const { timeline, notes, ...rest } = state;
  const from = Math.max(0, timeline.length - HEAD_WINDOW);
  return {
    state: rest,
    timelineLength: timeline.length,
    timeline: timeline.slice(from),
    notes: notes.filter((n) => n.seq === undefined || n.seq > from),
  };
}

/** The head state a checkpoint holds; undefined when it is not one this code wrote. */
export function fromCheckpoint(value: unknown): IncidentState | undefined {
  if (!isCheckpoint(value)) return undefined;
  // Holes for the entries before the window: the length (which numbers the next entry) stays true.
  const timeline: TimelineEntry[] = new Array<TimelineEntry>(value.timelineLength);
  const from = value.timelineLength - value.timeline.length;
  value.timeline.forEach((entry, i) => (timeline[from + i] = entry));
  return { ...value.state, timeline, notes: value.notes };
}

/**
 * Apply the events after a checkpoint to its head state. Undefined when one of them needs the
 * history the head left out (a retraction of an older entry): the caller replays the whole log.
 */
export function resumeHead(head: IncidentState, events: readonly IncidentEvent[], plans: Plans): IncidentState | undefined {
  try {
    for (const event of events) applyInPlace(head, event, plans);
    return head;
  } catch (error) {
    if (error instanceof EngineError) return undefined;
    throw error;
  }
}

function isCheckpoint(value: unknown): value is HeadCheckpoint {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['state'] === 'object' && v['state'] !== null &&
    Number.isSafeInteger(v['timelineLength']) && (v['timelineLength'] as number) >= 0 &&
    Array.isArray(v['timeline']) && v['timeline'].length <= (v['timelineLength'] as number) &&
    Array.isArray(v['notes'])
  );
}
