// Numbered sections: where a section's number stands in its title line, whether its
// siblings form a plain sequence (1, 2, 3 · I, II, III · A, B, C · 4.1, 4.2), and the edits
// that make room for a new section in that sequence: the following siblings and their
// sub-sections take the next number, and references to them in the text ("see Section 5",
// "§ 5", "as described in 5 below") follow in the same edit. Nothing else is touched.
import { alt, pattern, seq } from './regex.js';
import type { PolicyDocument, Section, TextEdit } from './types.js';

export type NumberFormat = 'arabic' | 'roman' | 'roman-lower' | 'alpha' | 'alpha-lower';

/** A section's number as written in its title line. */
export interface NumberToken {
  /** Source offsets of the number itself ("II.D", "4", not the dot after it). */
  start: number;
  end: number;
  /** The number's parts: "II.D" → ["II", "D"]. */
  path: string[];
}

/** One component of a number: arabic up to 999, Roman numerals, or one letter. */
const PART = /\d{1,3}|[IVXLCDM]{1,8}|[ivxlcdm]{1,8}|[A-Za-z]/;

/** The markup before a title's number or name: quote marks, a list marker, #s, bold, "Section". */
const LEAD = pattern(
  '',
  seq(
    /^[ \t]{0,8}(?:>[ \t]{0,8})*/,
    /(?:[-*+][ \t]{1,8})?/,
    /(?:#{1,6}[ \t]{1,8})?/,
    /(?:\*\*|__)?[ \t]{0,8}/,
    /(?:(?:Section|SECTION|Article|ARTICLE|Part|PART|Clause|CLAUSE)[ \t]{1,8})?/,
  ),
);

/** A title line's number and what follows it: "4." "4)" "II.D." "4 –" or "4.1 " (a dotted number needs no dot). */
const NUMBERED = pattern(
  '',
  seq(
    LEAD,
    '(',
    alt(PART),
    /(?:\.(?:\d{1,4}|[A-Za-z]|[IVXLCDM]{1,8}))*/,
    ')',
    '(',
    alt(/\.?\)/, /[.:]/, /[ \t]{1,8}[-–—]/, /(?<=\.\w{1,4})(?=[ \t])/),
    ')',
    /[ \t]{0,8}/,
  ),
);

function lineStartOf(doc: PolicyDocument, offset: number): number {
  return doc.lineStarts[doc.lineOf(offset) - 1];
}

/** The source of a section's title from the start of its line: "## 4. Cookies", "3. **Sharing.**". */
export function titleSource(doc: PolicyDocument, s: Section): { start: number; text: string } {
  const start = lineStartOf(doc, s.titleRange.start.offset);
  return { start, text: doc.text.slice(start, s.titleRange.end.offset) };
}

/** Where a section's number stands, when it has one the model agrees with. */
export function numberToken(doc: PolicyDocument, s: Section): NumberToken | undefined {
  const { start, text } = titleSource(doc, s);
  const m = NUMBERED.exec(text);
  if (!m) return undefined;
  const trailing = m[0].length - m[0].trimEnd().length;
  const numberStart = m[0].length - trailing - m[2].length - m[1].length;
  const path = m[1].split('.');
  // The model reads the number from the title; a list item's number is its marker.
  const listMarker = s.kind === 'bold-list-item' && /^\d+$/.test(m[1]) && /^[.)]/.test(m[2]);
  if (!listMarker && (!s.number || s.number.toUpperCase() !== m[1].toUpperCase())) return undefined;
  return { start: start + numberStart, end: start + numberStart + m[1].length, path };
}

/** A title line taken apart: "## " "4" ". " "**" "Cookies" ".**" (lead, number, separator, name markup, name, trail). */
export interface TitleParts {
  lead: string;
  number?: string;
  sep: string;
  nameLead: string;
  name: string;
  trail: string;
}

/** The markup and punctuation that close a title: ".**", "**", ":" (and spaces). */
function trailOf(rest: string): string {
  let i = rest.trimEnd().length;
  for (;;) {
    if (i >= 2 && (rest.slice(i - 2, i) === '**' || rest.slice(i - 2, i) === '__')) i -= 2;
    else if (i >= 1 && (rest[i - 1] === '.' || rest[i - 1] === ':')) i -= 1;
    else break;
  }
  return rest.slice(i);
}

