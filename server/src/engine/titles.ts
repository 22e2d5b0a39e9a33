// Titles: what makes a line read as a heading (short, capitalised, no sentence inside), bold
// leads, caps and numbered lines, and a title's number ("14.", "II.D", "Section 3").
import type { Paragraph, PhrasingContent, Strong } from 'mdast';
import { alt, pattern } from './regex.js';
import { trimTrailing } from './text.js';

/** Longest title a pseudo-heading may have. */
const MAX_TITLE_WORDS = 14;
const MAX_TITLE_CHARS = 110;

/** A title with a number in front: group 1 the number, group 2 the name. */
const NUMBERED_TITLE = pattern(
  'i',
  /^(?:(?:section|article|part)\s+)?/,
  // 14, II, B, 2.1, II.D
  /((?:\d{1,3}|[IVXLC]{1,8}|[A-Z])(?:\.(?:\d{1,4}|[A-Za-z])){0,6})/,
  // what ends the number: ".)" or ")", "." or ":", a dash after a space, a space after "2.1"
  alt(/\.?\)/, /[.:]/, /\s[-–—]/, /(?<=\.\d{1,3})(?=\s)/),
  // the name (a string: alone, unanchored, this part would be slow on long blank runs)
  String.raw`\s*(.+)$`,
);

/** The number in front of a numbered plain line: "4. ", "B) ", "IV. ", "2.1. ". */
const LINE_NUMBER = pattern('', /^/, alt(/[IVXLC]+/, /[A-Z]/, /\d+(?:\.\d+)*/), /[.)]\s+\S/);

/**
 * A paragraph that opens with a bold title: **Title.** body / **Title**. body /
 * **Title**<br>body / **Title**
 */
export function boldLead(node: Paragraph): { title: string; end: number; rest: string } | undefined {
  const kids = node.children.filter((c, i) => !(i === 0 && c.type === 'text' && !c.value.trim()));
  const first = kids[0];
  if (first?.type !== 'strong') return undefined;
  const title = toPlain(first).replace(/\s+/g, ' ').trim();
  if (!title || !isTitleLike(title.replace(/[.:]$/, ''))) return undefined;
  const second = kids[1];
  const restText = kids.slice(1).map(toPlain).join('');
  let end = first.position!.end.offset!;
  if (!second) return { title, end, rest: '' };
  if (second.type === 'break') return { title, end: second.position!.start.offset!, rest: restText };
  if (second.type === 'text') {
    const v = second.value;
    if (/^[.:]/.test(v)) {
      end += 1;
      return { title, end, rest: restText.slice(1) };
    }
    if (/[.:]$/.test(title) && /^\s/.test(v)) return { title, end, rest: restText };
    if (/^\s*[—–-]\s/.test(v)) return { title, end, rest: restText };
    if (/^\s*\n/.test(v)) return { title, end, rest: restText };
  }
  return undefined;
}

/** Plain text of inline content (no offsets, no side effects). */
export function toPlain(node: PhrasingContent | Strong): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if (node.type === 'break') return '\n';
  if ('children' in node) return (node.children as PhrasingContent[]).map(toPlain).join('');
  return '';
}

/** Short, starts with a capital or a number, no sentence inside. */
export function isTitleLike(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > MAX_TITLE_CHARS) return false;
  if (t.split(/\s+/).length > MAX_TITLE_WORDS) return false;
  if (!/^[\p{Lu}\d"“'‘(]/u.test(t)) return false;
  if (/[.!?]\s+\p{Lu}/u.test(t.replace(/\b(?:Inc|Ltd|Co|No|U\.S|e\.g|i\.e)\./g, ''))) return false;
  return true;
}

export function isCapsLine(line: string): boolean {
  if (line.length > MAX_TITLE_CHARS || line.length < 4) return false;
  const letters = line.replace(/[^\p{L}]/gu, '');
  if (letters.length < 4) return false;
  if (letters !== letters.toUpperCase()) return false;
  if (/[.!?,;]$/.test(line)) return false;
  return line.split(/\s+/).length <= MAX_TITLE_WORDS;
}

/** Removes Markdown leftovers and trailing separators from a title. */
export function cleanTitle(raw: string): string {
  return trimTrailing(raw.replace(/\s+/g, ' ').replace(/\\(.)/g, '$1').trim(), ' .:|').trim();
}

/** "14. Changes" → { number: "14", name: "Changes" }; "II.D. Cookies" → { number: "II.D" }. */
export function splitNumber(title: string): { number?: string; name: string } {
  const m = NUMBERED_TITLE.exec(title);
  if (m && (/\d/.test(m[1]) || /^[IVXLC]+$|^[A-Z]$|\./.test(m[1]))) {
    // A lone capital letter counts only with a dot or parenthesis after it ("B. Sharing").
    const bare = title.replace(/^(?:section|article|part)\s+/i, '');
    if (/^[A-Za-z]+$/.test(m[1]) && !/^[A-Za-z]+[.)]/.test(bare)) return { name: title };
    return { number: m[1].toUpperCase(), name: m[2].trim() };
  }
  const sec = /^(?:section|article|part)\s+(\d+)\s*(?:[-–—:.]\s*)?(.*)$/i.exec(title);
  if (sec) return { number: sec[1], name: sec[2] || title };
  return { name: title };
}

/** A one-line paragraph that reads as a numbered title ("4. Sharing", "B) Cookies"). */
export function isNumberedLine(line: string): boolean {
  return LINE_NUMBER.test(line) && isTitleLike(line.replace(/^\S+\s+/, '')) && !/[.;,:]$/.test(line);
}

/** Words a title in title case may leave in lower case. */
const SMALL_WORDS = new Set([
  'a',
  'an',
  'and',
  'or',
  'the',
  'to',
  'of',
  'for',
  'in',
  'on',
  'with',
  'by',
  'at',
  'from',
  'your',
  'our',
  'we',
  'us',
  'how',
  'what',
  'is',
  'are',
  'do',
]);

/**
 * A one-line plain paragraph that reads as a title: at most eight words in title case
 * ("Information Collection and Use", "Data Security"), no digits, addresses or closing
 * punctuation (so neither "Last updated 2024" nor a sentence without its full stop).
 */
export function isPlainTitleLine(line: string): boolean {
  if (!isTitleLike(line) || /[\d@]|:\/\/|[.!?,;:)\]"”'’-]$/.test(line)) return false;
  const words = line.split(/\s+/);
  if (words.length > 8) return false;
  return words.every((w, i) => /^[\p{Lu}"“‘(]/u.test(w) || (i > 0 && SMALL_WORDS.has(w.toLowerCase())));
}

/**
 * A paragraph whose first line is a plain title ending in a colon, then a line break and the
 * body ("Public Forums:<br>Members may post…"): the title and where it ends.
 */
export function plainLead(node: Paragraph): { title: string; end: number } | undefined {
  const kids = node.children;
  const br = kids.findIndex((k) => k.type === 'break');
  if (br < 1 || br === kids.length - 1) return undefined;
  if (!kids.slice(0, br).every((k) => k.type === 'text')) return undefined;
  const title = kids.slice(0, br).map(toPlain).join('').replace(/\s+/g, ' ').trim();
  if (!title.endsWith(':') || /[\d@]|:\/\//.test(title)) return undefined;
  const name = title.slice(0, -1).trim();
  if (!isTitleLike(name) || name.split(/\s+/).length > 10) return undefined;
  return { title: name, end: kids[br].position!.start.offset! };
}
