// Calendar dates as plans write them (YYYY-MM-DD), for the rules that compare them.

import { addDuration } from '../../time/duration.js';
import { str } from './safe.js';

/** A valid YYYY-MM-DD date as the text itself (which sorts like the date), or undefined. */
export function isoDate(value: unknown): string | undefined {
  const text = str(value);
  if (text === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined; // the schema's finding
  return Number.isNaN(Date.parse(`${text}T00:00:00Z`)) ? undefined : text;
}

const THREE_MONTHS = { years: 0, months: 3, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };

/** The date three calendar months later, clamped to the month's end (30 November: 28 February). */
export function threeMonthsAfter(date: string): string {
  return addDuration(new Date(`${date}T00:00:00Z`), THREE_MONTHS).toISOString().slice(0, 10);
}
