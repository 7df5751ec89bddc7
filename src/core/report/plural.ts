// Counts in summaries read as English: "1 error", "2 errors", "0 files".

/** `n` followed by the word, with an `s` unless n is exactly 1. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
