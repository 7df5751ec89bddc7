// Opening an incident: the first events of every log.
import { EventBatch } from './batch.js';
import { EngineError } from './errors.js';
import type { IncidentEvent } from './events.js';
import { getPlan, type Plans, startStep } from './refs.js';
import { initialState } from './state.js';
import { toIso } from './time.js';
import { onEntry, startAwarenessClocks } from './transitions.js';

export interface OpenInput {
  planId: string;
  title: string;
  awareness: Date; // when the organisation became aware; awareness clocks run from here
  severity?: string;
  at: Date; // when the incident is opened in the tool
  actor: string;
}

/** incident-opened, the awareness clocks, and step-entered for the plan's start step. */
export function openIncident(plans: Plans, input: OpenInput): IncidentEvent[] {
  const plan = getPlan(plans, input.planId);
  if (input.awareness.getTime() > input.at.getTime()) {
    throw new EngineError('invalid-input', 'The awareness time cannot be later than the time the incident is opened.');
  }
  const b = new EventBatch(initialState(), plans, input.at, input.actor);
  b.push({
    type: 'incident-opened',
    planId: plan.metadata.id,
    title: input.title,
    awareness: toIso(input.awareness),
    ...(input.severity !== undefined ? { severity: input.severity } : {}),
  });
  startAwarenessClocks(b, plan.metadata.id);
  const start = startStep(plan);
  b.push({ type: 'step-entered', planId: plan.metadata.id, stepId: start.id });
  onEntry(b, { planId: plan.metadata.id, stepId: start.id });
  return b.events;
}
