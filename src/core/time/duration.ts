// ISO 8601 durations (PnYnMnWnDTnHnMnS): parse them, add them to an instant, show them to people.
// Legal clocks mix calendar units (P1M) with exact ones (PT24H), so adding is calendar-aware, in UTC.

/** The components of an ISO 8601 duration; absent components are 0. */
export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const UNITS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;
const NUM = '(\\d+(?:[.,]\\d+)?)';
const PATTERN = new RegExp(
  `^P(?:${NUM}Y)?(?:${NUM}M)?(?:${NUM}W)?(?:${NUM}D)?(?:T(?:${NUM}H)?(?:${NUM}M)?(?:${NUM}S)?)?$`,
);
const MS_PER_DAY = 86_400_000;

/** Parses an ISO 8601 duration such as PT24H, P1DT2H or P1M; undefined when it is not one. */
export function parseDuration(s: unknown): Duration | undefined {
  if (typeof s !== 'string' || s.length > 64) return undefined;
  const match = PATTERN.exec(s);
  if (match === null) return undefined;
  const parts = match.slice(1, 8);
  // 'PT' and 'P1DT' match the pattern but a time designator must be followed by a component.
  if (s.includes('T') && parts.slice(4).every((p) => p === undefined)) return undefined;
  const present = UNITS.flatMap((_, i) => (parts[i] === undefined ? [] : [i]));
  const last = present[present.length - 1];
  if (last === undefined) return undefined; // 'P' alone
  const out: Duration = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };
  for (const i of present) {
    const raw = parts[i] ?? '';
    if (/[.,]/.test(raw) && i !== last) return undefined; // only the smallest component may have a fraction
    const value = Number(raw.replace(',', '.'));
    if (!Number.isFinite(value)) return undefined;
    out[UNITS[i] ?? 'seconds'] = value;
  }
  return out;
}

/** Adds a duration to a UTC instant: years and months by the calendar (Jan 31 + P1M = Feb 28/29), the rest exactly. */
export function addDuration(date: Date, d: Duration): Date {
  const totalMonths = d.years * 12 + d.months;
  const wholeMonths = Math.trunc(totalMonths);
  let t = addMonths(date.getTime(), wholeMonths);
  const fraction = totalMonths - wholeMonths;
  // A fraction of a month is that fraction of the calendar month that follows.
  if (fraction > 0) t += fraction * (addMonths(t, 1) - t);
  t += (d.weeks * 7 + d.days) * MS_PER_DAY + ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000;
  return new Date(Math.round(t));
}

/** Adds whole calendar months, keeping the time of day and clamping to the target month's last day. */
function addMonths(t: number, months: number): number {
  if (months === 0 || !Number.isFinite(t)) return t;
  const from = new Date(t);
  const target = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  target.setUTCFullYear(from.getUTCFullYear(), from.getUTCMonth() + months + 1, 0);
  const lastDay = target.getUTCDate();
  target.setUTCDate(Math.min(from.getUTCDate(), lastDay));
  target.setUTCHours(from.getUTCHours(), from.getUTCMinutes(), from.getUTCSeconds(), from.getUTCMilliseconds());
  return target.getTime();
}

const SHORT: Record<(typeof UNITS)[number], string> = {
  years: 'y',
  months: 'mo',
  weeks: 'w',
  days: 'd',
  hours: 'h',
  minutes: 'min',
  seconds: 's',
};

/** Shows a duration, or a number of milliseconds, to people: "3 h 12 min", "1 mo", "2 d 4 h". */
export function formatDuration(d: Duration | number): string {
  if (typeof d === 'number') return formatMilliseconds(d);
  const parts = UNITS.filter((u) => d[u] !== 0).map((u) => `${d[u]} ${SHORT[u]}`);
  return parts.length === 0 ? '0 s' : parts.join(' ');
}

/** The two largest non-zero units of a span, rounded to the second; negative spans get a minus sign. */
function formatMilliseconds(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const sign = ms < 0 ? '-' : '';
  let rest = Math.round(Math.abs(ms) / 1000);
  const sizes: [number, string][] = [
    [86_400, 'd'],
    [3_600, 'h'],
    [60, 'min'],
    [1, 's'],
  ];
  const amounts = sizes.map(([size, unit]) => {
    const n = Math.floor(rest / size);
    rest -= n * size;
    return [n, unit] as const;
  });
  const first = amounts.findIndex(([n]) => n > 0);
  if (first === -1) return '0 s';
  const shown = amounts.slice(first, first + 2).filter(([n]) => n > 0);
  return sign + shown.map(([n, unit]) => `${n} ${unit}`).join(' ');
}
