// The engine's public surface: import from here.
export type * from './actions.js';
export { apply } from './apply.js';
export { availableActions } from './available.js';
export { clockDue, clockStatus, type ClockStatus, type ClockStatusKind } from './clocks.js';
export { commandFinished, eventsFor, excerpt, OUTPUT_LIMIT } from './decide.js';
export { commandOutcome, describeEvent } from './describe.js';
export { EngineError, type EngineErrorCode } from './errors.js';
export * from './events.js';
export { CHECKPOINT_FORMAT, fromCheckpoint, HEAD_WINDOW, resumeHead, toCheckpoint, type HeadCheckpoint } from './checkpoint.js';
export { fold } from './fold.js';
export { openIncident, type OpenInput } from './open.js';
export { type Plans, roleTitle, splitRef, stepKey } from './refs.js';
export * from './state.js';
export { timeline } from './timeline.js';
