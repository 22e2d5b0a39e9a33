// cross-reference: a reference to a part of the policy that does not exist — a quoted or
// named section ("see “Your Choices” below"), a number ("section 4", "see “4” below",
// "as defined in II.D."), an #anchor link, or "the links below" with no links after it.
import { blockSpan, headingSlug, leadingNumber, normalizeNumber, sentenceIndex, titleKey } from '../text.js';
import type { Fix, PolicyDocument, Rule, RuleContext, Section, Sentence } from '../types.js';
import { alt, oneOf, pattern, seq } from '../regex.js';

// ---------------------------------------------------------------- what the document offers

interface Target {
  section: Section;
  keys: string[];
  words: Set<string>[];
}

interface Index {
  targets: Target[];
  /** Every title key, for the exact match. */
  keys: Set<string>;
  /** The targets whose title has a content word, by word: a reference is looked up, not compared with every title. */
  byWord: Map<string, Target[]>;
  /** Bigrams of title keys, made when "did you mean" first needs them. */
  grams: Map<string, Map<string, number>>;
  numbers: Set<string>;
  anchors: Set<string>;
  /** Anchors compared loosely: letters and digits only. */
  looseAnchors: Set<string>;
}

const STOP = new Set([
  'the',
  'a',
  'an',
  'of',
  'to',
  'and',
  'or',
  'our',
  'your',
  'this',
  'these',
  'in',
  'on',
  'for',
  'with',
  'we',
  'you',
  'how',
  'what',
  'about',
  'us',
  'its',
]);

/** Content words, crudely stemmed, so "cookie" finds "Cookies" and "sharing" finds "Information Sharing". */
function contentWords(key: string): Set<string> {
  const out = new Set<string>();
  for (const w of key.split(' ')) {
    if (!w || STOP.has(w)) continue;
    out.add(w.replace(/ies$/, 'y').replace(/(?<=\w{3})s$/, ''));
  }
  return out;
}

function looseAnchor(s: string): string {
  let decoded = s;
  try {
    decoded = decodeURIComponent(s);
  } catch {
    // a malformed escape is compared as written
  }
  return decoded.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** The numbers a section answers to: its own ("2.1", "II.D", "14") and its outline path ("II" + "D"). */
function sectionNumbers(doc: PolicyDocument, s: Section, own: Map<Section, string[]>): string[] {
  const out = new Set<string>();
  for (const n of [leadingNumber(s.title), s.number]) if (n) out.add(normalizeNumber(n));
  if (s.kind === 'bold-list-item') {
    // An ordered list of bold titles numbers its items in the source: "4. **Security.** …".
    const start = s.range.start.offset;
    const m = /^[\s>]*(\d{1,3})[.)]\s/.exec(doc.text.slice(doc.lineStarts[s.range.start.line - 1], start + 8));
    if (m) out.add(m[1]);
  }
  for (const parentNumber of s.parent ? (own.get(s.parent) ?? []) : []) {
    for (const n of [...out]) out.add(`${parentNumber}.${n}`);
  }
  return [...out];
}

/** What a section title offers references, computed once per distinct title. */
function titleInfo(title: string): { key: string; words: Set<string>; slug: string; loose: string } {
  const key = titleKey(title);
  return { key, words: contentWords(key), slug: headingSlug(title), loose: looseAnchor(title) };
}

