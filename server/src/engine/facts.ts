// Facts with positions, extracted once per document: ages, emails (plain, mailto and
// obfuscated), postal addresses (US, UK, EU, Canada, PO boxes), phone numbers, dates,
// change-notification methods and contact forms.
import {
  AGE_WORD,
  AUDIENCE_UNDER,
  CHANGE_HEADING,
  CHILD_WORDS,
  MONTHS,
  OWN_CONTACT,
  isPolicyChangeSentence,
  THIRD_PARTY_CONTACT,
  ageValue,
  EMAIL_ADDRESS,
  isEmailAddress,
} from './patterns.js';
import { alt, anyOf, oneOf, pattern, seq } from './regex.js';
import { drain, Pacer } from './steps.js';
import type {
  AgeFact,
  DateFact,
  EmailFact,
  Facts,
  FormFact,
  MethodFact,
  NotificationMethod,
  PhoneFact,
  PolicyDocument,
  PostalFact,
  Sentence,
  TextBlock,
} from './types.js';

export function extractFacts(doc: PolicyDocument): Facts {
  return drain(extractFactsSteps(doc));
}

/** The same, as steps: each kind of fact is a pass over the whole text, long on a long document. */
export function* extractFactsSteps(doc: PolicyDocument): Generator<void, Facts> {
  const pace = new Pacer();
  const ages = extractAges(doc);
  yield* pace.step();
  const emails = extractEmails(doc);
  yield* pace.step();
  const postal = extractPostal(doc);
  yield* pace.step();
  const phones = extractPhones(doc);
  yield* pace.step();
  const dates = extractDates(doc);
  yield* pace.step();
  const methods = extractMethods(doc);
  yield* pace.step();
  const forms = extractForms(doc);
  return { ages, emails, postal, phones, dates, methods, forms, links: doc.facts.links };
}

/** The code blocks (fenced or indented, of more than one line) with their text, as [start offset, text]. */
function codeBlocks(doc: PolicyDocument): [number, string][] {
  const out: [number, string][] = [];
  for (const [start, end] of doc.code) {
    const text = doc.text.slice(start, end);
    if (text.includes('\n')) out.push([start, text]);
  }
  return out;
}

/** Source range of a match inside a sentence. */
function sentenceRange(doc: PolicyDocument, s: Sentence, index: number, length: number) {
  const block = s.block;
  const i = s.start + index;
  return doc.rangeOf(
    block.offsets[Math.min(i, block.text.length)],
    block.offsets[Math.min(i + length, block.text.length)],
  );
}

function blockRange(doc: PolicyDocument, b: TextBlock, index: number, length: number) {
  return doc.rangeOf(b.offsets[index], b.offsets[Math.min(index + length, b.text.length)]);
}

/** The sentence that holds an offset (binary search: sentences are in document order). */
function sentenceAt(doc: PolicyDocument, offset: number): Sentence | undefined {
  const list = doc.sentences;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid];
    if (offset < s.range.start.offset) hi = mid - 1;
    else if (offset > s.range.end.offset) lo = mid + 1;
    else return s;
  }
  return undefined;
}

function isThirdParty(context: string): boolean {
  return (THIRD_PARTY_CONTACT.test(context) || OTHER_PARTY_OWN.test(context)) && !OWN_CONTACT.test(context);
}

/** A provider's own channel, for its own processing: "its privacy team is reachable at …; its own privacy policy applies". */
const OTHER_PARTY_OWN =
  /\b(?:its|their) own (?:privacy policy|privacy notice|policy|processing|practices)\b|\b(?:provider|processor|vendor|platform|partner)(?:'s|’s|s') (?:privacy team|privacy office|data protection officer|DPO)\b/i;

// ---------------------------------------------------------------- ages

/** Who an age requirement is put on: "you must be 18", "users need to be 16". */
const PERSON_SUBJECT = seq(
  /\b/,
  alt(
    /you|users?|visitors?|members?|customers?|participants?|applicants?|players?|entrants?/,
    /students?|subscribers?|account holders?/,
  ),
);

const AGE_PATTERNS: RegExp[] = [
  // under 13, under the age of 13, under the age of thirteen (13), below 16, younger than 16
  pattern(
    'gi',
    /\b(?:under|below|younger than|less than|over|older than|at least)\s+(?:the\s+age\s+of\s+|age\s+)?/,
    `(${AGE_WORD})(?:\\s*\\((\\d{1,2})\\))?`,
    /(?!\s*(?:business |calendar |working )?(?:days?|hours?|months?|weeks?|minutes?|%|percent|U\.S\.C|CFR))/,
  ),
  // 13 years of age, 16 years old, thirteen (13) years of age; not "a 15 year old child" (one person, an example)
  pattern(
    'gi',
    `(?<!\\b(?:an?|one)\\s+)\\b(${AGE_WORD})(?:\\s*\\((\\d{1,2})\\))?`,
    /[- ]years?[- ](?:of[- ]age|old)\b/,
  ),
  // age of 16, aged 13, ages 13 to 17, age 18 or older
  new RegExp(`\\b(?:the\\s+age\\s+of|aged?|ages)\\s+(${AGE_WORD})(?:\\s*\\((\\d{1,2})\\))?\\b`, 'gi'),
  // turns 18, reaching 16
  new RegExp(`\\b(?:turns?|turning|reach(?:es|ing)?)\\s+(${AGE_WORD})\\b(?!\\s*(?:days?|months?|%))`, 'gi'),
  // 18 or older, 16 and over, 13+
  new RegExp(`\\b(${AGE_WORD})\\s+(?:years\\s+)?(?:or|and)\\s+(?:older|over|above|younger|under)\\b`, 'gi'),
  // you must be 18 to buy, users need to be sixteen
  pattern(
    'gi',
    `${PERSON_SUBJECT}\\s+(?:must|should|need to|needs to|have to|has to)\\s+be\\s+`,
    `(?:at least\\s+|over\\s+|older than\\s+)?(${AGE_WORD})\\b`,
    /(?!\s*(?:business |calendar |working )?(?:days?|hours?|months?|weeks?|minutes?|characters?|digits?|%|percent))/,
  ),
];

/** The pattern above whose form alone says it is a person's age (no "years", "age" or child word needed). */
const MUST_BE = AGE_PATTERNS.length - 1;

/**
 * A range of ages: "a digital age of consent between 13 and 16", "for kids 4 to 15", "children aged 8–12".
 * Both ends are thresholds; after a word for children, ages below six count too.
 */
const AGE_RANGE = pattern(
  'gid',
  /\b/,
  alt(
    /(?:age[sd]?|years)(?: of (?:digital )?consent)?\s+(?:of\s+)?between/,
    /between the ages of/,
    /(?:kids|children|child|minors|students|pupils)(?:\s+(?:aged|ages))?(?:\s+(?:from|between))?/,
    /aged|ages/,
  ),
  /\s+(\d{1,2})\s*(?:and|to|through|-|–)\s*(\d{1,2})\b/,
  /(?!\s*(?:business |calendar |working )?(?:days?|hours?|months?|weeks?|minutes?|%|percent))/,
);

