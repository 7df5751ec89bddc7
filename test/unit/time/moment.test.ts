import { describe, expect, it } from 'vitest';
import { parseMoment } from '../../../src/core/time/moment.js';

const now = new Date('2026-03-31T10:00:00.000Z');

describe('parseMoment', () => {
  it.each([
    ['', '2026-03-31T10:00:00.000Z'],
    ['now', '2026-03-31T10:00:00.000Z'],
    ['PT2H', '2026-03-31T08:00:00.000Z'],
    ['pt30m', '2026-03-31T09:30:00.000Z'],
    ['P1M', '2026-02-28T10:00:00.000Z'], // a calendar month back, clamped to the month's last day
    ['P1DT1H', '2026-03-30T09:00:00.000Z'],
    ['2026-03-30T22:15:00Z', '2026-03-30T22:15:00.000Z'],
    ['2026-03-30T22:15:00+02:00', '2026-03-30T20:15:00.000Z'],
  ])('reads %j', (text, expected) => {
    expect(parseMoment(text, now)?.toISOString()).toBe(expected);
  });

  it('reads a time without offset as local time', () => {
    const local = parseMoment('2026-03-30 07:30', now);
    expect(local?.getHours()).toBe(7);
    expect(local?.getMinutes()).toBe(30);
  });

  it('reads a bare local time as today, or yesterday when today\'s is still to come', () => {
    const local = new Date(2026, 2, 31, 9, 0); // 09:00 local
    expect(parseMoment('07:30', local)).toEqual(new Date(2026, 2, 31, 7, 30));
    expect(parseMoment('9:00', local)).toEqual(local);
    expect(parseMoment('23:10', local)).toEqual(new Date(2026, 2, 30, 23, 10));
    expect(parseMoment('00:05', new Date(2026, 2, 1, 0, 1))).toEqual(new Date(2026, 1, 28, 0, 5)); // across a month
  });

  it.each(['yesterday', '24h', 'P', '2026-13-45', '30/03/2026', '24:00', '07:60', '7:5'])('refuses %j', (text) => {
    expect(parseMoment(text, now)).toBeUndefined();
  });
});
