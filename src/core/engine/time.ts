// Timestamps in events are RFC 3339 UTC strings with milliseconds; the engine never reads the clock.
import { EngineError } from './errors.js';

/** A Date as the RFC 3339 UTC string with milliseconds that events carry. */
export function toIso(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new EngineError('bad-time', 'A time given to the engine is not a valid date.');
  return date.toISOString();
}

/** Parse an event timestamp, refusing anything that is not a date. */
export function parseIso(text: string, what = 'time'): Date {
  const ms = Date.parse(text);
  if (typeof text !== 'string' || Number.isNaN(ms)) {
    throw new EngineError('bad-time', `The ${what} "${String(text)}" is not an RFC 3339 date-time.`);
  }
  return new Date(ms);
}