function buildIndex(doc: PolicyDocument): Index {
  const own = new Map<Section, string[]>();
  const numbers = new Set<string>();
  const anchors = new Set<string>();
  const looseAnchors = new Set<string>();
  const seenSlugs = new Map<string, number>();
  const targets: Target[] = [];
  const keys = new Set<string>();
  const byWord = new Map<string, Target[]>();
  for (const s of doc.sections) {
    const nums = sectionNumbers(doc, s, own);
    own.set(s, nums);
    for (const n of nums) numbers.add(n);
    const title = doc.memo('cross-reference:title', s.title, () => titleInfo(s.title));
    const name = s.name === s.title ? title : doc.memo('cross-reference:title', s.name, () => titleInfo(s.name));
    const own_keys =
      title.key === name.key || !name.key
        ? title.key
          ? [title.key]
          : []
        : title.key
          ? [title.key, name.key]
          : [name.key];
    const target: Target = {
      section: s,
      keys: own_keys,
      words: own_keys.map((k) => (k === title.key ? title.words : name.words)),
    };
    targets.push(target);
    for (const k of own_keys) keys.add(k);
    for (const w of new Set(target.words.flatMap((ws) => [...ws]))) {
      const list = byWord.get(w);
      if (list) list.push(target);
      else byWord.set(w, [target]);
    }
    // GitHub numbers repeated slugs: "faq", "faq-1", "faq-2".
    const slug = title.slug;
    const seen = seenSlugs.get(slug) ?? 0;
    seenSlugs.set(slug, seen + 1);
    anchors.add(seen ? `${slug}-${seen}` : slug);
    looseAnchors.add(title.loose);
    looseAnchors.add(name.loose);
  }
  // Explicit anchors: <a name="x">, <a id="x">, {#x}.
  for (const m of doc.text.matchAll(/<a\s[^<>]*\b(?:name|id)\s*=\s*["']([^"']+)["']|\{#([\w.:-]+)\}/gi)) {
    const id = m[1] ?? m[2];
    anchors.add(id);
    looseAnchors.add(looseAnchor(id));
  }
  return { targets, keys, byWord, grams: new Map(), numbers, anchors, looseAnchors };
}

/** A reference resolves to a title with the same key, or one whose content words include all of the reference's. */
function resolvesTitle(index: Index, ref: string): boolean {
  const key = titleKey(ref);
  if (!key || index.keys.has(key)) return true;
  const words = [...contentWords(key)];
  if (!words.length) return false;
  // Only titles that share the reference's rarest word can contain all of its words.
  let rarest: Target[] | undefined;
  for (const w of words) {
    const list = index.byWord.get(w);
    if (!list) return false;
    if (!rarest || list.length < rarest.length) rarest = list;
  }
  return rarest!.some((t) => t.words.some((w) => words.every((x) => w.has(x))));
}

/**
 * "Did you mean" compares a reference with every title, so it is offered for the first this many
 * unresolved references of a document, within a budget of comparisons; later ones are still
 * reported, without a suggestion, and the rule stays linear in the document's length.
 */
const SUGGESTION_LIMIT = 100;
/** And at most this many title comparisons in all, whatever the number of sections. */
const COMPARISON_BUDGET = 100_000;

/** Character bigrams of a key, with their counts. */
function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient over character bigrams of two keys. */
function similarity(a: string, ga: Map<string, number>, b: string, gb: Map<string, number>): number {
  let shared = 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  const total = Math.max(1, a.length - 1 + b.length - 1);
  return (2 * shared) / total;
}

function closest(index: Index, ref: string, skip?: Section): Section | undefined {
  const key = titleKey(ref);
  const grams = bigrams(key);
  let best: Section | undefined;
  let score = 0.45;
  for (const t of index.targets) {
    if (t.section === skip) continue; // the document title is nobody's target
    for (const k of t.keys) {
      let kg = index.grams.get(k);
      if (!kg) index.grams.set(k, (kg = bigrams(k)));
      const sc = similarity(key, grams, k, kg);
      if (sc > score) {
        score = sc;
        best = t.section;
      }
    }
  }
  return best;
}

// ---------------------------------------------------------------- what the prose refers to

interface Ref {
  kind: 'title' | 'number';
  /** The referenced title or number as written. */
  value: string;
  /** Index in the sentence of the reported span, and of the value inside it. */
  start: number;
  end: number;
  valueStart: number;
}

/**
 * How much text either side of a candidate the context patterns read ("see …", "… section below"):
 * they need a few words, and reading a fixed window keeps a very long sentence linear.
 */
const CONTEXT = 120;

const QUOTES: RegExp[] = [
  /"([^"\n]{1,80})"/g,
  /“([^”“\n]{1,80})”/g,
  /„([^“”„\n]{1,80})[“”]/g,
  /«\s?([^»\n]{1,80}?)\s?»/g,
  // Single quotes close only before a space or punctuation, so "Children’s" does not end the quote.
  /‘(.{1,80}?)’(?![\p{L}\p{N}])/gu,
  /(?<![\p{L}\p{N}])'(.{1,80}?)'(?![\p{L}\p{N}])/gu,
];

