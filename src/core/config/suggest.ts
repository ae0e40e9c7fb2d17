// "did you mean …?" for misspelt keys and enum values: the closest allowed word by edit distance
// (adjacent transpositions count as one edit, case is ignored), if it is close enough to be a typo.
// The work is bounded: a word far longer than any candidate, or differing in length by more than the
// typo limit, is never compared (the distance is at least the difference in length).
import { MAX_SUGGEST_CHARS } from '../input-limits.js';

/** Optimal string alignment distance: Levenshtein plus adjacent transposition. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => {
    const row = new Array<number>(t.length + 1).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j <= t.length; j++) d[0]![j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[s.length]![t.length]!;
}

/** The closest candidate within a typo's reach (about a third of the word), or undefined. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  if (word.length > MAX_SUGGEST_CHARS) return undefined;
  for (const c of candidates) {
    const limit = Math.max(1, Math.min(3, Math.floor(Math.max(word.length, c.length) / 3)));
    if (Math.abs(word.length - c.length) > limit || c.length > MAX_SUGGEST_CHARS) continue;
    const dist = editDistance(word, c);
    if (dist <= limit && dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  return best;
}

export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const c = closest(word, candidates);
  return c === undefined ? undefined : `did you mean '${c}'?`;
}
