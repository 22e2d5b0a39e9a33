// Small text helpers shared by the model, the facts and the rules.
import type { Memo } from './incremental.js';

const ABBREVIATIONS = new Set([
  'inc',
  'ltd',
  'llc',
  'co',
  'corp',
  'no',
  'nos',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'u.s',
  'u.k',
  'u.s.a',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'ave',
  'blvd',
  'rd',
  'ste',
  'dept',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'art',
  'sec',
  'para',
  'cf',
  'approx',
  'fig',
  'a.k.a',
  'p.o',
  'ph',
  'tel',
  'gmbh',
  's.a',
  'b.v',
  'n.v',
]);

/** Abbreviations that also end sentences ("…based in the U.S. We…"): a sentence ends after one when a word that starts sentences follows. */
const FINAL_ABBREVIATIONS = new Set([
  'inc',
  'ltd',
  'llc',
  'co',
  'corp',
  'etc',
  'u.s',
  'u.k',
  'u.s.a',
  'gmbh',
  's.a',
  'b.v',
  'n.v',
]);
const SENTENCE_STARTERS =
  /^(?:We|Our|Us|You|Your|If|This|These|That|Those|The|It|Its|They|Their|In|For|To|When|Where|Please|Any|All|Each|Some|No|As|At|By|A|An|I|My)\b/;

/**
 * Splits prose into sentences. Returns [start, end) indices into `text`, trimmed.
 * Ends at . ! ? (followed by space and a capital, digit or opening quote) and at line breaks,
 * but not after common abbreviations, initials or section numbers ("II.D."), nor after the
 * numbers of a list run into a sentence ("We collect: 1. Names 2. Emails.").
 */
export function splitSentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  /** The last number of an inline list in the current sentence ("1." after a colon, then "2."…). */
  let listNumber: number | undefined;
  const push = (end: number) => {
    listNumber = undefined;
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
    if (k < text.length && !/[\p{Lu}\d"“‘'([]/u.test(text[k])) continue;
    if (c === '.') {
      const number = /(?:^|[\s(])(\d{1,2})$/.exec(text.slice(Math.max(start, i - 3), i));
      if (number) {
        const n = Number(number[1]);
        const before = text.slice(start, i - number[1].length).trimEnd();
        if (before === '' || /[:;]$/.test(before) || (listNumber !== undefined && n === listNumber + 1)) {
          listNumber = n;
          continue;
        }
      }
      const word = /(?<![\p{L}.])([\p{L}.]+)$/u.exec(text.slice(Math.max(start, i - 12), i))?.[1]?.toLowerCase() ?? '';
      const abbreviation = ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}?$/u.test(word);
      if (abbreviation && !(FINAL_ABBREVIATIONS.has(word) && SENTENCE_STARTERS.test(text.slice(k)))) continue;
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

/** Leading outline numbering: "14. ", "2.1 ", "II.D. ", "B) ", "(a) ", "Section 4 – ". */
const LEADING_NUMBER =
  /^\s*(?:(?:section|part|article|chapter)\s+)?(\d{1,3}(?:\.\d{1,3})*\.?|(?:[IVXLC]{1,6}|[A-Za-z])(?:\.(?:\d{1,3}|[A-Za-z]))*[.)]|\((?:\d{1,3}|[ivxlc]{1,6}|[a-z])\))(?:\s*[-–—:]\s*|\s+)(?=\S)/i;

/**
 * The outline number a title starts with, upper-cased, without trailing dot or brackets:
 * "2.1 Data" → "2.1", "II.D. Cookies" → "II.D", "(b) Sharing" → "B". Undefined when none.
 */
export function leadingNumber(title: string): string | undefined {
  const m = LEADING_NUMBER.exec(title);
  return m ? normalizeNumber(m[1]) : undefined;
}

/** "II.D." → "II.D", "(4)" → "4", "2.1." → "2.1". */
export function normalizeNumber(n: string): string {
  return n
    .replace(/^\(|\)$/g, '')
    .replace(/(?<![.)])[.)]+$/, '')
    .toUpperCase();
}

/**
 * A key for comparing section titles as readers do: case, hyphens, quotes, apostrophes,
 * leading numbering, a leading "the" and a trailing "section" do not matter.
 * "6. Third-Party Tracking" and "the third party tracking section" share the key "third party tracking".
 */
export function titleKey(title: string): string {
  return normalizeTitle(title.replace(LEADING_NUMBER, ''))
    .replace(/'/g, '')
    .replace(/^(?:the|our|this) /, '')
    .replace(/ (?:section|heading|paragraph)$/, '')
    .trim();
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
export function headingSlug(title: string): string {
  return title
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Source offsets of `block.text.slice(start, end)`. */
export function blockSpan(
  block: { offsets: ArrayLike<number> },
  start: number,
  end: number,
): { start: number; end: number } {
  const s = block.offsets[start];
  const e = end > start ? block.offsets[end - 1] + 1 : s;
  return { start: s, end: Math.max(s, e) };
}

/** Index of a sentence's first character in its block's text. */
export function sentenceIndex(sentence: {
  start?: number;
  block: { offsets: Int32Array };
  range: { start: { offset: number } };
}): number {
  if (typeof sentence.start === 'number') return sentence.start;
  const i = sentence.block.offsets.indexOf(sentence.range.start.offset);
  return Math.max(i, 0);
}

const regexIds = new WeakMap<RegExp, string>();
let nextRegexId = 0;

/**
 * Every match of a global regular expression in a piece of the document's text, memoized
 * on the document (and carried to its next version by an AnalysisCache). The matches are
 * shared: read them, never change them.
 */
export function memoMatches(doc: { memo: Memo }, re: RegExp, text: string): readonly RegExpMatchArray[] {
  let id = regexIds.get(re);
  if (!id) regexIds.set(re, (id = `re${nextRegexId++}`));
  return doc.memo(id, text, () => [...text.matchAll(re)]);
}

/** `text` without the run of `chars` it ends with (a loop: a regex like /[.,]+$/ is quadratic on long runs). */
export function trimTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}