const PART = '(?:sections?|headings?|chapters?|paragraphs?|parts?)';
/** "the “X” section", "“X” heading". */
const AFTER_IS_PART = new RegExp(`^[\\s,]*${PART}\\b`, 'i');
/** "the section titled “X”", "Section “4”". */
const BEFORE_IS_PART = new RegExp(
  `\\b${PART}(?:\\s*(?:entitled|titled|called|named|headed|labell?ed))?\\s*(?:[,:]\\s*)?$`,
  'i',
);
/** "see “X”", "refer to the “X”". */
const SEE = /\b(?:see|refer to)\s+(?:also\s+)?(?:the\s+)?$/i;
/** A quoted name that reads as another document: "see the “Terms of Service”." */
const DOCUMENT_NAME = pattern(
  'i',
  /\b/,
  alt(
    /terms(?: of (?:service|use))?|polic(?:y|ies)|agreements?|notices?|statements?|conditions|eula/,
    /guidelines|faqs?/,
  ),
  /$/,
);
/** "described in “X” below", "under “X” above". */
const DESCRIBED = pattern(
  'i',
  /\b/,
  seq(
    '(?:',
    alt(
      /described|discussed|explained|outlined|detailed|set (?:forth|out)|found|listed|provided|stated/,
      /defined|specified|noted|covered/,
    ),
    /\s+/,
    ')?',
  ),
  /(?:in|under|at)\s+(?:the\s+)?$/,
);
const BELOW = /^\s*(?:,\s*)?(?:below|above|later|earlier)\b/i;
const SENTENCE_END = /^\s*(?:[.,;:)]|$)/;
/** "the “X” section of our Terms of Service": a section of another document. */
const OTHER_DOCUMENT = pattern(
  'i',
  `^[\\s,]*(?:${PART}\\s+)?(?:of|in|on)\\s+(?:our|the|its|their|your)\\s+`,
  /(?!privacy\b|policy\b|statement\b|notice\b)\S/,
);

const NUMBER_VALUE = pattern(
  '',
  /^\s*(?:(?:section|part|article|§)\s*)?/,
  /(\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}(?:\.(?:[A-Z]|\d{1,3}))*|[A-Z](?:\.\d{1,3})*)\.?\s*$/,
);

/** Words that make "the X section" deictic, not a title: "the next section", "this section". */
const DEICTIC = pattern(
  'i',
  /^/,
  alt(
    /this|that|these|those|next|previous|preceding|following|above|below|prior|last|first|second/,
    /third|same|relevant|applicable|corresponding|appropriate|specific|particular|entire|whole|each/,
    /any|every|other|subsequent|foregoing|respective|said|such|present|current|final|new|separate/,
    /dedicated|additional|main|related|comments?|faq|help|support/,
  ),
  /$/,
);

function quotedRefs(text: string): Ref[] {
  const out: Ref[] = [];
  for (const re of QUOTES) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const start = m.index!;
      const end = start + m[0].length;
      const inner = m[1].trim().replace(/[,.;:]$/, '');
      if (!inner || !/[\p{L}\p{N}]/u.test(inner)) continue;
      const before = text.slice(Math.max(0, start - CONTEXT), start);
      const after = text.slice(end, end + CONTEXT);
      const isRef =
        / (?:section|heading)$/i.test(inner) ||
        AFTER_IS_PART.test(after) ||
        BEFORE_IS_PART.test(before) ||
        (SEE.test(before) && (BELOW.test(after) || (SENTENCE_END.test(after) && !DOCUMENT_NAME.test(inner)))) ||
        (DESCRIBED.test(before) && BELOW.test(after));
      if (!isRef || OTHER_DOCUMENT.test(after)) continue;
      const valueStart = start + m[0].indexOf(m[1]) + (m[1].length - m[1].trimStart().length);
      out.push({ kind: NUMBER_VALUE.test(inner) ? 'number' : 'title', value: inner, start, end, valueStart });
    }
  }
  return out;
}