export function titleParts(doc: PolicyDocument, s: Section): TitleParts {
  const { text } = titleSource(doc, s);
  const token = numberToken(doc, s);
  const m = token ? NUMBERED.exec(text) : undefined;
  let lead: string;
  let sep = '';
  let rest: string;
  if (m) {
    const trailing = m[0].length - m[0].trimEnd().length;
    const numberStart = m[0].length - trailing - m[2].length - m[1].length;
    lead = text.slice(0, numberStart);
    sep = m[2] + m[0].slice(m[0].length - trailing);
    rest = text.slice(m[0].length);
  } else {
    lead = LEAD.exec(text)![0];
    rest = text.slice(lead.length);
  }
  const nameLead = /^(?:\*\*|__)?/.exec(rest)![0];
  const trail = trailOf(rest.slice(nameLead.length));
  return { lead, number: m?.[1], sep, nameLead, name: rest.slice(nameLead.length, rest.length - trail.length), trail };
}

// ---------------------------------------------------------------- number formats

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

function toRoman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

function fromRoman(s: string): number | undefined {
  const u = s.toUpperCase();
  if (!/^[IVXLCDM]+$/.test(u)) return undefined;
  let n = 0;
  for (let i = 0; i < u.length; i++) {
    const v = ROMAN.find(([, r]) => r === u[i])![0];
    const next = i + 1 < u.length ? ROMAN.find(([, r]) => r === u[i + 1])![0] : 0;
    n += v < next ? -v : v;
  }
  return n > 0 && toRoman(n) === u ? n : undefined;
}

export function parsePart(part: string, format: NumberFormat): number | undefined {
  switch (format) {
    case 'arabic':
      return /^\d+$/.test(part) ? Number(part) : undefined;
    case 'roman':
      return /^[IVXLCDM]+$/.test(part) ? fromRoman(part) : undefined;
    case 'roman-lower':
      return /^[ivxlcdm]+$/.test(part) ? fromRoman(part) : undefined;
    case 'alpha':
      return /^[A-Z]$/.test(part) ? part.charCodeAt(0) - 64 : undefined;
    case 'alpha-lower':
      return /^[a-z]$/.test(part) ? part.charCodeAt(0) - 96 : undefined;
  }
}

export function formatPart(n: number, format: NumberFormat): string | undefined {
  switch (format) {
    case 'arabic':
      return String(n);
    case 'roman':
      return n > 0 && n < 4000 ? toRoman(n) : undefined;
    case 'roman-lower':
      return n > 0 && n < 4000 ? toRoman(n).toLowerCase() : undefined;
    case 'alpha':
      return n >= 1 && n <= 26 ? String.fromCharCode(64 + n) : undefined;
    case 'alpha-lower':
      return n >= 1 && n <= 26 ? String.fromCharCode(96 + n) : undefined;
  }
}

const FORMATS: NumberFormat[] = ['arabic', 'roman', 'roman-lower', 'alpha', 'alpha-lower'];

// ---------------------------------------------------------------- sequences

interface Member {
  section: Section;
  token: NumberToken;
  value: number;
}

export interface NumberPlan {
  /** The new section's number ("5", "II.D"), or undefined when its siblings are not numbered. */
  number?: string;
  /** Where the new section goes (moved to the end of the sequence when the numbering is irregular). */
  offset: number;
  /** The section whose style the new one copies (a numbered sibling where there is one). */
  like?: Section;
  /** The following sections' numbers and the references to them, rewritten. */
  edits: TextEdit[];
  /** The numbering is irregular: the section goes at the end of the sequence with the next number. */
  atEnd: boolean;
}

/** The sections at the level of `like`: same parent, same kind, same level. */
function siblingsOf(doc: PolicyDocument, like: Section): Section[] {
  const pool = like.parent ? like.parent.children : doc.sections.filter((s) => !s.parent);
  return pool.filter((s) => s !== doc.title && s.kind === like.kind && s.level === like.level);
}

/** The format every member's last part parses in, with values in a plain sequence; undefined when there is none. */
function sequenceFormat(tokens: NumberToken[]): { format: NumberFormat; values: number[]; lazy: boolean } | undefined {
  for (const format of FORMATS) {
    const values = tokens.map((t) => parsePart(t.path[t.path.length - 1], format));
    if (values.some((v) => v === undefined)) continue;
    const vs = values as number[];
    const plain = vs.every((v, i) => i === 0 || v === vs[i - 1] + 1);
    const lazy = vs.length > 1 && vs.every((v) => v === vs[0]);
    if (plain || lazy) return { format, values: vs, lazy: lazy && !plain };
  }
  return undefined;
}

const sameParentPath = (tokens: NumberToken[]) =>
  tokens.every((t) => t.path.slice(0, -1).join('.') === tokens[0].path.slice(0, -1).join('.'));