/** People right before the age: "users under 13", "students who are under 11", "visitors aged". */
const PERSON_BEFORE = pattern(
  'i',
  /\b/,
  alt(
    /users?|visitors?|members?|customers?|players?|students?|pupils?|learners?|participants?/,
    /entrants?|people|persons?|individuals?|anyone|anybody|someone|those|subscribers?/,
    /account holders?/,
  ),
  /\s+(?:(?:who|that)\s+(?:are|is)\s+|(?:are|is)\s+)?$/,
);

const PERSON_WORDS = pattern(
  'i',
  /\b/,
  alt(
    /child|children|kid|minor|teen|young|youth|person|people|individual|user|visitor|anyone|those/,
    /you|age|aged|years|old|COPPA|consent|parent|guardian|customer|member|resident|eligible|player/,
    /student|pupil|learner|participant|entrant/,
  ),
);

function ageConcept(sentence: string): string {
  const eu = /\b(?:EEA|European|Europe|EU|GDPR|UK|United Kingdom|member states?)\b/.test(sentence) ? ':eu' : '';
  if (/\b(?:contests?|sweepstakes?|promotions?|prizes?|giveaways?)\b/i.test(sentence)) return 'contest';
  if (
    /\b(?:sell|sale|sold|selling)\b/i.test(sentence) &&
    /\b(?:personal information|personal data|data|information|opt[- ]?in)\b/i.test(sentence)
  )
    return `sale${eu}`;
  if (/\bconsent\b/i.test(sentence) && eu) return 'consent:eu';
  if (CHILD_WORDS.test(sentence) || AUDIENCE_UNDER.test(sentence)) return `children${eu}`;
  if (
    pattern(
      'i',
      /\b/,
      alt(/account/, /register/, /registration/, /sign up/, /use (?:the|our|this) (?:services?|site|website|app)/),
      /\b/,
    ).test(sentence)
  )
    return 'eligibility';
  // "You must be 18 to buy tickets": an age a feature is closed to minors below
  if (
    pattern(
      'i',
      `${PERSON_SUBJECT}\\s+(?:must|should|need to|needs to|have to|has to)\\s+be\\s+`,
      `(?:at least\\s+|over\\s+|older than\\s+)?${AGE_WORD}\\b`,
    ).test(sentence)
  )
    return 'eligibility';
  // "visitors under 16 may not post": people below an age are minors
  if (PERSON_UNDER.test(sentence)) return `children${eu}`;
  return `other${eu}`;
}

const PERSON_UNDER = new RegExp(
  `${PERSON_BEFORE.source.slice(0, -1)}(?:under|below|younger than)\\s+${AGE_WORD}\\b`,
  'i',
);

function extractAges(doc: PolicyDocument): AgeFact[] {
  const out: AgeFact[] = [];
  for (const s of doc.sentences) {
    const sectionName = s.section?.name ?? '';
    for (const a of doc.memo(`facts:ages\u0000${sectionName}`, s.text, () => agesIn(s.text, sectionName))) {
      out.push({ age: a.age, range: sentenceRange(doc, s, a.index, a.length), sentence: s.text, concept: a.concept });
    }
  }
  out.push(...tableAges(doc));
  return out.sort((a, b) => a.range.start.offset - b.range.start.offset);
}

/** A table's header cell that names an age: "Minimum age", "Age of consent", "Age". */
const AGE_COLUMN = /\bage\b/i;
const AGE_CELL = /^(\d{1,2}) ?\+?$/;

/**
 * Ages in a table column whose header names an age ("Region | Minimum age": "United States | 13"):
 * a bare number in that column is an age threshold, though its row has no word for it.
 */
function tableAges(doc: PolicyDocument): AgeFact[] {
  const out: AgeFact[] = [];
  let header: string[] | undefined;
  let previous: TextBlock | undefined;
  for (const b of doc.blocks) {
    if (b.kind !== 'table-cell') {
      header = undefined;
      previous = b;
      continue;
    }
    const cells = b.text.split(' | ');
    if (!header || previous?.kind !== 'table-cell') {
      header = cells;
      previous = b;
      continue;
    }
    previous = b;
    let at = 0;
    for (const [i, cell] of cells.entries()) {
      const m = AGE_COLUMN.test(header[i] ?? '') ? AGE_CELL.exec(cell.trim()) : null;
      const age = m ? Number(m[1]) : 0;
      if (m && age >= 3 && age <= 25) {
        const index = at + cell.indexOf(m[1]);
        const about = `${header[i]} ${b.text} ${b.section?.name ?? ''}`;
        out.push({ age, range: blockRange(doc, b, index, m[1].length), sentence: b.text, concept: ageConcept(about) });
      }
      at += cell.length + 3;
    }
  }
  return out;
}