const CAP_WORD = "[\\p{Lu}][\\p{L}\\p{N}’'&/-]*";
const SMALL = '(?:and|or|of|to|the|for|a|an|in|on|with|your|our|&)';
/** "see Your Choices below", "as described in Data Retention above". */
const NAMED_BELOW = pattern(
  'gu',
  /\b/u,
  alt(
    /[Ss]ee/u,
    /[Rr]efer to/u,
    seq(
      alt(
        /described|discussed|explained|outlined|detailed|set (?:forth|out)|found|listed|provided/u,
        /stated|defined|specified|noted|covered/u,
      ),
      / (?:in|under)/u,
    ),
  ),
  `\\s+(?:the\\s+)?(${CAP_WORD}(?:\\s+(?:${CAP_WORD}|${SMALL})){0,9}?)\\s+(?:section\\s+)?(?:below|above)\\b`,
);
/** "the choice/opt-out section below", "see the sharing section". */
const THE_X_SECTION = /\bthe\s+([\p{L}\p{N}][\p{L}\p{N}’'&/ -]{0,60}?)\s+section\b(?!s)/giu;

/** Before "the X section", what makes it a reference: "see the sharing section", "described in the … section". */
const SECTION_ANCHOR = pattern(
  'i',
  /\b/,
  alt(
    /see|refer to|consult|read|described in|set (?:forth|out) in|explained in|outlined in/,
    /detailed in|found in|listed in|provided in|stated in|defined in|specified in|noted in/,
    /covered in|under|in/,
  ),
  /\s+$/,
);

function namedRefs(text: string): Ref[] {
  const out: Ref[] = [];
  for (const m of text.matchAll(NAMED_BELOW)) {
    const valueStart = m.index! + m[0].lastIndexOf(m[1]);
    out.push({ kind: 'title', value: m[1], start: valueStart, end: valueStart + m[1].length, valueStart });
  }
  for (const m of text.matchAll(THE_X_SECTION)) {
    const value = m[1].trim();
    const first = value.split(/\s+/)[0];
    if (DEICTIC.test(first) || value.split(/\s+/).length > 6) continue;
    const start = m.index!;
    const end = start + m[0].length;
    const before = text.slice(Math.max(0, start - CONTEXT), start);
    const after = text.slice(end, end + CONTEXT);
    const anchored = SECTION_ANCHOR.test(before);
    const directed = /^\s*(?:below|above|of this\b)/i.test(after);
    if ((!anchored && !directed) || OTHER_DOCUMENT.test(after)) continue;
    const valueStart = start + m[0].indexOf(m[1]);
    out.push({ kind: 'title', value, start: valueStart, end: valueStart + value.length, valueStart });
  }
  return out;
}

/** Statutes have sections too: "Civil Code Section 1798.83", "Section 5 of the FTC Act". */
const STATUTE_BEFORE = pattern(
  'i',
  /\b/,
  alt(
    /code|act|law|regulations?|rules?|u\.?\s?s\.?\s?c\.?|c\.?\s?f\.?\s?r\.?|title\s+\d+|statutes?/,
    /gdpr|ccpa|cpra|coppa|hipaa|ferpa|glba|pipeda|lgpd|directive/,
  ),
  /\W*$/,
);
const STATUTE_AFTER =
  /^\s*(?:\([\w.]+\)\s*)*(?:of|under|in)\s+(?!this\b|these\b|our privacy\b|the privacy\b|the policy\b)/i;
const SECTION_NUMBER = pattern(
  'g',
  /\b(Sections?|sections?|Paragraphs?|paragraphs?|Clauses?|clauses?)\s+/,
  seq(
    '(',
    /(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}(?:\.(?:[A-Z]|\d{1,3}))*)(?!\w|\.\w)/,
    seq(
      '(?:',
      /\s*(?:,|and|or|&|to|through|-|–)\s*(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}(?:\.(?:[A-Z]|\d{1,3}))*)/,
      /(?!\w|\.\w)/,
      ')*',
    ),
    ')',
  ),
);
/** "as defined in II.D.", "see 2.1". */
const OUTLINE = oneOf(
  'gu',
  /\b(?:in|see|under|at|per)\s+([IVXLC]{1,6}\.(?:[A-Z]|\d{1,3})(?:\.(?:[A-Z]|\d{1,3}))*)\.?(?![\p{L}\p{N}])/u,
  seq(
    /\b/u,
    alt(
      /see/u,
      /(?:defined|described|set (?:forth|out)|outlined|explained|detailed|specified|referred to) (?:in|under)/u,
    ),
    /\s+(\d{1,2}\.\d{1,2}(?:\.\d{1,2})*)\.?(?![\p{L}\p{N}.])/u,
  ),
);

