// The engine's one error type: an impossible event or action, or a reference that does not resolve.
import { CrisisError, ExitCode } from '../errors.js';

export type EngineErrorCode =
  | 'not-open' // an event before incident-opened
  | 'already-open'
  | 'closed' // an event or action after incident-closed
  | 'unknown-plan'
  | 'unknown-step'
  | 'unknown-level'
  | 'unknown-clock'
  | 'unknown-notification'
  | 'unknown-severity'
  | 'unknown-channel'
  | 'not-current-step' // the event names a step that is not the current one
  | 'not-higher-level' // escalation only goes upward
  | 'clock-running' // the clock already runs and is not yet met
  | 'invalid-event' // a field is missing, out of range or inconsistent with the plan
  | 'invalid-input' // the responder's input does not fit the chosen action
  | 'not-available' // the chosen action is not possible now
  | 'bad-duration'
  | 'bad-time';

/** Something the engine refuses; the message is one sentence for the responder. */
export class EngineError extends CrisisError {
  readonly code: EngineErrorCode;
  constructor(code: EngineErrorCode, message: string) {
    super(message, ExitCode.usage);
    this.code = code;
  }
}