/**
 * Numbers a new section that goes at `offset` among the siblings of `like`. A plain sequence
 * makes room: the siblings from `offset` on take the next number, with their sub-sections'
 * numbers and the references to them. Anything else (gaps, repeats, mixed formats, an
 * unnumbered section inside the run) puts the new section after the last numbered sibling
 * with the next number, and says so (`atEnd`).
 */
export function planNumbering(
  doc: PolicyDocument,
  like: Section | undefined,
  offset: number,
  endOf: (s: Section) => number,
  /** A line being typed (completion): its own half-written title is no sibling. */
  skip?: { start: number; end: number },
): NumberPlan {
  const none: NumberPlan = { offset, like, edits: [], atEnd: false };
  if (!like) return none;
  const siblings = siblingsOf(doc, like).filter(
    (s) => !skip || s.titleRange.start.offset < skip.start || s.titleRange.start.offset > skip.end,
  );
  const members: Member[] = [];
  const tokens = siblings.map((s) => numberToken(doc, s));
  if (!tokens.some(Boolean)) return none;
  const numbered = siblings.filter((_, i) => tokens[i]);
  const model = numbered.reduce(
    (best, s) => (Math.abs(s.index - like.index) < Math.abs(best.index - like.index) ? s : best),
    numbered[0],
  );
  const firstNumbered = tokens.findIndex(Boolean);
  const lastNumbered = tokens.length - 1 - [...tokens].reverse().findIndex(Boolean);
  const run = tokens.slice(firstNumbered, lastNumbered + 1);
  const seqInfo =
    run.every(Boolean) && sameParentPath(run as NumberToken[]) ? sequenceFormat(run as NumberToken[]) : undefined;
  const prefix = (t: NumberToken) => t.path.slice(0, -1);
  const compose = (t: NumberToken, part: string) => [...prefix(t), part].join('.');

  const atEnd = (): NumberPlan => {
    const lastTok = tokens[lastNumbered]!;
    const info = sequenceFormat([lastTok]);
    const values = run
      .filter(Boolean)
      .map((t) => (info ? (parsePart(t!.path[t!.path.length - 1], info.format) ?? 0) : 0));
    const next = info ? formatPart(Math.max(...values) + 1, info.format) : undefined;
    const last = siblings[lastNumbered];
    return { number: next && compose(lastTok, next), offset: endOf(last), like: last, edits: [], atEnd: true };
  };
  if (!seqInfo) return atEnd();
  for (let i = firstNumbered; i <= lastNumbered; i++)
    members.push({ section: siblings[i], token: tokens[i]!, value: seqInfo.values[i - firstNumbered] });

  // The position among the siblings: how many of them start before the offset.
  const k = siblings.filter((s) => s.range.start.offset < offset).length;
  // Outside the run (before it with unnumbered sections between, or after unnumbered ones): the end.
  if (k < firstNumbered || k > lastNumbered + 1) {
    if (k > lastNumbered + 1 || firstNumbered > 0) return atEnd();
  }
  const { format, lazy } = seqInfo;
  if (lazy) {
    // "1. 1. 1.": Markdown numbers the list; the new item takes the same marker.
    return { number: members[0].token.path.join('.'), offset, like: model, edits: [], atEnd: false };
  }
  const before = members.filter((m) => m.section.range.start.offset < offset);
  const after = members.filter((m) => m.section.range.start.offset >= offset);
  const newValue = before.length ? before[before.length - 1].value + 1 : members[0].value;
  const newPart = formatPart(newValue, format);
  const lastPart = formatPart(members[members.length - 1].value + 1, format);
  if (!newPart || !lastPart) return atEnd();

  // The following siblings move up by one, their sub-sections' numbers with them.
  const edits: TextEdit[] = [];
  const renames = new Map<string, string>();
  for (const m of after) {
    const from = m.token.path.join('.');
    const to = compose(m.token, formatPart(m.value + 1, format)!);
    edits.push({ start: m.token.start, end: m.token.end, text: to });
    renames.set(from.toUpperCase(), to);
    // "C." under "I.": referred to as "I.C".
    const parent = m.token.path.length === 1 && m.section.parent ? numberToken(doc, m.section.parent) : undefined;
    if (parent) renames.set([...parent.path, from].join('.').toUpperCase(), [...parent.path, to].join('.'));
    renameDescendants(doc, m.section, m.token.path, to.split('.'), edits, renames);
  }
  edits.push(...referenceEdits(doc, renames, edits));
  return { number: compose(members[0].token, newPart), offset, like: model, edits, atEnd: false };
}

