// Evaluates every checklist item against the document model: which sections and sentences
// address it, whether that is complete, and the facts it states.
import { ITEMS } from './items/index.js';
import type { Evidence, ItemDef } from './items/item.js';
import { anyOf, pattern } from './regex.js';
import { drain, mapSteps } from './steps.js';
import { CHECKLIST_IDS, type ChecklistEntry, type PolicyDocument, type Section, type Sentence } from './types.js';

/** Sections titled for an item, shallower first: "4. Sharing" is a better home than a bullet that mentions third parties. */
export function titledSections(doc: PolicyDocument, item: ItemDef): Section[] {
  const index = ITEMS.indexOf(item);
  return doc.sections
    .filter(
      (s) =>
        s !== doc.title &&
        (index >= 0
          ? doc.memo('items:titles', s.name, () => matchingItems(s.name, (i) => i.headings)).has(index)
          : item.headings.some((re) => re.test(s.name))) &&
        !genericTitleWithoutSubject(s, item),
    )
    .sort((a, b) => a.level - b.level || a.index - b.index);
}

/**
 * Titles too generic to name an item by themselves, and the words the body must then use: a
 * section titled "Access" may be about which staff can reach the data, "Your choices" may offer
 * only product settings. Such a section counts for the item only if its body speaks of it.
 */
const GENERIC_TITLES: Partial<Record<string, { title: RegExp; body: RegExp }>> = {
  'access-rights': {
    title: /^(?:data |information )?access(?: control)?$/i,
    body: /\b(?:correct|rectif|delet|eras|updat|amend|copy|export|download|portab|see what)\w*|\breview(?:ing)? (?:your|and|or)\b/i,
  },
  'opt-out': {
    title: /^(?:your )?(?:privacy )?choices?$/i,
    body: /\b(?:marketing|promotion\w*|newsletters?|advertis\w*|ads|unsubscrib\w*|opt\w*|cookies?|tracking|sell|sale|shar(?:e|ing)|consent|preferences?|withdraw|object|e-?mails? from us|stop|do not want|remove you|mailings?|unwanted)\b/i,
  },
};

function genericTitleWithoutSubject(section: Section, item: ItemDef): boolean {
  const generic = GENERIC_TITLES[item.id];
  if (!generic?.title.test(section.name.trim())) return false;
  return !generic.body.test(section.bodyText) && !item.sentences.some((re) => re.test(section.bodyText));
}

/** Evidence for one item: sections titled for it, sentences about it. */
export function findEvidence(doc: PolicyDocument, item: ItemDef): Evidence {
  const sections = titledSections(doc, item);
  const index = ITEMS.indexOf(item);
  let sentences: Sentence[];
  if (index >= 0) {
    const sets = sentenceItems(doc);
    sentences = doc.sentences.filter((_, i) => sets[i].has(index));
  } else sentences = doc.sentences.filter((s) => speaksOf(item, s.text));
  return { sections, sentences };
}

function speaksOf(item: ItemDef, text: string): boolean {
  return item.sentences.some((re) => re.test(text)) && !item.notSentences?.some((re) => re.test(text));
}

/** The items (as indexes into ITEMS) a text speaks of; shared by every text that matches none. */
type ItemSet = ReadonlySet<number>;
const NONE: ItemSet = new Set();

const setsOf = new WeakMap<PolicyDocument, ItemSet[]>();

/** Each sentence's set of items, computed once per document (and memoized per sentence text across lints). */
function sentenceItems(doc: PolicyDocument): ItemSet[] {
  let sets = setsOf.get(doc);
  if (!sets) {
    sets = doc.sentences.map((s) => doc.memo('items:sentences', s.text, () => matchingItems(s.text, null)));
    setsOf.set(doc, sets);
  }
  return sets;
}

/**
 * The items whose patterns match the text: with `pick`, one of the patterns it chooses;
 * without, the item's sentence patterns less its exclusions. No limit on the number of items.
 */
function matchingItems(text: string, pick: ((item: ItemDef) => RegExp[]) | null): ItemSet {
  let found: Set<number> | undefined;
  ITEMS.forEach((item, i) => {
    if (pick ? pick(item).some((re) => re.test(text)) : speaksOf(item, text)) (found ??= new Set()).add(i);
  });
  return found ?? NONE;
}

function evaluateItem(doc: PolicyDocument, item: ItemDef, now?: Date): ChecklistEntry & { sectionIndex?: number } {
  const evidence = findEvidence(doc, item);
  const covered = evidence.sections.length > 0 || evidence.sentences.length >= (item.minSentences ?? 1);
  const a = item.assess
    ? item.assess(doc, evidence, now ? { now } : undefined)
    : { status: covered ? ('present' as const) : ('missing' as const), facts: {} };
  const entry: ChecklistEntry & { sectionIndex?: number } = {
    id: item.id,
    title: item.title,
    status: a.status,
    line: null,
    facts: a.facts,
  };
  if (a.status === 'missing') return entry;
  if (a.reason) entry.reason = a.reason;
  const offset =
    a.evidenceOffset ?? evidence.sections[0]?.titleRange.start.offset ?? evidence.sentences[0]?.range.start.offset;
  if (offset === undefined) return entry;
  const section: Section | undefined =
    evidence.sections[0] ??
    doc.sections.filter((s) => s.titleRange.start.offset <= offset && offset < s.range.end.offset).pop();
  const line = doc.lineOf(offset);
  const lineText = doc.text.slice(doc.lineStarts[line - 1], doc.lineStarts[line] ?? doc.text.length);
  entry.line = line;
  entry.range = doc.rangeOf(offset, Math.max(offset, doc.lineStarts[line - 1] + lineText.trimEnd().length));
  entry.evidence = lineText.trim().slice(0, 200);
  if (section) {
    entry.section = section.title;
    entry.sectionIndex = section.index;
  }
  return entry;
}

