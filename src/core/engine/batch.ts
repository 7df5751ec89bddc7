// Building the events of one responder action. Each event is applied to a scratch state as it is
// added, so later events see earlier ones and the batch is valid input to apply() by construction.
import { apply } from './apply.js';
import type { IncidentEvent } from './events.js';
import type { Plans } from './refs.js';
import type { IncidentState } from './state.js';
import { toIso } from './time.js';

type Unstamped<E> = E extends IncidentEvent ? Omit<E, 'at' | 'actor'> : never;

/** An event list under construction, with the state it leads to. */
export class EventBatch {
  readonly events: IncidentEvent[] = [];
  readonly at: string;
  constructor(
    public state: IncidentState,
    readonly plans: Plans,
    readonly when: Date,
    readonly actor: string,
  ) {
    this.at = toIso(when);
  }

  /** Stamp an event with the batch's time and actor, apply it, and keep it. */
  push(event: Unstamped<IncidentEvent>): void {
    const full = { ...event, at: this.at, actor: this.actor } as IncidentEvent;
    this.state = apply(this.state, full, this.plans);
    this.events.push(full);
  }
}