/** Sub-sections numbered under a renumbered section ("5.1" under "5") take its new number. */
function renameDescendants(
  doc: PolicyDocument,
  s: Section,
  from: string[],
  to: string[],
  edits: TextEdit[],
  renames: Map<string, string>,
): void {
  for (const child of s.children) {
    const t = numberToken(doc, child);
    if (t && t.path.length > from.length && from.every((p, i) => t.path[i].toUpperCase() === p.toUpperCase())) {
      const renamed = [...to, ...t.path.slice(from.length)].join('.');
      edits.push({ start: t.start, end: t.end, text: renamed });
      renames.set(t.path.join('.').toUpperCase(), renamed);
    } else if (t && t.path.length === 1 && from.length >= 1) {
      // "A." under "II.": referred to as "II.A"; the reference follows, the title does not change.
      renames.set([...from, t.path[0]].join('.').toUpperCase(), [...to, t.path[0]].join('.'));
    }
    renameDescendants(doc, child, from, to, edits, renames);
  }
}

// ---------------------------------------------------------------- references

/** A section number in a reference: "5", "5.2", "IV", "II.D" (not a law's "1798.100"). */
const REF_PATH = /(?:\d{1,3}|[IVXLCDM]{1,8}|[A-Z])(?:\.(?:\d{1,4}|[A-Za-z]))*(?![\w(])(?!\.\d)/;
/** A law's section, not the policy's: "Section 5 of the FTC Act", "§ 230 of the Communications Decency Act". */
const OF_A_LAW =
  /^[ \t]{1,8}of[ \t]{1,8}(?!this\b|our\b|these\b)[^.;\n]{0,60}?\b(?:Act|Code|Regulation|Directive|Law|Rules?|U\.S\.C|C\.F\.R|GDPR|CCPA|CPRA|COPPA)\b/i;
const REFERENCE = pattern(
  'g',
  alt(
    seq(
      /(?<![\w§])/,
      '(',
      alt(
        seq(alt(/[Ss]ections?/, /SECTIONS?/, /[Cc]lauses?/, /[Pp]aragraphs?/, /[Pp]arts?/), /[ \t]{1,8}/),
        /§§?[ \t]{0,8}/,
      ),
      ')',
    ),
    seq(
      /(?<![\w§])/,
      '(',
      alt(/[Ss]ee/, /[Ii]n/, /[Uu]nder/, /[Aa]t/),
      /[ \t]{1,8}/,
      ')',
      '(?=',
      REF_PATH,
      /[ \t]{1,8}(?:above|below)\b/,
      ')',
    ),
  ),
);
const LIST_GLUE =
  /^(?:,[ \t]{0,8}(?:and[ \t]{1,8}|or[ \t]{1,8})?|[ \t]{1,8}(?:and|or|to|through)[ \t]{1,8}|[ \t]{0,8}[-–][ \t]{0,8})/;

interface Reference {
  start: number;
  end: number;
  /** The number as written, upper-cased: "5.2", "IV". */
  key: string;
}

const referencesOf = new WeakMap<PolicyDocument, Reference[]>();

/** Every reference to a section number in the text, found once per document (not in code, not a law's section). */
function references(doc: PolicyDocument): Reference[] {
  let refs = referencesOf.get(doc);
  if (refs) return refs;
  refs = [];
  const text = doc.text;
  const inCode = (o: number) => doc.code.some(([s, e]) => o >= s && o < e);
  const path = new RegExp(`^${REF_PATH.source}`);
  const re = new RegExp(REFERENCE.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let at = m.index + m[0].length;
    const fromSection = m[1] !== undefined;
    for (;;) {
      const p = path.exec(text.slice(at, at + 40));
      if (!p) break;
      const end = at + p[0].length;
      if (OF_A_LAW.test(text.slice(end, end + 90))) break;
      if (!inCode(at)) refs.push({ start: at, end, key: p[0].toUpperCase() });
      if (!fromSection) break;
      const glue = LIST_GLUE.exec(text.slice(end, end + 12));
      if (!glue || !path.test(text.slice(end + glue[0].length, end + glue[0].length + 40))) break;
      at = end + glue[0].length;
    }
    re.lastIndex = Math.max(re.lastIndex, at);
  }
  referencesOf.set(doc, refs);
  return refs;
}

/** Edits that rewrite references to renumbered sections; `taken` are the title edits (never overlapped). */
function referenceEdits(doc: PolicyDocument, renames: Map<string, string>, taken: TextEdit[]): TextEdit[] {
  if (!renames.size) return [];
  const overlaps = (s: number, e: number) => taken.some((t) => s < t.end && t.start < e);
  const out: TextEdit[] = [];
  for (const r of references(doc)) {
    const to = renames.get(r.key);
    if (to && !overlaps(r.start, r.end)) out.push({ start: r.start, end: r.end, text: to });
  }
  return out;
}
