// What the crisis extension carries on each CACAO object, beside CACAO's own properties: the
// plan's words for what CACAO has no property for, and markers that let `import cacao` rebuild
// the plan's structure exactly from its own export. Readers that do not know the extension can
// ignore it: the playbook is complete without it.
import type { DecisionOption, Step } from '../../plan/types.js';

/** On an action step: the plan step it came from, without what the workflow itself says. */
export type StepDetails = Omit<Step, 'title' | 'next' | 'end' | 'startsTracks' | 'decision'> & {
  decision?: { question: string; owner?: string; options: Omit<DecisionOption, 'next' | 'startsTracks'>[] };
};

export interface StepMarker {
  step?: StepDetails;
  /** A parallel step: the tracks a step (or one of its decision options) starts. */
  fork?: { step: string; option?: number };
  /** An if- or switch-condition: the decision of this step. */
  decision?: string;
  /** An end step: a track arrives at this join (the parallel step's on_completion goes on from it). */
  arrives?: string;
  /** An end step: the end of this plan step (it has `end: true`). */
  end?: string;
  /** A playbook-action: the hand-over to PLAN#STEP. */
  handover?: string;
}