function numberRefs(text: string): Ref[] {
  const out: Ref[] = [];
  for (const m of text.matchAll(SECTION_NUMBER)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (/^[IVXLC]/.test(m[2]) && /^[a-z]/.test(m[1])) continue; // "section I …" in lower case is prose
    if (
      STATUTE_BEFORE.test(text.slice(Math.max(0, start - CONTEXT), start)) ||
      STATUTE_AFTER.test(text.slice(end, end + CONTEXT))
    )
      continue;
    const list = m[2];
    for (const n of list.matchAll(/\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}(?:\.(?:[A-Z]|\d{1,3}))*/g)) {
      const s = start + m[0].indexOf(list) + n.index!;
      out.push({ kind: 'number', value: n[0], start: s, end: s + n[0].length, valueStart: s });
    }
  }
  for (const m of text.matchAll(OUTLINE)) {
    const value = m[1] ?? m[2];
    const s = m.index! + m[0].lastIndexOf(value);
    out.push({ kind: 'number', value, start: s, end: s + value.length, valueStart: s });
  }
  return out;
}

const LINKS_BELOW = pattern(
  'i',
  /\b/,
  alt(
    /(?:the|these)\s+(?:following\s+)?links?\s+(?:below|that follow)/,
    /(?:the|these)\s+following\s+links?/,
    /links?\s+below/,
  ),
  /\b/,
);

// ---------------------------------------------------------------- the rule

function* check(ctx: RuleContext): Generator<void, void> {
  const { doc } = ctx;
  const index = buildIndex(doc);
  const numbered = index.numbers.size > 0;
  let suggestionsLeft = SUGGESTION_LIMIT;
  let comparisonsLeft = COMPARISON_BUDGET;
  const suggest = (ref: string) => {
    if (suggestionsLeft-- <= 0 || comparisonsLeft < index.targets.length) return undefined;
    comparisonsLeft -= index.targets.length;
    return closest(index, ref, doc.title);
  };
  const linksBelow = linksBelowIndex(doc);

  for (let i = 0; i < doc.sentences.length; i++) {
    if (i % 256 === 255) yield;
    const sentence = doc.sentences[i];
    const base = sentenceIndex(sentence);
    const span = (a: number, b: number) => blockSpan(sentence.block, base + a, base + b);
    const refs = doc.memo('cross-reference:refs', sentence.text, () => refsIn(sentence.text));
    for (const ref of refs) {
      const at = span(ref.start, ref.end);
      if (ref.kind === 'number') {
        const n = normalizeNumber(ref.value.replace(/^(?:section|part|article|§)\s*/i, ''));
        if (index.numbers.has(n)) continue;
        ctx.report({
          ...at,
          message: `This refers to section “${ref.value}”, but no section of this policy is numbered ${n}${numbered ? '' : ' (its sections carry no numbers)'}: point the reader at a section by its title.`,
        });
        continue;
      }
      if (resolvesTitle(index, ref.value)) continue;
      const near = suggest(ref.value);
      const value = span(ref.valueStart, ref.valueStart + ref.value.length);
      const suggestions: Fix[] | undefined = near
        ? [{ title: `Refer to “${near.name}”`, edits: [{ ...value, text: near.name }], safe: false }]
        : undefined;
      ctx.report({
        ...at,
        message: `No section titled “${ref.value}” exists in this policy, so this reference leads nowhere.${near ? ` Did you mean “${near.title}”?` : ''}`,
        suggestions,
        related: near
          ? [
              {
                message: `closest section: “${near.title}”`,
                start: near.titleRange.start.offset,
                end: near.titleRange.end.offset,
              },
            ]
          : undefined,
      });
    }
    checkLinksBelow(ctx, sentence, linksBelow);
  }

  for (const [n, link] of doc.facts.links.entries()) {
    if (n % 256 === 255) yield;
    if (!link.url.startsWith('#') || link.url.length < 2) continue;
    const anchor = link.url.slice(1);
    if (/^top$/i.test(anchor) || index.anchors.has(anchor) || index.looseAnchors.has(looseAnchor(anchor))) continue;
    const near = suggest(anchor.replace(/-/g, ' '));
    const urlAt = doc.text.indexOf(link.url, link.range.start.offset);
    const suggestions: Fix[] | undefined =
      near && urlAt >= 0 && urlAt < link.range.end.offset
        ? [
            {
              title: `Link to “#${headingSlug(near.title)}”`,
              edits: [{ start: urlAt, end: urlAt + link.url.length, text: `#${headingSlug(near.title)}` }],
              safe: false,
            },
          ]
        : undefined;
    ctx.report({
      start: link.range.start.offset,
      end: link.range.end.offset,
      message: `The link “${link.url}” matches no heading in this policy.${near ? ` Did you mean “${near.title}”?` : ''}`,
      suggestions,
      related: near
        ? [
            {
              message: `closest section: “${near.title}”`,
              start: near.titleRange.start.offset,
              end: near.titleRange.end.offset,
            },
          ]
        : undefined,
    });
  }
}

