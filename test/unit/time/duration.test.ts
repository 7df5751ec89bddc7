import { describe, expect, it } from 'vitest';
import { addDuration, formatDuration, parseDuration, type Duration } from '../../../src/core/time/duration.js';

const ZERO: Duration = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };
const d = (parts: Partial<Duration>): Duration => ({ ...ZERO, ...parts });
const at = (iso: string): Date => new Date(iso);
const plus = (iso: string, duration: string): string => {
  const parsed = parseDuration(duration);
  if (parsed === undefined) throw new Error(`not a duration: ${duration}`);
  return addDuration(at(iso), parsed).toISOString();
};

describe('parseDuration', () => {
  it.each([
    ['PT24H', d({ hours: 24 })],
    ['PT72H', d({ hours: 72 })],
    ['P1M', d({ months: 1 })],
    ['P1DT2H', d({ days: 1, hours: 2 })],
    ['P1Y2M3W4DT5H6M7S', d({ years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7 })],
    ['PT30M', d({ minutes: 30 })],
    ['PT0S', d({})],
    ['P2W', d({ weeks: 2 })],
    ['PT1.5H', d({ hours: 1.5 })],
    ['PT0,5S', d({ seconds: 0.5 })],
    ['P1Y2.5M', d({ years: 1, months: 2.5 })],
  ])('parses %s', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it.each([
    'P', // no component
    'PT', // time designator without a component
    'P1DT', // likewise, after a date part
    '24h',
    'pt24h', // designators are upper case
    'PT24', // number without a designator
    'P1.5Y2M', // a fraction only on the smallest component
    'PT1.5H30M',
    'P1H', // hours need the T
    'PT1D', // days may not follow T
    'P1M1Y', // wrong order
    '-PT1H',
    ' PT1H',
    'PT1H ',
    'P.5D',
    'P1.D',
    '',
    'P1Y'.repeat(30),
  ])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('rejects values that are not strings', () => {
    for (const value of [24, null, undefined, {}, ['PT1H']]) expect(parseDuration(value)).toBeUndefined();
  });
});

describe('addDuration', () => {
  it('adds exact hours and days', () => {
    expect(plus('2025-03-01T10:00:00.000Z', 'PT24H')).toBe('2025-03-02T10:00:00.000Z');
    expect(plus('2025-03-01T10:00:00.000Z', 'P1DT2H')).toBe('2025-03-02T12:00:00.000Z');
    expect(plus('2025-03-01T23:59:30.000Z', 'PT45S')).toBe('2025-03-02T00:00:15.000Z');
    expect(plus('2025-03-01T00:00:00.000Z', 'P1W')).toBe('2025-03-08T00:00:00.000Z');
  });

  it('adds a calendar month, clamping to the last day of a shorter month', () => {
    expect(plus('2025-01-31T09:15:00.000Z', 'P1M')).toBe('2025-02-28T09:15:00.000Z');
    expect(plus('2024-01-31T09:15:00.000Z', 'P1M')).toBe('2024-02-29T09:15:00.000Z'); // leap year
    expect(plus('2025-03-31T00:00:00.000Z', 'P1M')).toBe('2025-04-30T00:00:00.000Z');
    expect(plus('2025-01-15T12:00:00.000Z', 'P1M')).toBe('2025-02-15T12:00:00.000Z');
    expect(plus('2025-12-15T12:00:00.000Z', 'P1M')).toBe('2026-01-15T12:00:00.000Z'); // across the year
  });

  it('adds years by the calendar too (Feb 29 + P1Y = Feb 28)', () => {
    expect(plus('2024-02-29T00:00:00.000Z', 'P1Y')).toBe('2025-02-28T00:00:00.000Z');
    expect(plus('2024-02-29T00:00:00.000Z', 'P4Y')).toBe('2028-02-29T00:00:00.000Z');
  });

  it('applies calendar units before exact ones', () => {
    // Jan 31 + 1 month = Feb 28, then + 1 day = Mar 1 (not Feb 28 + clamp of Mar 1).
    expect(plus('2025-01-31T00:00:00.000Z', 'P1M1D')).toBe('2025-03-01T00:00:00.000Z');
  });

  it('adds a fraction of a month as that share of the following calendar month', () => {
    expect(plus('2025-02-01T00:00:00.000Z', 'P0.5M')).toBe('2025-02-15T00:00:00.000Z'); // half of 28 days
    expect(plus('2025-03-01T00:00:00.000Z', 'PT1.5H')).toBe('2025-03-01T01:30:00.000Z');
  });

  it('keeps milliseconds and does not mutate its input', () => {
    const start = at('2025-05-05T05:05:05.123Z');
    expect(addDuration(start, d({ seconds: 1 })).toISOString()).toBe('2025-05-05T05:05:06.123Z');
    expect(start.toISOString()).toBe('2025-05-05T05:05:05.123Z');
  });

  it('handles years 0-99 without the Date.UTC 1900 shift', () => {
    const start = new Date(0);
    start.setUTCFullYear(50, 0, 31);
    expect(addDuration(start, d({ months: 1 })).getUTCFullYear()).toBe(50);
  });
});

describe('formatDuration', () => {
  it('shows duration components in short units', () => {
    expect(formatDuration(d({ hours: 3, minutes: 12 }))).toBe('3 h 12 min');
    expect(formatDuration(d({ months: 1 }))).toBe('1 mo');
    expect(formatDuration(d({ days: 1, hours: 2 }))).toBe('1 d 2 h');
    expect(formatDuration(d({ years: 1, weeks: 2, seconds: 5 }))).toBe('1 y 2 w 5 s');
    expect(formatDuration(d({}))).toBe('0 s');
  });

  it('shows a span of milliseconds with its two largest units', () => {
    expect(formatDuration((3 * 60 + 12) * 60_000 + 40_000)).toBe('3 h 12 min');
    expect(formatDuration(2 * 86_400_000 + 4 * 3_600_000 + 59_000)).toBe('2 d 4 h');
    expect(formatDuration(3 * 3_600_000)).toBe('3 h');
    expect(formatDuration(90_000)).toBe('1 min 30 s');
    expect(formatDuration(499)).toBe('0 s');
    expect(formatDuration(-5 * 60_000)).toBe('-5 min');
  });
});