export function evaluateChecklist(doc: PolicyDocument): ChecklistEntry[] {
  return drain(evaluateChecklistSteps(doc));
}

/** The same, as steps: each item reads the whole document, long on a long one. */
export function evaluateChecklistSteps(doc: PolicyDocument): Generator<void, ChecklistEntry[]> {
  return mapSteps(ITEMS, (item) => evaluateItem(doc, item));
}

/** The document calls itself a policy: "this privacy policy", "our data protection notice". */
const SELF_REFERENCE = /\b(?:this|our) (?:privacy |data protection |cookie )?(?:policy|statement|notice)\b/i;

/** A title that names a privacy policy (and not, say, privacy laws). */
const POLICY_TITLE = anyOf(
  'i',
  /\bprivacy (?:policy|statement|notice)\b/,
  /\bdata protection (?:policy|notice|statement|declaration|information)\b/,
  /^privacy\b(?! (?:polic|laws?\b|rules|regulations?|tips))/,
);

/** A title that names another kind of document: terms, a cookie policy, a licence. */
const OTHER_DOCUMENT_TITLE = anyOf(
  'i',
  /\bcookies? (?:policy|notice|statement)\b/,
  /\bterms (?:of (?:service|use|sale)|and conditions)\b/,
  /\b(?:end[- ]user )?licen[cs]e agreement\b|\bEULA\b/,
  /\bacceptable use policy\b/,
  /\b(?:community guidelines|code of conduct)\b/,
  /\b(?:refund|return|shipping|copyright|DMCA) policy\b/,
);

/** The policy says what it does in the first person ("we collect", "we do not sell"). */
const FIRST_PERSON = pattern(
  'gi',
  /\b(?:we|I) (?:may |will |also |do not |don't |never |only )?/,
  /(?:collect|use|share|disclose|sell|process|retain|store|keep|protect|send|hold)\b/,
);

/** The policy speaks to the reader about their data. */
const YOUR_DATA = /\byour (?:personal )?(?:data|information)\b/gi;

/** Titles at the top of the document: the first sections that start in its first 600 characters. */
function topTitles(doc: PolicyDocument): string[] {
  return doc.sections
    .filter((s) => s.titleRange.start.offset < 600)
    .slice(0, 3)
    .map((s) => s.title);
}

/**
 * Evaluates further items (the law items a config turns on) the same way; `now` is the day
 * date requirements are judged against (ccpa-last-updated).
 */
export function evaluateItems(doc: PolicyDocument, items: readonly ItemDef[], now?: Date): ChecklistEntry[] {
  return drain(evaluateItemsSteps(doc, items, now));
}

/** The same, as steps. */
export function evaluateItemsSteps(
  doc: PolicyDocument,
  items: readonly ItemDef[],
  now?: Date,
): Generator<void, ChecklistEntry[]> {
  return mapSteps(items, (item) => evaluateItem(doc, item, now));
}

/**
 * Whether the Markdown reads like a privacy policy rather than an article about privacy,
 * a README, terms of service or a cookie policy: it speaks of itself as a policy and in the
 * first person about its practices, and addresses several checklist topics. A document titled
 * as another kind (terms, a cookie policy) is not one unless a top title also names privacy.
 */
export function looksLikePolicy(doc: PolicyDocument, checklist: ChecklistEntry[]): boolean {
  const covered = checklist.filter((c) => CORE_IDS.has(c.id) && c.status !== 'missing').length;
  const text = doc.text.slice(0, 200_000);
  const tops = topTitles(doc);
  const titled = tops.some((t) => POLICY_TITLE.test(t));
  if (!titled && tops.some((t) => OTHER_DOCUMENT_TITLE.test(t))) return false;
  const mainTitle = doc.title?.title ?? doc.sections[0]?.title ?? '';
  const selfReference = SELF_REFERENCE.test(text) || POLICY_TITLE.test(mainTitle);
  const firstPerson = (text.match(FIRST_PERSON) ?? []).length;
  // Passive or third-person policies ("Company uses…", "data is retained…") say "we" rarely: covering
  // five topics while calling itself a policy is enough.
  if (selfReference && covered >= 3 && (firstPerson >= 2 || covered >= 5)) return true;
  // A short notice titled as one that speaks to the reader about their data (rights, a controller).
  if (titled && covered >= 3 && (text.match(YOUR_DATA) ?? []).length >= 3) return true;
  return firstPerson >= 3 && covered >= 6;
}

/** The checklist the decision counts: the sixteen corpus items, whatever other items a profile adds. */
const CORE_IDS: ReadonlySet<string> = new Set(CHECKLIST_IDS);
