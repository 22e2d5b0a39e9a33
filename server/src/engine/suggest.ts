// "Did you mean …?" for a misspelled name: the closest of the known names by edit distance
// (a swap of two neighbouring letters counts as one edit). Pure; the one place every
// suggestion in config and directive messages comes from.

/** Edits (insert, delete, replace, swap of neighbours) between two words, case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (s === t) return 0;
  // Three rows of the optimal-string-alignment table are enough.
  let prev2: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
    }
    prev2 = prev;
    prev = row;
  }
  return prev[t.length];
}

/**
 * The known names closest to `word`, when they are close enough to be a slip: at most a third
 * of the word's letters off (at least one), or the word is the start of a name or a name the
 * start of the word ("warning" → "warn", "err" → "error"). Several only when they are equally
 * close, in the order given; none when nothing is close; a name equal to the word but for
 * case alone.
 */
export function closeNames(word: string, names: readonly string[]): string[] {
  const w = word.trim().toLowerCase();
  if (!w) return [];
  const limit = Math.max(1, Math.floor(w.length / 3));
  let best: string[] = [];
  let bestScore = Number.POSITIVE_INFINITY;
  for (const name of names) {
    const n = name.toLowerCase();
    if (n === w) return [name];
    const d = editDistance(w, n);
    const prefix = Math.min(w.length, n.length) >= 3 && (n.startsWith(w) || w.startsWith(n));
    const score = d <= limit ? d : prefix ? limit + 0.5 : Number.POSITIVE_INFINITY;
    if (score === bestScore && score !== Number.POSITIVE_INFINITY) best.push(name);
    else if (score < bestScore) {
      best = [name];
      bestScore = score;
    }
  }
  return best;
}

/** The known name closest to `word` (see closeNames); ties go to the earlier name. */
export function closestName(word: string, names: readonly string[]): string | undefined {
  return closeNames(word, names)[0];
}

/** ` (did you mean "x"?)` for a close name, else '' (to follow the misspelled name in a message). */
export function didYouMean(word: string, names: readonly string[]): string {
  const name = closestName(word, names);
  return name === undefined || name === word ? '' : ` (did you mean "${name}"?)`;
}
