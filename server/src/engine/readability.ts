// Readability of policy prose: words, syllables and the Flesch–Kincaid grade level, per
// sentence and per section. Pure: the model's sentences in, numbers out.
//
// Flesch–Kincaid grade (Kincaid, Fishburne, Rogers & Chissom 1975):
//   0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
//
// Counting follows how a reader says the text aloud:
// - a word is a run of letters or digits, with inner apostrophes, hyphens and dots kept
//   ("third-party", "don't", "e.g."); "third-party" is one word of three syllables;
// - an acronym in capitals is spelled out, one syllable a letter ("GDPR" is 4, "W" is 3);
// - a number is one word of one syllable for each group of digits ("2026" is 1, "1.5" is 2):
//   a rough count, but numbers are rare and short in policies;
// - a URL or an email address is one word whose syllables are those of its name parts
//   ("privacy@acme.com" is privacy + acme + com = 3 + 2 + 1);
// - other words go to the `syllable` package (an English syllable counter with an exception
//   list), with a few corrections of our own for words policies use often.
import { syllable } from 'syllable';
import type { PolicyDocument, Section, Sentence } from './types.js';

/** Words the `syllable` package miscounts, with the count a reader says. */
const CORRECTIONS: Record<string, number> = {
  area: 3,
  areas: 3,
  california: 4,
  via: 2,
  media: 3,
  idea: 3,
  ideas: 3,
  everyone: 3,
};

/** Letters whose spoken name has more than one syllable. */
const LETTER_SYLLABLES: Record<string, number> = { W: 3 };

/** A token: anything between spaces. Words are the tokens with a letter or a digit. */
const TOKEN = /\S+/g;
const SCHEME = /^[a-z][\w+.-]{0,20}:\/\//i;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const CLOSING = new Set([...'.,;:!?)]}"\'”’']);
const OPENING = new Set([...'([{"\'“‘']);

/** A URL or an email address, as one token (no regex: a linear scan). */
function isLink(token: string): boolean {
  if (SCHEME.test(token) || token.toLowerCase().startsWith('www.')) return true;
  const at = token.indexOf('@');
  if (at <= 0 || token.indexOf('@', at + 1) >= 0) return false;
  const dot = token.indexOf('.', at + 2);
  return dot > 0 && dot < token.length - 1;
}

/** `s` without the characters at its end (or start) for which `drop` is true. */
function trimEnd(s: string, drop: (c: string) => boolean): string {
  let e = s.length;
  while (e > 0 && drop(s[e - 1])) e--;
  return s.slice(0, e);
}
function trimStart(s: string, drop: (c: string) => boolean): string {
  let i = 0;
  while (i < s.length && drop(s[i])) i++;
  return s.slice(i);
}
const isWordChar = (c: string) => LETTER_OR_DIGIT.test(c);

/** The words of a piece of prose, punctuation around them removed. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const token = m[0];
    const bare = trimStart(
      trimEnd(token, (c) => CLOSING.has(c)),
      (c) => OPENING.has(c),
    );
    if (isLink(bare)) {
      out.push(bare);
      continue;
    }
    // Dashes between words ("data—such as") separate them; slashes too ("and/or").
    for (const part of token.split(/[—–/]+/)) {
      const word = trimEnd(
        trimStart(part, (c) => !isWordChar(c)),
        (c) => c !== '.' && !isWordChar(c),
      );
      const trimmed = /^(?:\p{L}\.)+$/u.test(word) ? word : trimEnd(word, (c) => c === '.');
      if (LETTER_OR_DIGIT.test(trimmed)) out.push(trimmed);
    }
  }
  return out;
}

/** `words(text).length`, without building the words (sentence-length needs only the count). */
export function wordCount(text: string): number {
  let n = 0;
  for (const m of text.matchAll(TOKEN)) {
    const token = m[0];
    if (!LETTER_OR_DIGIT.test(token)) continue;
    n += /[—–/]/.test(token) ? words(token).length : 1;
  }
  return n;
}

/** Syllable counts by word: policies reuse a small vocabulary, and counting is the costly part. */
const SYLLABLE_CACHE = new Map<string, number>();
const SYLLABLE_CACHE_MAX = 50_000;

/** Syllables of one word as `words` returns it. */
export function syllables(word: string): number {
  const known = SYLLABLE_CACHE.get(word);
  if (known !== undefined) return known;
  const n = countSyllables(word);
  if (SYLLABLE_CACHE.size >= SYLLABLE_CACHE_MAX) SYLLABLE_CACHE.clear();
  SYLLABLE_CACHE.set(word, n);
  return n;
}

function countSyllables(word: string): number {
  if (isLink(word)) {
    const parts = word
      .replace(SCHEME, '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    return Math.max(
      1,
      parts.reduce((n, p) => n + syllables(p), 0),
    );
  }
  if (/^\p{N}/u.test(word)) return Math.max(1, word.split(/[^\p{N}]+/u).filter(Boolean).length);
  // Dotted abbreviations spelled out: "e.g." is 2, "U.S." is 2.
  if (/^(?:\p{L}\.)+\p{L}?$/u.test(word))
    return [...word.replace(/\./g, '')].reduce((n, c) => n + (LETTER_SYLLABLES[c.toUpperCase()] ?? 1), 0);
  // An acronym: two to six capitals (a trailing plural "s" allowed), spelled letter by letter.
  if (/^\p{Lu}{2,6}s?$/u.test(word) && !/^[AEIOU]?$/.test(word)) {
    return [...word.replace(/s$/, '')].reduce((n, c) => n + (LETTER_SYLLABLES[c] ?? 1), 0);
  }
  if (word.includes('-'))
    return (
      word
        .split('-')
        .filter(Boolean)
        .reduce((n, p) => n + syllables(p), 0) || 1
    );
  const lower = word.toLowerCase().replace(/[’']/g, "'");
  if (CORRECTIONS[lower] !== undefined) return CORRECTIONS[lower];
  return Math.max(1, syllable(lower.replace(/'s$/, '')));
}

export interface TextStats {
  sentences: number;
  words: number;
  syllables: number;
}

/** Words and syllables of one sentence. */
export function sentenceStats(text: string): TextStats {
  const ws = words(text);
  return { sentences: 1, words: ws.length, syllables: ws.reduce((n, w) => n + syllables(w), 0) };
}

/** The Flesch–Kincaid grade level of counted text, to one decimal; undefined with no words. */
export function fleschKincaidGrade(stats: TextStats): number | undefined {
  if (!stats.words || !stats.sentences) return undefined;
  const grade = 0.39 * (stats.words / stats.sentences) + 11.8 * (stats.syllables / stats.words) - 15.59;
  return Math.round(grade * 10) / 10;
}

export interface ReadableSentence {
  sentence: Sentence;
  words: number;
  syllables: number;
}

/**
 * The prose sentences of a document with their word counts (`syllables` is 0 unless
 * asked for: counting them is the costly part).
 */
export function proseSentences(doc: PolicyDocument, withSyllables = true): ReadableSentence[] {
  const out: ReadableSentence[] = [];
  for (const sentence of proseOnly(doc)) {
    if (withSyllables) {
      const stats = doc.memo('readability:stats', sentence.text, () => sentenceStats(sentence.text));
      if (stats.words) out.push({ sentence, words: stats.words, syllables: stats.syllables });
    } else {
      const n = doc.memo('readability:words', sentence.text, () => wordCount(sentence.text));
      if (n) out.push({ sentence, words: n, syllables: 0 });
    }
  }
  return out;
}

/**
 * The document's sentences of prose: section titles, table cells and raw HTML are left out
 * (they are labels, not sentences a reader reads through).
 */
function proseOnly(doc: PolicyDocument): Sentence[] {
  const titles = doc.sections.map((s) => [s.titleRange.start.offset, s.titleRange.end.offset]);
  const out: Sentence[] = [];
  let t = 0;
  for (const sentence of doc.sentences) {
    if (sentence.block.kind !== 'paragraph') continue;
    const start = sentence.range.start.offset;
    while (t < titles.length && titles[t][1] <= start) t++;
    if (t < titles.length && titles[t][0] <= start && start < titles[t][1]) continue;
    out.push(sentence);
  }
  return out;
}

export interface SectionReadability {
  section: Section;
  /** Counted over the section's own text (its subsections are counted on their own). */
  sentences: ReadableSentence[];
  words: number;
  grade: number | undefined;
}

/** Readability per section, in document order, for sections with at least one prose sentence. */
export function sectionReadability(
  doc: PolicyDocument,
  prose: ReadableSentence[] = proseSentences(doc),
): SectionReadability[] {
  const bySection = new Map<Section, ReadableSentence[]>();
  for (const r of prose) {
    const s = r.sentence.section;
    if (!s) continue;
    let list = bySection.get(s);
    if (!list) bySection.set(s, (list = []));
    list.push(r);
  }
  return doc.sections
    .filter((s) => bySection.has(s))
    .map((section) => {
      const sentences = bySection.get(section)!;
      const stats = totals(sentences);
      return { section, sentences, words: stats.words, grade: fleschKincaidGrade(stats) };
    });
}

/** The counts of several sentences together. */
export function totals(sentences: readonly { words: number; syllables: number }[]): TextStats {
  let words = 0;
  let syl = 0;
  for (const s of sentences) {
    words += s.words;
    syl += s.syllables;
  }
  return { sentences: sentences.length, words, syllables: syl };
}

/** The grade of a whole document's prose. */
export function documentGrade(doc: PolicyDocument): number | undefined {
  return fleschKincaidGrade(totals(proseSentences(doc)));
}
