// Small text helpers shared by the model, the facts and the rules.

const ABBREVIATIONS = new Set([
  'inc', 'ltd', 'llc', 'co', 'corp', 'no', 'nos', 'vs', 'etc', 'e.g', 'i.e', 'u.s', 'u.k', 'u.s.a', 'mr', 'mrs', 'ms', 'dr',
  'st', 'ave', 'blvd', 'rd', 'ste', 'dept', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov',
  'dec', 'art', 'sec', 'para', 'cf', 'approx', 'fig', 'a.k.a', 'p.o', 'ph', 'tel', 'gmbh', 's.a', 'b.v', 'n.v',
]);

/**
 * Splits prose into sentences. Returns [start, end) indices into `text`, trimmed.
 * Ends at . ! ? (followed by space and a capital, digit or opening quote) and at line breaks,
 * but not after common abbreviations, initials or section numbers ("II.D.").
 */
export function splitSentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?' && c !== ';') continue;
    let j = i + 1;
    while (j < text.length && /["'”’)\]]/.test(text[j])) j++;
    if (j < text.length && !/\s/.test(text[j])) continue;
    if (c === ';') continue; // semicolons join clauses; keep them in one sentence
    let k = j;
    while (k < text.length && text[k] === ' ') k++;
    if (k < text.length && !/[\p{Lu}\d"“‘'(\[]/u.test(text[k])) continue;
    if (c === '.') {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, i - 12), i))?.[1]?.toLowerCase() ?? '';
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}?$/u.test(word)) continue;
      if (/\b[IVXLC]+\.[A-Z]$/.test(text.slice(Math.max(0, i - 8), i))) continue;
    }
    push(j);
    start = j;
  }
  push(text.length);
  return out;
}

/** Lower-case, no punctuation, hyphens and dashes as spaces, "&" as "and": for comparing titles. */
export function normalizeTitle(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/&/g, ' and ')
    .replace(/[-–—_/]/g, ' ')
    .replace(/[^\p{L}\p{N}' ]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
