// Reading a moment typed by a responder: "now", an ISO time, or how long ago (PT2H).
import { parseDuration, type Duration } from './duration.js';

/** The moment meant by `text` at `now`; undefined when it cannot be read. */
export function parseMoment(text: string, now: Date): Date | undefined {
  const t = text.trim();
  if (t === '' || t.toLowerCase() === 'now') return now;
  const ago = parseDuration(t.toUpperCase());
  if (ago) return subtract(now, ago);
  // "2026-11-29 07:30" is local time as typed; with Z or an offset it is that instant.
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(t)) return undefined;
  const when = new Date(t.replace(' ', 'T'));
  return Number.isNaN(when.getTime()) ? undefined : when;
}

function subtract(now: Date, d: Duration): Date {
  const out = new Date(now.getTime());
  out.setUTCFullYear(out.getUTCFullYear() - d.years, out.getUTCMonth() - d.months);
  const ms = ((d.weeks * 7 + d.days) * 86_400 + d.hours * 3_600 + d.minutes * 60 + d.seconds) * 1000;
  return new Date(out.getTime() - ms);
}
