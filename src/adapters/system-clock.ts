// The Clock port on the system time.
import type { Clock } from '../core/ports.js';

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };
