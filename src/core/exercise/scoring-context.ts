// What scoring knows about a finished run, shared by the expectation judges.
import { splitRef, type IncidentState, type Plans } from '../engine/index.js';

export interface ScoringContext {
  plans: Plans;
  home: string; // the exercise's plan: bare references belong to it
  state: IncidentState; // at the end of the run
  start: Date;
  end: Date;
}

/** A reference (ID seen from planId, or PLAN#ID) as canonical PLAN#ID. */
export function canonical(ref: string, planId: string): string {
  const r = splitRef(ref, planId);
  return `${r.planId}#${r.id}`;
}