/** The ages a sentence states, as positions in it (the section title tells what "over 18" is about). */
function agesIn(text: string, sectionName: string): { age: number; index: number; length: number; concept: string }[] {
  const out: { age: number; index: number; length: number; concept: string }[] = [];
  const s = { text, section: { name: sectionName } };
  // A sentence about people, or one in a section about them ("Young players": "Under 18 | no prize draws").
  if (PERSON_WORDS.test(`${s.text} ${sectionName}`)) {
    const taken: [number, number][] = [];
    for (const m of s.text.matchAll(AGE_RANGE)) {
      const ages = [Number(m[1]), Number(m[2])];
      if (ages.some((a) => a < 3 || a > 25) || ages[0] >= ages[1]) continue;
      const start = m.index!;
      taken.push([start, start + m[0].length]);
      const concept = ageConcept(`${s.text} ${s.section?.name ?? ''}`);
      const [, first, second] = m.indices!;
      out.push({ age: ages[0], index: first[0], length: first[1] - first[0], concept });
      out.push({ age: ages[1], index: second[0], length: second[1] - second[0], concept });
    }
    for (const [p, re] of AGE_PATTERNS.entries()) {
      re.lastIndex = 0;
      for (const m of s.text.matchAll(re)) {
        const start = m.index!;
        const end = start + m[0].length;
        if (taken.some(([a, b]) => start < b && a < end)) continue;
        const before = s.text.slice(Math.max(0, start - 40), start);
        if (/\b(?:section|article|part|chapter|§|title|rule|clause|item)\s*$/i.test(before.slice(-12))) continue;
        const age = ageValue(m[2] ?? m[1]);
        if (age === undefined) continue;
        // "over 18" / "at least 18" make sense only about people (the section title counts: "Minors").
        const about = `${s.text} ${s.section?.name ?? ''}`;
        if (
          p !== MUST_BE &&
          !CHILD_WORDS.test(about) &&
          !/\b(?:years|old|older|younger|age|aged)\b/i.test(about) &&
          !PERSON_BEFORE.test(before)
        )
          continue;
        taken.push([start, end]);
        const context = `${s.text} ${s.section?.name ?? ''}`;
        out.push({ age, index: start, length: m[0].length, concept: ageConcept(context) });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- emails

const EMAIL_RE = new RegExp(`(?<![\\w.%+-])${EMAIL_ADDRESS}\\b`, 'g');
const OBFUSCATED_RE = pattern(
  'g',
  /(?<![\w.%+-])([A-Za-z0-9][A-Za-z0-9._%+-]*)/,
  /(?:\s*(?:\(\s*at\s*\)|\[\s*at\s*\]|\{\s*at\s*\}|<\s*at\s*>)\s*|\s+(?:AT|@)\s+)/,
  seq(
    '(',
    /[A-Za-z0-9][A-Za-z0-9-]*/,
    /(?:(?:\s*(?:\(\s*dot\s*\)|\[\s*dot\s*\]|\{\s*dot\s*\}|<\s*dot\s*>)\s*|\.|\s+DOT\s+)[A-Za-z0-9][A-Za-z0-9-]*)+/,
    ')',
  ),
);
const SPELLED_RE = /(?<![\w.+-])([a-z0-9][a-z0-9._-]*) at ([a-z0-9-]+(?: dot [a-z0-9-]+)+)\b/gi;
const TLD_WORD = pattern(
  'i',
  /^/,
  alt(
    /com|org|net|edu|gov|io|co|uk|de|fr|eu|nl|ie|es|it|ca|au|us|info|biz|app|dev|ai|ch|at|be|se|dk/,
    /no|fi|pl|pt|jp|in|br|mx|nz|example|test/,
  ),
  /$/,
);

function decodeObfuscated(local: string, domain: string): string | undefined {
  const parts = domain.split(
    oneOf(
      '',
      /(?:(?<!\s)\s+)?(?:\(\s*dot\s*\)|\[\s*dot\s*\]|\{\s*dot\s*\}|<\s*dot\s*>|\.)\s*/,
      /(?<!\s)\s+(?:DOT|dot)\s+/,
    ),
  );
  if (parts.length < 2 || (!TLD_WORD.test(parts[parts.length - 1]) && !/^[a-z]{2,6}$/i.test(parts[parts.length - 1])))
    return undefined;
  return `${local}@${parts.join('.')}`.toLowerCase();
}

/**
 * An address with the next sentence's first word glued on: "help@notes.example.We" (a full stop with no
 * space after it). A last label written with a capital after lower-case ones is that word, not a domain.
 */
function unglued(address: string): string {
  const m = /^(.*[a-z0-9-]\.[a-z0-9-]+)\.[A-Z][a-z]+$/.exec(address);
  if (m) return m[1];
  // "privacy@example.comand we will reply": a common TLD with the next word glued on, the space lost
  const w = GLUED_WORD.exec(address);
  return w ? address.slice(0, address.length - w[1].length) : address;
}

const GLUED_WORD = pattern(
  'i',
  /\.(?:com|org|net|edu|gov|io|uk|de|fr|eu|nl|ie|ca|au|us|nz|se|ch|be|at|dk|no|fi|es|it|app|dev|info)/,
  /(and|or|for|to|if|the|with|we|you|return|by|on|in|at|please|so|as|from|then|thanks|call|within|any|anytime)$/,
);

/** "email us at" with the space after "at" lost: the words before a glued "at". */
const GLUED_AT_BEFORE = /\b(?:us|me|them|team|office|officer|reached|contacted|e-?mail(?:ed|ing)?|write|contact)\s+$/i;

/** Written as a format example ("username@domain.name", "yourname@yourdomain.com"), not as a channel. */
function isTemplateAddress(email: string): boolean {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  return (
    pattern(
      'i',
      /^/,
      alt(/user ?name|your[._-]?(?:name|email|address)/, /first[._-]?name[._-]?last[._-]?name|name|someone|somebody/),
      /$/,
    ).test(local) || /^(?:your|my|some)?domain\.[a-z]+$/i.test(domain)
  );
}

/** The addresses a block's text writes out, plain or obfuscated, as positions in it. */
function emailsIn(text: string): { email: string; index: number; length: number; form: EmailFact['form'] }[] {
  const out: { email: string; index: number; length: number; form: EmailFact['form'] }[] = [];
  for (const m of text.matchAll(EMAIL_RE)) {
    let email = unglued(m[0]);
    let index = m.index!;
    // "email us atprivacy@…": the space after "at" was lost
    if (/^at[a-z0-9]{3}/i.test(email) && GLUED_AT_BEFORE.test(text.slice(Math.max(0, index - 30), index))) {
      email = email.slice(2);
      index += 2;
    }
    out.push({ email, index, length: email.length, form: 'plain' });
  }
  for (const re of [OBFUSCATED_RE, SPELLED_RE]) {
    for (const m of text.matchAll(re)) {
      if (m[0].includes('@') && !/\s@\s/.test(m[0])) continue; // a plain address, found above
      const email = decodeObfuscated(m[1], unglued(m[2]));
      if (!email || (re === SPELLED_RE && !/ dot /i.test(m[2]))) continue;
      out.push({ email, index: m.index!, length: m[0].length, form: 'obfuscated' });
    }
  }
  return out;
}

function extractEmails(doc: PolicyDocument): EmailFact[] {
  const out: EmailFact[] = [];
  const add = (email: string, start: number, end: number, form: EmailFact['form']) => {
    const context = sentenceAt(doc, start)?.text ?? '';
    const fact: EmailFact = {
      email: email.toLowerCase(),
      range: doc.rangeOf(start, end),
      form,
      thirdParty: isThirdParty(context),
    };
    if (isTemplateAddress(email) && !OWN_CONTACT.test(context)) fact.example = true;
    out.push(fact);
  };
  for (const b of doc.blocks) {
    if (b.kind === 'html') continue;
    for (const e of doc.memo('facts:emails', b.text, () => emailsIn(b.text)))
      add(e.email, b.offsets[e.index], b.offsets[e.index + e.length], e.form);
  }
  // A contact block written as a code block (an address card in a fence) still gives the address.
  for (const [start, text] of codeBlocks(doc)) {
    for (const e of doc.memo('facts:emails', text, () => emailsIn(text)))
      add(e.email, start + e.index, start + e.index + e.length, e.form);
  }
  for (const l of doc.facts.links) {
    const m = /^mailto:([^?]+)/i.exec(l.url.trim());
    if (m) {
      const email = decodeURIComponent(m[1]).trim();
      // A bare address that GFM turned into a link is still written plainly.
      const explicit = /mailto:/i.test(doc.text.slice(l.range.start.offset, l.range.end.offset));
      if (isEmailAddress(email)) add(email, l.range.start.offset, l.range.end.offset, explicit ? 'mailto' : 'plain');
    }
  }
  // An address on another domain than the company's, given for a provider or an authority, is theirs.
  const domains = new Map<string, number>();
  for (const e of out)
    if (!e.thirdParty) domains.set(e.email.split('@')[1], (domains.get(e.email.split('@')[1]) ?? 0) + 1);
  const own = [...domains.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  for (const e of out) {
    if (e.thirdParty || !own || e.email.endsWith(`@${own}`)) continue;
    const context = sentenceAt(doc, e.range.start.offset)?.text ?? '';
    if (
      pattern(
        'i',
        /\b/,
        alt(
          /provider|processor|partner|handled by|operated by|regulator|authority|commissioner|ombudsman/,
          /its own|their own/,
        ),
        /\b/,
      ).test(context)
    )
      e.thirdParty = true;
  }
  // A plain address inside a mailto link is the same mention.
  const links = out.filter((e) => e.form === 'mailto');
  return out
    .filter(
      (e, i, all) => all.findIndex((x) => x.email === e.email && x.range.start.offset === e.range.start.offset) === i,
    )
    .filter(
      (e) =>
        e.form !== 'plain' ||
        !links.some(
          (l) =>
            l.email === e.email &&
            l.range.start.offset <= e.range.start.offset &&
            e.range.end.offset <= l.range.end.offset,
        ),
    )
    .sort((a, b) => a.range.start.offset - b.range.start.offset);
}

// ---------------------------------------------------------------- postal addresses

const US_STATES = [
  'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia',
  'Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts',
  'Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey',
  'New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania',
  'Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington',
  'West Virginia|Wisconsin|Wyoming|District of Columbia',
].join('|');
const US_ABBR = [
  'AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ',
  'NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|PR',
].join('|');
const STREET_START = /(?:^|[\s,(])(\d{1,6}(?:-\d{1,5})?[A-Za-z]?\s+[A-Z0-9][\p{L}0-9.'’ -]*|P\.?\s?O\.?\s+Box\s+\d+)/u;
const US_CSZ = pattern(
  'gu',
  `\\b([A-Z][\\p{L}.'’ -]{1,30}),?\\s+(?:${US_ABBR}|${US_STATES})\\.?,?\\s+`,
  /(\d{5}(?:-\d{4})?)\b/u,
);
const UK_POSTCODE = /\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2}\b/g;
const CA_POSTCODE = /\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b/g;
const EU_POSTCODE_CITY = pattern(
  'gu',
  /(?:^|[\s,])((?:[A-Z]{1,2}-)?(?:\d{4,5}|\d{3} \d{2})(?: ?[A-Z]{2})?)\s+/u,
  /([\p{Lu}][\p{L}'’-]+(?: [\p{Lu}][\p{L}'’-]+)?)/u,
);
const EIRCODE = /\b[AC-FHKNPRTV-Y]\d{2}(?:\s?[AC-FHKNPRTV-Y0-9]{4})\b/g;
const EU_STREET = pattern(
  'iu',
  alt(
    seq(
      /[\p{L}-]+/u,
      alt(/straße|strasse|str\.|weg|gasse|platz|allee|laan|gracht|straat|plein/u, /kade|vej|gatan|gade|katu|ulica/u),
      /\s*\d+\w?/u,
    ),
    seq(
      /\b/u,
      alt(/rue|avenue|boulevard|bd|via|viale|piazza|corso|calle|avenida|paseo/u, /plaza|rua|quai|place|chemin|ul\./u),
      /\s+[\p{L}'’. -]+\d*/u,
    ),
    /\b\d+\w?,?\s+(?:rue|avenue|boulevard|bd|quai|place|chemin)\b/u,
  ),
);
const EU_COUNTRIES = pattern(
  '',
  /\b/,
  alt(
    /Germany|Deutschland|France|Netherlands|The Netherlands|Ireland|Spain|España|Italy|Italia/,
    /Belgium|Belgique|Austria|Österreich|Sweden|Sverige|Denmark|Danmark|Poland|Polska|Portugal/,
    /Luxembourg|Finland|Suomi|Czech Republic|Czechia|Greece|Hungary|Romania|Bulgaria|Croatia/,
    /Slovakia|Slovenia|Estonia|Latvia|Lithuania|Malta|Cyprus|Switzerland|Schweiz|Suisse|Norway/,
    /Norge/,
  ),
  /\b/,
);
const UK_WORDS = pattern(
  '',
  /\b/,
  alt(
    /United Kingdom|UK|England|Scotland|Wales|Northern Ireland|London|Manchester|Edinburgh|Glasgow/,
    /Cardiff|Belfast|Bristol|Leeds|Birmingham/,
  ),
  /\b/,
);
const AU_STATE_POSTCODE = pattern(
  'g',
  /\b(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT|New South Wales|Victoria|Queensland|Western Australia|South Australia|Tasmania)/,
  /\s+(\d{4})\b/,
);
const CA_PROVINCES = pattern(
  '',
  /\b/,
  alt(
    /ON|QC|BC|AB|MB|SK|NS|NB|NL|PE|YT|NT|NU|Ontario|Quebec|Québec|British Columbia|Alberta|Manitoba/,
    /Saskatchewan|Nova Scotia|New Brunswick|Newfoundland|Canada/,
  ),
  /\b/,
);

function extractPostal(doc: PolicyDocument): PostalFact[] {
  const out: PostalFact[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'html' || b.kind === 'heading') continue;
    for (const p of doc.memo('facts:postal', b.text, () => postalIn(b.text))) {
      const context = sentenceAt(doc, b.offsets[p.start])?.text ?? b.text;
      // The party named right before the address is whose it is: "… by contacting the attorney general, 12 Main St, …".
      const lead = b.text.slice(Math.max(0, p.start - 100), p.start);
      const thirdParty = (isThirdParty(context) && !/\b(?:us|our)\b/i.test(context)) || isThirdParty(lead);
      out.push({
        text: b.text.slice(p.start, p.end),
        range: blockRange(doc, b, p.start, p.end - p.start),
        region: p.region,
        thirdParty,
      });
    }
  }
  for (const [start, text] of codeBlocks(doc)) {
    for (const p of doc.memo('facts:postal', text, () => postalIn(text))) {
      out.push({
        text: text.slice(p.start, p.end),
        range: doc.rangeOf(start + p.start, start + p.end),
        region: p.region,
        thirdParty: false,
      });
    }
  }
  return out.sort((a, b) => a.range.start.offset - b.range.start.offset);
}

/** The postal addresses in a block's text, as [start, end) in it. Depends only on the text. */
function postalIn(t: string): { start: number; end: number; region: PostalFact['region'] }[] {
  const out: { start: number; end: number; region: PostalFact['region'] }[] = [];
  const add = (start: number, end: number, region: PostalFact['region']) => {
    if (out.some((p) => p.start <= start && start < p.end)) return;
    out.push({ start, end, region });
  };
  /** Start of the street line in the 160 characters before `end`, if there is one. */
  const streetBefore = (end: number): number | undefined => {
    const from = Math.max(0, end - 160);
    const window = t.slice(from, end);
    const m = STREET_START.exec(window);
    return m ? from + m.index + (m[0].length - m[1].length) : undefined;
  };
  for (const m of t.matchAll(US_CSZ)) {
    const end = m.index! + m[0].length;
    const street = streetBefore(m.index! + 1);
    if (street !== undefined) add(street, end, /^P\.?\s?O\.?\s+Box/i.test(t.slice(street)) ? 'PO' : 'US');
  }
  for (const m of t.matchAll(UK_POSTCODE)) {
    const end = m.index! + m[0].length;
    const street = streetBefore(m.index!);
    if (street !== undefined || UK_WORDS.test(t.slice(Math.max(0, m.index! - 120), end + 40))) {
      add(street ?? Math.max(0, t.lastIndexOf('\n', m.index!) + 1), end, 'UK');
    }
  }
  for (const m of t.matchAll(CA_POSTCODE)) {
    const end = m.index! + m[0].length;
    const street = streetBefore(m.index!);
    if (street !== undefined && CA_PROVINCES.test(t.slice(Math.max(0, m.index! - 80), end + 20)))
      add(street, end, 'CA');
  }
  for (const m of t.matchAll(EU_POSTCODE_CITY)) {
    const start = m.index! + m[0].indexOf(m[1]);
    const end = m.index! + m[0].length;
    const windowText = t.slice(Math.max(0, start - 120), Math.min(t.length, end + 40));
    const streetM = EU_STREET.exec(t.slice(Math.max(0, start - 120), start));
    if (streetM || (EU_COUNTRIES.test(windowText) && /\d/.test(t.slice(Math.max(0, start - 80), start)))) {
      const streetStart = streetM ? Math.max(0, start - 120) + streetM.index : start;
      add(streetStart, end, 'EU');
    }
  }
  for (const m of t.matchAll(/\bSingapore\s+(\d{6})\b/g)) {
    const end = m.index! + m[0].length;
    const street = streetBefore(m.index!);
    if (street !== undefined) add(street, end, 'other');
  }
  for (const m of t.matchAll(AU_STATE_POSTCODE)) {
    const end = m.index! + m[0].length;
    const street = streetBefore(m.index!);
    if (street !== undefined) add(street, end, 'AU');
  }
  for (const m of t.matchAll(EIRCODE)) {
    const end = m.index! + m[0].length;
    if (/\b(?:Ireland|Dublin|Cork|Galway|Limerick)\b/.test(t.slice(Math.max(0, m.index! - 120), end + 30))) {
      add(streetBefore(m.index!) ?? m.index!, end, 'EU');
    }
  }
  for (const m of t.matchAll(/\bP\.?\s?O\.?\s+Box\s+\d+[^\n]{0,80}/gi)) add(m.index!, m.index! + m[0].length, 'PO');
  return out;
}

// ---------------------------------------------------------------- phones

const PHONE_RES = [
  // North American: (866) 289-2101, 1-866-289-2101, +1 866.289.2101, 866-289-2101
  /(?<![\w/$.-])(?:\+?1[\s.-]*)?(?:\(\d{3}\)|\d{3})[\s.-]*\d{3}[\s.-]\d{4}(?![\w-])/g,
  // International: +44 20 7946 0958, +49 (0)30 1234567, +33 1 23 45 67 89
  /(?<![\w/$])\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,6}(?![\w-])/g,
  // National numbers after a phone word: Tel: 020 7946 0958, phone 01 234 5678
  pattern(
    'gi',
    /(?<=\b(?:tel(?:ephone)?|phone|call(?: us)?(?: at| on)?|fax|ph)\.?:?\s*)(?:0\d{1,4}|\(0\d{1,4}\))/,
    /(?:[\s.-]?\d{2,4}){2,4}(?![\w-])/,
  ),
  // French and similar national numbers in pairs: 04 78 62 19 30
  /(?<![\w/$.-])0[1-9](?:[ .]\d{2}){4}(?![\w-])/g,
  // Australian landlines with the area code in brackets: (03) 9001 2345
  /(?<![\w/$])\(0\d\)\s?\d{4}\s?\d{4}(?![\w-])/g,
];

function extractPhones(doc: PolicyDocument): PhoneFact[] {
  const out: PhoneFact[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'html') continue;
    for (const p of doc.memo('facts:phones', b.text, () => phonesIn(b.text))) {
      const context = sentenceAt(doc, b.offsets[p.index])?.text ?? '';
      out.push({ text: p.text, range: blockRange(doc, b, p.index, p.length), thirdParty: isThirdParty(context) });
    }
  }
  return out.sort((a, b) => a.range.start.offset - b.range.start.offset);
}

/** The phone numbers in a block's text, as positions in it. */
function phonesIn(text: string): { text: string; index: number; length: number }[] {
  const out: { text: string; index: number; length: number }[] = [];
  for (const re of PHONE_RES) {
    for (const m of text.matchAll(re)) {
      const digits = m[0].replace(/\D/g, '');
      if (digits.length < 9 || digits.length > 15) continue;
      const start = m.index!;
      if (out.some((p) => p.index <= start && start < p.index + p.length)) continue;
      out.push({ text: m[0].trim(), index: start, length: m[0].trimEnd().length });
    }
  }
  return out;
}

// ---------------------------------------------------------------- dates

const MONTH_RE = alt(
  /jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?/,
  /aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?/,
);
const DATE_RES: { re: RegExp; parse: (m: RegExpMatchArray) => string | undefined }[] = [
  // April 4, 2013 / Apr. 4th, 2013 / April 4 2013
  {
    re: new RegExp(`\\b(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'),
    parse: (m) => iso(m[3], month(m[1]), m[2]),
  },
  // 4 April 2013 / 4th of April, 2013
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_RE})\\.?,?\\s+(\\d{4})\\b`, 'gi'),
    parse: (m) => iso(m[3], month(m[2]), m[1]),
  },
  // 2013-04-04
  { re: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g, parse: (m) => iso(m[1], Number(m[2]), m[3]) },
  // 04/04/2013 (US order unless the first number cannot be a month)
  {
    re: /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g,
    parse: (m) => (Number(m[1]) > 12 ? iso(m[3], Number(m[2]), m[1]) : iso(m[3], Number(m[1]), m[2])),
  },
  // 4/4/15 (a two-digit year: 70–99 are 19xx, the rest 20xx)
  {
    re: /\b(\d{1,2})\/(\d{1,2})\/(\d{2})\b(?![/\d])/g,
    parse: (m) => {
      const y = `${Number(m[3]) >= 70 ? '19' : '20'}${m[3]}`;
      return Number(m[1]) > 12 ? iso(y, Number(m[2]), m[1]) : iso(y, Number(m[1]), m[2]);
    },
  },
  // 12.01.2021 (dotted dates are day first, as in Europe)
  { re: /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/g, parse: (m) => iso(m[3], Number(m[2]), m[1]) },
  // October 2010
  {
    re: new RegExp(`\\b(${MONTH_RE})\\.?,?\\s+(\\d{4})\\b`, 'gi'),
    parse: (m) => `${m[2]}-${String(month(m[1])).padStart(2, '0')}`,
  },
  // 07/2022
  { re: /\b(0?[1-9]|1[0-2])\/(\d{4})\b(?!\/)/g, parse: (m) => `${m[2]}-${m[1].padStart(2, '0')}` },
  // 2019-04
  { re: /\b(\d{4})-(0[1-9]|1[0-2])\b(?!-)/g, parse: (m) => `${m[1]}-${m[2]}` },
];
export const EFFECTIVE_CONTEXT = pattern(
  'i',
  /\b/,
  alt(
    /effective/,
    /last[- ](?:updated|revised|modified|amended|changed|reviewed)/,
    /updated/,
    /revised/,
    /in effect/,
    /(?:takes?|took|comes?|came) (?:into )?effect/,
    /version (?:date|of|dated)/,
    /date of (?:last )?(?:revision|update)/,
    /dated/,
  ),
  /\b/,
);

/**
 * A label right before a date that makes it the policy's date: "Date: …", "Created: …", "Last update …",
 * "Rev. …", and front matter keys ("lastmod: 2024-01-02", "updated: …").
 */
const DATE_LABEL_BEFORE = pattern(
  'i',
  /(?:^|[\s*_|(>])/,
  alt(
    /date/,
    /lastmod/,
    /last[-_ ]?mod(?:ified)?/,
    /(?:last[-_ ])?updated?/,
    /modified/,
    /created/,
    /published/,
    /effective/,
    /rev(?:ised|ision)?\.?/,
    /version(?: date)?/,
  ),
  // the text is tested with its white space collapsed, so single spaces suffice here
  / ?(?:(?:on|as of|[:\-–—]) ?)?(?:[*_]{1,4} ?)?$/,
);
/** A sentence that is only such a label, split from its date by the full stop: "Rev." */
const DATE_LABEL_ONLY = /^\W*(?:rev(?:ised|ision)?|updated|effective|date|last update[d]?)\W*$/i;

function month(name: string): number {
  const n = name.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(n)) + 1;
}

function iso(y: string, m: number, d: string): string | undefined {
  const year = Number(y);
  const day = Number(d);
  if (m < 1 || m > 12 || day < 1 || year < 1990 || year > 2100) return undefined;
  const date = new Date(Date.UTC(year, m - 1, day));
  if (date.getUTCMonth() !== m - 1) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Every date a text states, as ISO strings with their positions in the text. */
export function findDates(text: string): { iso: string; index: number; length: number }[] {
  const found: { iso: string; index: number; length: number }[] = [];
  for (const { re, parse } of DATE_RES) {
    for (const m of text.matchAll(re)) {
      const index = m.index!;
      if (found.some((f) => index < f.index + f.length && f.index < index + m[0].length)) continue;
      const value = parse(m);
      if (value && Number(value.slice(0, 4)) >= 1990) found.push({ iso: value, index, length: m[0].length });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

function extractDates(doc: PolicyDocument): DateFact[] {
  const out: DateFact[] = [];
  let previous: Sentence | undefined;
  for (const s of doc.sentences) {
    const section = s.section ? /\b(?:effective|updated|revised|last modified)\b/i.test(s.section.name) : false;
    // "Rev. July 2013": the label ended a sentence of its own, just before the date.
    const inDateSection = section || (previous?.block === s.block && DATE_LABEL_ONLY.test(previous.text));
    previous = s;
    const key = inDateSection ? 'facts:dates:in-date-section' : 'facts:dates';
    for (const d of doc.memo(key, s.text, () => datesIn(s.text, inDateSection))) {
      const text = s.text.slice(d.index, d.index + d.length);
      out.push({ iso: d.iso, text, range: sentenceRange(doc, s, d.index, d.length), effective: d.effective });
    }
  }
  if (!out.some((d) => d.effective)) markChangeLog(doc, out);
  return out;
}

/** A change log's header: a date column beside a column saying what changed. */
const LOG_DATE_HEADER = /^\s*(?:date|effective(?: date)?|updated|revised|version(?: date)?)\s*$/i;
const LOG_CHANGE_HEADER = /\b(?:changes?|changed|description|summary|what|notes?|revisions?)\b/i;

/**
 * A change log table ("Date | Change" and one row per revision) dates the policy by its newest
 * row, when nothing else labels a date.
 */
function markChangeLog(doc: PolicyDocument, dates: DateFact[]): void {
  let header: string[] | undefined;
  let previous: TextBlock | undefined;
  let newest: DateFact | undefined;
  for (const b of doc.blocks) {
    const first = b.kind === 'table-cell' && previous?.kind !== 'table-cell';
    previous = b;
    if (b.kind !== 'table-cell') continue;
    const cells = b.text.split(' | ');
    if (first) {
      header = cells;
      continue;
    }
    const column = header?.findIndex((c) => LOG_DATE_HEADER.test(c)) ?? -1;
    if (column < 0 || !header!.some((c, i) => i !== column && LOG_CHANGE_HEADER.test(c))) continue;
    const start = b.range.start.offset;
    const end = b.range.end.offset;
    for (const d of dates) {
      if (d.range.start.offset >= start && d.range.end.offset <= end && (!newest || d.iso > newest.iso)) newest = d;
    }
  }
  if (newest) newest.effective = true;
}

const UPDATE_LABEL =
  /\b(?:lastmod|last[-_ ]?mod(?:ified)?|(?:last[-_ ])?updated?|modified|revised|effective)\s*[:=]\s*["']?$/i;
const CREATE_LABEL = /\b(?:date|created|published|first published)\s*[:=]\s*["']?$/i;

/** The dates a sentence states, and whether it labels them effective dates. */
function datesIn(
  text: string,
  inDateSection: boolean,
): { iso: string; index: number; length: number; effective: boolean }[] {
  const effective = EFFECTIVE_CONTEXT.test(text) || (inDateSection && text.length < 80);
  const dates = findDates(text);
  const labelled = (index: number) =>
    DATE_LABEL_BEFORE.test(text.slice(Math.max(0, index - 40), index).replace(/\s+/g, ' '));
  const out = dates.map((d) => ({ ...d, effective: effective || labelled(d.index) }));
  // "date: 2023-01-09 updated: 2025-04-22" (front matter): first published and last updated; the policy's date is the update.
  const labelOf = (index: number) => text.slice(Math.max(0, index - 20), index).replace(/\s+/g, ' ');
  const updateLabelled = out.filter((d) => UPDATE_LABEL.test(labelOf(d.index)));
  if (updateLabelled.length && updateLabelled.length < out.length) {
    for (const d of out) if (CREATE_LABEL.test(labelOf(d.index))) d.effective = false;
  }
  // "Last updated: 2019" — a bare year counts only right after an effective label.
  const year = pattern(
    'i',
    /\b(?:effective(?: date)?|last[- ](?:updated|reviewed|revised)|updated|revised|reviewed)\s*/,
    /(?:(?:on|as of|in|:|-|–)\s*)?((?:19|20)\d{2})\b(?![-/.]\d)/,
  ).exec(text);
  if (year && !dates.length)
    out.push({ iso: year[1], index: year.index + year[0].lastIndexOf(year[1]), length: 4, effective: true });
  return out;
}

// ---------------------------------------------------------------- change-notification methods

/** The policy's own date, named: "effective date", "“Last updated” date", "date last modified", "the 'last updated' reference". */
const DATE_NOUN = alt(
  /["“'‘]?(?:effective|last[- ]?(?:updated|modified|revised|changed)|revision|revised|updated)["”'’]? date\b/,
  /["“'‘]?date (?:of )?last (?:modified|updated|revised|changed)["”'’]?/,
  /["“'‘]last (?:updated|modified|revised)["”'’](?: (?:date|reference|line|notation|legend))?/,
);

const METHOD_RES: [NotificationMethod, RegExp][] = [
  [
    'email',
    anyOf(
      'i',
      /\b(?:will|shall|we'll|we will) (?:also |first )?e-?mail\b/,
      /\b(?:and|or) e-?mail (?:you|each|every|all|the|your|our|affected|registered)\b/,
      // "by email", "sending you an email"; not "send an email to us"
      /\b(?:by|via|through|with an?|in an?|send(?:ing)? you an?|(?:we|will) send(?:ing)? an?) e-?mail\b/,
      /\be-?mail(?:ed|ing)? (?:to )?(?:you|the (?:last |primary )?e-?mail address|notice)/,
      /\bnotice to (?:the|your) (?:primary |registered )?e-?mail address/,
      /\be-?mail (?:notification|address (?:specified|associated|on file|you (?:have )?(?:gave|given|provided)))/,
    ),
  ],
  [
    'site-notice',
    anyOf(
      'i',
      /\bprominent(?:ly)? (?:notice|post(?:ing)?|display)/,
      /\bconspicuous (?:and [\w-]+ )?notice\b/,
      /\bnotice (?:on|at|in|through|via|within) (?:our|the|this|its|their)(?: [\w'’-]+){0,3}? (?:home ?page|main page|web ?sites?|sites?|services?|app(?:lication)?s?|platform|dashboard|products?|account page)\b/,
      /\b(?:banner|pop-?up|in-?app (?:notice|message|notification))\b/,
      /\bin-?(?:game|product) (?:notice|message|notification)\b/,
      // "we will show a message the next time you open the app"
      /\b(?:show|display|send)\w* (?:you )?(?:a |an )?(?:[\w-]+ ){0,2}(?:message|notice|notification|alert)\b[^.]{0,40}\bnext time you (?:open|use|log|sign|visit|launch|start)/,
      /\bnotif(?:y|ication)\b[^.]{0,30}\b(?:through|via|in|within) (?:the|our) (?:services?|app|site|website|dashboard|product)\b/,
      // "post a notice [that we have made changes] on the website"
      /\b(?:show|display|post|place|put)\w* (?:a |an )?(?:message|notice|banner|notification|alert)\b[^.]{0,60}?\b(?:in|on|within|at the top of) (?:the|our|your)(?: [\w-]+){0,2}? (?:app|site|website|web ?site|services?|product|dashboard|home ?page|portal|account)\b/,
      // a notice at a web address ("notice to you at https://…/about")
      /\bnotice (?:to you )?(?:at|on) <?(?:https?:\/\/|www\.)/,
      // the changes are posted on the home page, not on this page: a notice where everyone looks
      /\bpost\w* (?:those |these |the |any |such )?(?:changes|updates|revisions)\b[^.]{0,20}\bon (?:our|the) home ?page\b/,
      // the new version must be accepted before using the service again: a prompt in the product
      /\b(?:accept(?:ed)?|agree(?:d)? to)\b[^.]{0,30}\bbefore (?:they|you|users) (?:can )?(?:continue|keep) (?:using|to use)\b/,
    ),
  ],
  [
    'post-page',
    anyOf(
      'i',
      // "we will post the revised policy here"; not "post a notice" (a site notice), nor "notice … by posting" (the posting is the notice)
      seq(
        /(?<!\bnotice\b[^.]{0,40}\bby )\b(?:post(?:ed|ing|s)?|publish(?:ed|es|ing)?)\b(?! (?:a |an )?(?:prominent )?(?:notice|banner|notification))/,
        /(?![^.]{0,20}\bon (?:our|the) home ?page\b)/,
        /[^.]{0,60}\b(?:changes?|revis\w*|updat\w*|(?:new|next|modified) (?:privacy )?(?:version|policy|notice|statement)|amended (?:version|policy)|(?:this|the|our) (?:page|web ?site|site|policy))\b/,
      ),
      /\b(?:changes?|revis\w*|updat\w*|new version)\b[^.]{0,40}\b(?:will|shall) be (?:posted|published)\b/,
      /\bnotify you here\b/,
      // "we will put the new version here"
      /\b(?:put|place|add)\w* (?:the )?(?:new|revised|updated|amended|changed) (?:version|policy|notice|statement|text)\b[^.]{0,30}\b(?:here|on this page)\b/,
      /\bappears? here\b/,
      /\b(?:current|latest|new|updated|revised|recent) version\b[^.]{0,40}\b(?:on|at) (?:this|our) (?:page|web ?site|site)\b/,
      // "the most current version of the policy, found at …", "… will be located here"
      /\b(?:most )?(?:current|recent|latest|up-to-date) version\b[^.]{0,80}\b(?:found|located|available|kept|accessible)(?: (?:here|at|on)\b)?/,
      /\b(?:on|to) this (?:page|web ?site)\b[^.]{0,20}\b(?:post|publish)/,
      // "we will update the privacy policy on our website", "by updating the information on this page"
      /\b(?:updat|revis)\w* (?:the |this |our |any )?(?:privacy )?(?:policy|notice|statement|information|text)\b[^.]{0,30}\bon (?:this|our) (?:page|web ?site|site)\b/,
      /\bupdat\w* (?:the text of )?this page\b/,
    ),
  ],
  [
    'revised-date',
    anyOf(
      'i',
      /\bnew (?:effective|last[- ]updated|revision) date\b/,
      seq(
        /\b(?:revis(?:e|ed|ing)|updat(?:e|ed|ing)|modify|amend|change)\b (?:the |this |its )?/,
        alt(DATE_NOUN, /date\b/),
      ),
      // "the effective date … will be revised / clearly marked / displayed at the top"
      seq(
        DATE_NOUN,
        /[^.]{0,60}\b(?:revised|updated|changed|marked|noted|indicated|shown|displayed|reflected|posted|tells you|indicates)\b/,
      ),
      seq(/\b(?:reflected|indicated|shown|noted|stated) (?:in|by|at|on) (?:the |its )?/, DATE_NOUN),
      seq(
        /\b(?:indicate|show|display|note|state|mark|highlight)\w* (?:the |its |a )?(?:new |revised |updated )?/,
        DATE_NOUN,
      ),
      // "we will indicate the date these terms were last revised", "include the date when it was last updated"
      /\b(?:indicate|include|show|display|note|state|mark|identify)\w* (?:the |a )?(?:new |revised |updated )?(?:effective |revision )?date (?:when|that|on which|these|this|the|it)\b[^.]{0,40}\b(?:revised|updated|modified|changed|amended|effective)\b/,
      // "the date at the top", "with the effective date displayed at the top"
      /\bdate\b[^.]{0,30}\b(?:at|on) the (?:top|bottom|beginning|end|head)\b/,
    ),
  ],
];

/**
 * "Check back to this policy frequently", "review this page periodically": where a policy says nothing
 * else about how users learn of changes, they appear on the page (post-page). Beside a promised notice
 * it is only advice, and no method of its own.
 */
const CHECK_BACK = anyOf(
  'i',
  /\b(?:check|review|consult|visit|revisit|refer to|read)\w*\b[^.]{0,40}\b(?:back|this (?:page|(?:privacy )?(?:policy|statement|notice)))\b[^.]{0,40}\b(?:periodically|frequently|regularly|often|from time to time|occasionally)\b/,
  /\b(?:periodically|frequently|regularly|occasionally) (?:check|review|consult|visit|revisit)\w* (?:back|this (?:page|(?:privacy )?(?:policy|statement|notice)))\b/,
);

/** Sentences that speak about changes to the policy: those in a changes section, and those that say so. */
export function changeSentences(doc: PolicyDocument): Sentence[] {
  const out: Sentence[] = [];
  let follow = 0;
  let block: TextBlock | undefined;
  for (const s of doc.sentences) {
    if (s.block !== block) {
      block = s.block;
      follow = 0;
    }
    const inSection =
      s.section &&
      doc.memo('change-heading', s.section.name, () => CHANGE_HEADING.some((re) => re.test(s.section!.name)));
    if (inSection || doc.memo('change-sentence', s.text, () => isPolicyChangeSentence(s.text))) {
      out.push(s);
      follow = 2; // the next sentences of the paragraph usually say how ("The new version will be posted here.")
    } else if (follow > 0) {
      out.push(s);
      follow--;
    }
  }
  return out;
}

function extractMethods(doc: PolicyDocument): MethodFact[] {
  const out: MethodFact[] = [];
  for (const s of changeSentences(doc)) {
    const found = doc.memo('facts:methods', s.text, () =>
      METHOD_RES.flatMap(([method, re]) => {
        const m = re.exec(s.text);
        return m ? [{ method, index: m.index, length: m[0].length }] : [];
      }),
    );
    for (const m of found) out.push({ method: m.method, range: sentenceRange(doc, s, m.index, m.length) });
  }
  if (!out.length) {
    for (const s of changeSentences(doc)) {
      const m = CHECK_BACK.exec(s.text);
      if (m) {
        out.push({ method: 'post-page', range: sentenceRange(doc, s, m.index, m[0].length) });
        break;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- contact forms

const FORM_TEXT = anyOf(
  'i',
  /\b(?:contact|web|online|request|privacy request|inquiry|enquiry|support|feedback) form\b/,
  /\bwebform\b/,
  // a form inside the product: "the in-app form", "the in-game form under Settings"
  /\bin-?(?:app|game|product) (?:contact |support |help )?form\b/,
  /\bcontact (?:us )?page\b/,
  // "see our Help Center article about …" points to reading matter, not to a way to write in
  /\bhelp ?(?:center|centre|desk)\b(?! (?:articles?|pages?|posts?|entry|entries)\b)/,
  /\bsupport (?:portal|page|site)\b/,
  // "by contacting us through our website": a channel on the site, not named further
  /\bcontact(?:ing)? us (?:through|via|on|using) (?:our|the|this) (?:web ?site|site|app)\b/,
);
const CONTACT_INTENT = /\b(?:contact|reach|questions?|requests?|submit|write to|get in touch|comments?|concerns?)\b/i;
const FORM_URL = pattern(
  'i',
  /^(?:https?:\/\/[^/]+)?\//,
  alt(/contact|contact-us|contactus|support|help|privacy-request|dsar|request/, /feedback/),
  /\b/,
);
/** Link text that names a way to write in: "Contact", "Customer Support", "submit feedback". */
const FORM_LINK_TEXT = oneOf(
  'i',
  /\bcontact\b/,
  /\b(?:customer (?:support|service|care)|support team|help ?desk|(?:submit|send|give) (?:us )?feedback)\b/,
);
/** The form is described as where data arrives ("if a request is sent via the contact form"), not offered. */
const FORM_DESCRIBED = pattern(
  'i',
  /\b(?:if|when|whenever)\b[^.]{0,40}\b(?:sent|submitted|received|made)\s+(?:via|through|using|with|by)\s+/,
  /(?:the|a|our)\s*$/,
);
const NOT_CONTACT_FORM = oneOf(
  'i',
  /opt-?out|unsubscribe|truste|verasafe|networkadvertising|aboutads|youradchoices|dispute/,
  /complaint|google|facebook|optout|choices/,
);

function extractForms(doc: PolicyDocument): FormFact[] {
  const out: FormFact[] = [];
  for (const s of doc.sentences) {
    // A heading names a topic ("Contact form and help pages" over how enquiries are processed), it offers nothing.
    if (s.block.kind === 'heading') continue;
    const form = doc.memo('facts:forms', s.text, () => {
      const m = FORM_TEXT.exec(s.text);
      const lead = m ? s.text.slice(Math.max(0, m.index - 25), m.index + m[0].length) : '';
      if (!m || NOT_CONTACT_FORM.test(lead) || /\b(?:registration|referral|sign-?up|order) forms?\b/i.test(lead))
        return undefined;
      if (FORM_DESCRIBED.test(s.text.slice(Math.max(0, m.index - 60), m.index))) return undefined;
      return { text: m[0], index: m.index, thirdParty: isThirdParty(s.text) };
    });
    if (form)
      out.push({
        text: form.text,
        range: sentenceRange(doc, s, form.index, form.text.length),
        thirdParty: form.thirdParty,
      });
  }
  for (const l of doc.facts.links) {
    if (/^mailto:/i.test(l.url) || NOT_CONTACT_FORM.test(l.url)) continue;
    const context = sentenceAt(doc, l.range.start.offset)?.text ?? '';
    if (
      (FORM_URL.test(l.url) && CONTACT_INTENT.test(context)) ||
      /\bcontact\b/i.test(l.text) ||
      (FORM_LINK_TEXT.test(l.text) && CONTACT_INTENT.test(context))
    ) {
      out.push({
        text: l.text || l.url,
        range: l.range,
        thirdParty: isThirdParty(context) || (NOT_CONTACT_FORM.test(context) && !OWN_CONTACT.test(context)),
      });
    }
  }
  return out.sort((a, b) => a.range.start.offset - b.range.start.offset);
}
