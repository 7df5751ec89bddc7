// Exercise offsets are ISO 8601 durations from the simulated start; P1M is a calendar month.
import { addDuration, parseDuration } from '../time/duration.js';

/** The instant `offset` after `start`, or undefined when the offset is not an ISO 8601 duration. */
export function atOffset(start: Date, offset: unknown): Date | undefined {
  const d = parseDuration(offset);
  return d === undefined ? undefined : addDuration(start, d);
}

/** The start of an exercise as a Date, or undefined when it is not an RFC 3339 date-time. */
export function parseStart(start: unknown): Date | undefined {
  if (typeof start !== 'string' || !/^\d{4}-\d{2}-\d{2}[Tt ]/.test(start)) return undefined;
  const ms = Date.parse(start);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** Milliseconds as an ISO 8601 offset such as PT2H30M (for messages and reports); negative gets a minus. */
export function formatOffset(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let s = Math.round(Math.abs(ms) / 1000);
  const days = Math.floor(s / 86_400);
  s -= days * 86_400;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const time = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${sec ? `${sec}S` : ''}`;
  if (days === 0 && time === '') return 'PT0S';
  return `${sign}P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}
