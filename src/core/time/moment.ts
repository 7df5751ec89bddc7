// Reading a moment typed by a responder: "now", an ISO time, a bare local time (07:30), or how long ago (PT2H).
import { addDuration, parseDuration, type Duration } from './duration.js';

/** The moment meant by `text` at `now`; undefined when it cannot be read. */
export function parseMoment(text: string, now: Date): Date | undefined {
  const t = text.trim();
  if (t === '' || t.toLowerCase() === 'now') return now;
  const ago = parseDuration(t.toUpperCase());
  if (ago) return subtract(now, ago);
  const clock = /^(\d{1,2}):(\d{2})$/.exec(t);
  if (clock) return lastAt(Number(clock[1]), Number(clock[2]), now);
  // "2026-11-29 07:30" is local time as typed; with Z or an offset it is that instant.
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(t)) return undefined;
  const when = new Date(t.replace(' ', 'T'));
  return Number.isNaN(when.getTime()) ? undefined : when;
}

/**
 * A due time typed by a responder: a time (as parseMoment reads it) or how long from `from` (P3D);
 * undefined when it cannot be read or is not after `from`.
 */
export function parseDueTime(text: string, from: Date): Date | undefined {
  const t = text.trim();
  const ahead = parseDuration(t.toUpperCase());
  const due = ahead ? addDuration(from, ahead) : t === '' || t.toLowerCase() === 'now' ? undefined : parseMoment(t, from);
  return due && due.getTime() > from.getTime() ? due : undefined;
}

/** A bare local time (07:30): today, or yesterday when today's would be in the future. */
function lastAt(hours: number, minutes: number, now: Date): Date | undefined {
  if (hours > 23 || minutes > 59) return undefined;
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate(), hours, minutes);
  return today.getTime() <= now.getTime() ? today : new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, hours, minutes);
}

// How long ago: the same calendar arithmetic as deadlines, run backwards.
function subtract(now: Date, d: Duration): Date {
  const { years, months, weeks, days, hours, minutes, seconds } = d;
  return addDuration(now, { years: -years, months: -months, weeks: -weeks, days: -days, hours: -hours, minutes: -minutes, seconds: -seconds });
}
