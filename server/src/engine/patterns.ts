// Patterns shared by the facts extractor and the checklist items, kept in one place.

import { alt, oneOf, pattern, seq } from './regex.js';

/** A section title about changes to the policy: "Changes to this Policy", "Revisions or Changes", "Notification of Changes". */
export const CHANGE_HEADING = [
  pattern(
    'i',
    /\b(?:changes?|revisions?|updates?|amendments?|modifications?) (?:to|of|in) (?:(?:this|our|the|these) )?(?:privacy )?/,
    /(?:policy|policies|statement|notice|terms)\b/,
  ),
  pattern(
    'i',
    /^(?:(?:privacy )?(?:policy|statement|notice) )?(?:changes?|revisions?|updates?|amendments?)/,
    /(?: (?:and|or|&) (?:changes?|revisions?|updates?|amendments?))*$/,
  ),
  /\bnotification of changes\b/i,
  /\b(?:changes|updates) to (?:this|our) /i,
  /\b(?:when|if) (?:this|the|our) (?:privacy )?(?:policy|notice|statement|page) (?:changes|is (?:changed|updated))\b/i,
  /\bwhat happens when\b.{0,80}\bchang/i,
  // a question heading: "Where do I find out about changes?", "How will I know if this notice changes?"
  /\b(?:find out|learn|hear|know|told|notified|informed)\b.{0,30}\b(?:changes?|updates?|revisions?)\b\s*\??$/i,
];

/** A sentence about changing the policy itself. */
export const POLICY_CHANGE_SENTENCE = [
  pattern(
    'i',
    /\b(?:chang|modif|updat|revis|amend)\w*\b[^.;]{0,40}?\b(?:this|our|the|these|its) (?:privacy )?/,
    /(?:policy|policies|statement|notice)\b/,
  ),
  pattern(
    'i',
    /\b(?:this|our|the) (?:privacy )?(?:policy|statement|notice)\b[^.;]{0,40}\b(?:may|will|might|can) (?:be )?/,
    /(?:chang|modif|updat|revis|amend)\w*/,
  ),
  pattern(
    'i',
    /\b(?:this|our|the) (?:privacy )?(?:policy|statement|notice)\b[^.;]{0,40}\b(?:is|are) subject to /,
    /(?:change|revision|modification|amendment)s?\b/,
  ),
  /\bmaterial (?:changes?|modifications?|revisions?)\b/i,
  /\b(?:if|when|whenever|should) (?:this|our|the) (?:privacy )?(?:policy|statement|notice) (?:ever )?(?:changes|is (?:changed|updated|revised|amended|modified))\b/i,
];

/** Says when the policy last changed (an effective date), not what happens when it changes. */
export const LAST_CHANGED = oneOf(
  'i',
  seq(
    /\b(?:we|it|this (?:privacy )?(?:policy|notice|statement)|was|were|been) last /,
    /(?:changed|updated|revised|modified|amended)\b/,
  ),
  /\b(?:was|were|last) (?:changed|updated|revised|modified|amended) (?:on|in|as of)\b/,
);

export function isPolicyChangeSentence(text: string): boolean {
  return POLICY_CHANGE_SENTENCE.some((re) => re.test(text)) && !LAST_CHANGED.test(text);
}

/** Names of parties whose contact details are not the company's own. */
export const THIRD_PARTY_CONTACT = pattern(
  'i',
  /\b/,
  alt(
    /TRUSTe/,
    /TrustArc/,
    /VeraSafe/,
    /JAMS/,
    /BBB/,
    /Better Business Bureau/,
    /seal program/,
    /privacy seal/,
    /dispute (?:resolution|submission|service)/,
    /supervisory authority/,
    /Information Commissioner/,
    /ICO/,
    /data protection authorit(?:y|ies)/,
    /Federal Trade Commission/,
    /FTC/,
    /attorney general/,
    /Network Advertising Initiative/,
    /NAI/,
    /Digital Advertising Alliance/,
    /DAA/,
    /Google/,
    /Facebook/,
    /Microsoft/,
    /Adobe/,
    /Apple/,
    /independent controller/,
    /(?:its|their) own (?:data protection officer|DPO|privacy team|privacy office)/,
  ),
  /\b/,
);

/** Reads as an invitation to contact the company itself. */
export const OWN_CONTACT = pattern(
  'i',
  /\b/,
  alt(
    /contact us/,
    /e-?mail us/,
    /write to us/,
    /reach us/,
    /call us/,
    /to us at/,
    /us at/,
    /our (?:privacy|data protection) (?:officer|team)/,
  ),
  /\b/,
);

export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const NUMBER_WORDS: Record<string, number> = {
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  'twenty-one': 21,
  'twenty one': 21,
};
export const AGE_WORD = `(?:\\d{1,2}|${Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;

export function ageValue(word: string): number | undefined {
  const n = /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word.toLowerCase()];
  return n !== undefined && n >= 6 && n <= 25 ? n : undefined;
}

/** Words that make a sentence about children or young people. */
/** "Minor" counts only as a noun: "minors", "a minor", not "minor changes". */
export const CHILD_WORDS = pattern(
  'i',
  /\b/,
  alt(
    /child(?:ren)?(?:['’]s)?/,
    /kids?/,
    /minors/,
    seq(
      /(?:a|any|the|as|are|is|of) minor\b/,
      /(?!\s+(?:change|update|modification|revision|amendment|edit|error|issue|correction|adjustment)s?\b)/,
    ),
    /teen(?:ager)?s?/,
    /youths?/,
    /young (?:people|persons|users|visitors|members|customers|adults)/,
    /juveniles?/,
    /COPPA/,
    /parental consent/,
    /parents?/,
    /guardians?/,
    /under[- ]age/,
    /underage/,
    /age of (?:digital )?consent/,
  ),
  /\b/,
);

/** An age limit on the audience without a word for children: "not directed to anyone under 16". */
export const AUDIENCE_UNDER = pattern(
  'i',
  /\b(?:not|never)\s+(?:directed|intended|aimed|targeted|designed|meant|marketed|offered)\s+(?:to|at|for|towards?)/,
  /\s+(?:anyone|anybody|any (?:person|individual|user)|persons?|people|individuals|users|those)\s+/,
  /(?:under|below|younger than)\b/,
);

/** An email address, as policylint reads one everywhere (facts, the contact rule, config). */
export const EMAIL_ADDRESS = seq(
  /[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?/,
  /(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}/,
);
const WHOLE_EMAIL = new RegExp(`^${EMAIL_ADDRESS}$`);

export function isEmailAddress(text: string): boolean {
  return WHOLE_EMAIL.test(text);
}
