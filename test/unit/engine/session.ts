// A test driver: an incident's log and state, advanced through the engine's own functions.
import type { Action, ActionInput } from '../../../src/core/engine/actions.js';
import { availableActions } from '../../../src/core/engine/available.js';
import { apply } from '../../../src/core/engine/apply.js';
import { eventsFor } from '../../../src/core/engine/decide.js';
import type { IncidentEvent } from '../../../src/core/engine/events.js';
import { fold } from '../../../src/core/engine/fold.js';
import { openIncident } from '../../../src/core/engine/open.js';
import type { Plans } from '../../../src/core/engine/refs.js';
import type { IncidentState } from '../../../src/core/engine/state.js';
import { AWARE, plans as fixturePlans } from './fixtures.js';

export class Session {
  readonly log: IncidentEvent[] = [];
  state: IncidentState;

  constructor(
    readonly plans: Plans = fixturePlans(),
    opened: { awareness?: Date; at?: Date; severity?: string } = {},
  ) {
    const events = openIncident(this.plans, {
      planId: 'xx-ncp',
      title: 'Ransomware at a hospital group',
      awareness: opened.awareness ?? AWARE,
      ...(opened.severity !== undefined ? { severity: opened.severity } : {}),
      at: opened.at ?? opened.awareness ?? AWARE,
      actor: 'alice',
    });
    this.state = fold(this.plans, events);
    this.log.push(...events);
  }

  /** Choose an action by id (or id prefix), append its events, and return them. */
  act(idOrPrefix: string, input: ActionInput, at: Date, actor = 'alice'): IncidentEvent[] {
    const events = eventsFor(this.state, this.plans, this.resolveId(idOrPrefix), input, at, actor);
    for (const e of events) this.state = apply(this.state, e, this.plans);
    this.log.push(...events);
    return events;
  }

  /** The available action of `kind` now; fails the test when there is none. */
  availableFor<K extends Action['kind']>(kind: K): Extract<Action, { kind: K }> {
    const found = availableActions(this.state, this.plans).find((a): a is Extract<Action, { kind: K }> => a.kind === kind);
    if (!found) throw new Error(`no ${kind} action now`);
    return found;
  }

  private resolveId(idOrPrefix: string): string {
    return idOrPrefix.includes('@') || !idOrPrefix.match(/^(action:\d+|decide|continue|hand-over|skip|run)$/)
      ? idOrPrefix
      : `${idOrPrefix}@${this.state.tracks[0]?.at?.planId}#${this.state.tracks[0]?.at?.stepId}`;
  }
}