/** The references a sentence makes, the first of any overlapping ones kept. */
function refsIn(text: string): Ref[] {
  // Kept sorted by start and never overlapping, so only the neighbours of a candidate can clash.
  const refs: Ref[] = [];
  for (const r of [...quotedRefs(text), ...numberRefs(text), ...namedRefs(text)]) {
    const at = firstAtOrAfter(refs.length, (k) => refs[k].start >= r.start);
    if ((at > 0 && refs[at - 1].end > r.start) || (at < refs.length && refs[at].start < r.end)) continue;
    refs.splice(at, 0, r);
  }
  return refs;
}

/** The first index in [0, n) where `isAtOrAfter` holds, for a predicate false then true. */
function firstAtOrAfter(n: number, isAtOrAfter: (k: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isAtOrAfter(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Where sections start, links start and raw `<a href>` tags start: sorted offsets for "the links below". */
interface LinksBelowIndex {
  /** Sections by where their title starts, and those offsets. */
  sections: Section[];
  sectionStarts: number[];
  linkStarts: number[];
  htmlLinks: number[];
}

function linksBelowIndex(doc: PolicyDocument): LinksBelowIndex {
  const sorted = (xs: number[]) => xs.sort((a, b) => a - b);
  const sections = [...doc.sections].sort((a, b) => a.titleRange.start.offset - b.titleRange.start.offset);
  return {
    sections,
    sectionStarts: sections.map((s) => s.titleRange.start.offset),
    linkStarts: sorted(doc.facts.links.map((l) => l.range.start.offset)),
    htmlLinks: sorted([...doc.text.matchAll(/<a\s[^<>]*href/gi)].map((m) => m.index!)),
  };
}

/** Whether a sorted list has a value in [from, until). */
function anyIn(sorted: number[], from: number, until: number): boolean {
  const k = firstAtOrAfter(sorted.length, (i) => sorted[i] >= from);
  return k < sorted.length && sorted[k] < until;
}

/** "Click on the links below" must be followed by a link before the next section starts. */
function checkLinksBelow(ctx: RuleContext, sentence: Sentence, index: LinksBelowIndex): void {
  const { doc } = ctx;
  const m = doc.memo('cross-reference:links-below', sentence.text, () => LINKS_BELOW.exec(sentence.text));
  if (!m) return;
  const from = sentence.range.end.offset;
  const k = firstAtOrAfter(index.sectionStarts.length, (i) => index.sectionStarts[i] >= from);
  const until = k < index.sectionStarts.length ? index.sectionStarts[k] : doc.text.length;
  const next = index.sections[k];
  if (anyIn(index.linkStarts, from, until) || anyIn(index.htmlLinks, from, until)) return;
  const at = blockSpan(
    sentence.block,
    sentenceIndex(sentence) + m.index,
    sentenceIndex(sentence) + m.index + m[0].length,
  );
  ctx.report({
    ...at,
    message: `This promises ${m[0].toLowerCase().startsWith('the') ? m[0] : `the ${m[0]}`}, but no link follows before ${next ? `“${next.title}”` : 'the end of the policy'}: add the links or remove the sentence.`,
  });
}

const rule: Rule = {
  meta: {
    id: 'cross-reference',
    description:
      'References to sections that do not exist: quoted or named titles, section numbers, #anchors, "the links below" with no links.',
    severity: 'warn',
    fixable: false,
  },
  check,
};
export default rule;
