// Small helpers that turn rule results into plain English.

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** A 0-based position in words: 0 is "first", 11 is "12th". */
export function ordinal(index: number): string {
  const word = ORDINALS[index];
  if (word !== undefined) return word;
  const n = index + 1;
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** Quoted, comma-separated names, shortened after `max` of them. */
export function quoteList(names: readonly string[], max = 8): string {
  const shown = names.slice(0, max).map((n) => `"${n}"`);
  const more = names.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

/** Levenshtein edit distance between two strings, or `limit + 1` as soon as it must exceed `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous: number[] = [];
  for (let j = 0; j <= b.length; j++) previous.push(j);
  let row: number[] = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    let left = i;
    let rowMin = i;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const diagonal = (previous[j - 1] as number) + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const up = (previous[j] as number) + 1;
      left = left + 1 < up ? left + 1 : up;
      if (diagonal < left) left = diagonal;
      row[j] = left;
      if (left < rowMin) rowMin = left;
    }
    if (rowMin > limit) return limit + 1;
    [previous, row] = [row, previous];
  }
  return previous[b.length] as number;
}

/** Beyond this many candidates a suggestion costs more than it helps (real plans have far fewer ids). */
const MAX_CANDIDATES = 500;

/** The known name closest to a mistyped one, when it is close enough to be a likely typo. */
export function closest(name: string, known: ReadonlySet<string> | readonly string[]): string | undefined {
  const count = 'size' in known ? known.size : known.length;
  // A long name is not a typo; a huge id list makes suggestions cost more than they help.
  if (name.length > 100 || count > MAX_CANDIDATES) return undefined;
  const limit = Math.max(2, Math.floor(name.length / 3));
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of known) {
    if (candidate === name) continue;
    const other = candidate.toLowerCase();
    // A missing prefix or suffix ("cyclone" for "eu-cyclone") is as likely a slip as a typo.
    const contained = Math.min(lower.length, other.length) >= 3 && (other.includes(lower) || lower.includes(other));
    const d = contained ? 1 : editDistance(lower, other, bestDistance - 1);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** "; did you mean "x"?" for a near miss, else an empty string. */
export function didYouMean(name: string, known: ReadonlySet<string> | readonly string[]): string {
  const match = closest(name, known);
  return match === undefined ? '' : `; did you mean "${match}"?`;
}

/** Beyond this many broken references in one rule run, the file has bigger problems than typos. */
const MAX_SUGGESTIONS = 100;

/** A didYouMean for one rule run that stops suggesting after MAX_SUGGESTIONS, so pathological files stay fast. */
export function suggester(): (name: string, known: ReadonlySet<string> | readonly string[]) => string {
  let used = 0;
  return (name, known) => (++used > MAX_SUGGESTIONS ? '' : didYouMean(name, known));
}
