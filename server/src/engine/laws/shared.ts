// Detection shared by the law items: the text an item's evidence gives, and named
// elements (rights, safeguards, channels) looked for in it. Several laws ask for the same
// element and differ in what they require: the items call these and decide.
import type { Evidence } from '../items/item.js';
import type { PolicyDocument } from '../types.js';
import { oneOf } from '../regex.js';

/** The text of an item's evidence: its titled sections' bodies and its sentences. */
export function evidenceText(evidence: Evidence): string {
  const parts = evidence.sections.map((s) => s.bodyText);
  for (const s of evidence.sentences) parts.push(s.text);
  return parts.join('\n');
}

/** The names in `table` whose pattern matches the text. */
export function namedIn(text: string, table: readonly (readonly [string, RegExp])[]): string[] {
  return table.filter(([, re]) => re.test(text)).map(([name]) => name);
}

/** Where the evidence starts: the first titled section, else the first sentence. */
export function evidenceStart(evidence: Evidence): number | undefined {
  return evidence.sections[0]?.titleRange.start.offset ?? evidence.sentences[0]?.range.start.offset;
}

export function covered(evidence: Evidence): boolean {
  return evidence.sections.length > 0 || evidence.sentences.length > 0;
}

/** "a, b and c" */
export function listing(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The whole document's text, capped (an item that looks for a word anywhere). */
export function docText(doc: PolicyDocument): string {
  return doc.text.slice(0, 400_000);
}

/** The six rights GDPR Art. 13(2)(b) / 14(2)(c) name, each as a policy may word it. */
export const GDPR_RIGHTS = [
  ['access', /\baccess\b/i],
  ['rectification', /\brectif|\bcorrect(?:ion|ed|ing)?\b|\bto (?:update|amend) (?:your|inaccurate|incorrect)/i],
  ['erasure', /\berasure\b|\berase\b|\bdelet(?:e|ion|ing)\b|\bto be forgotten\b/i],
  ['restriction', /\brestrict(?:ion|ing)?\b|\blimit(?:ing)? (?:the )?(?:processing|use)\b/i],
  ['objection', /\bobject(?:ion|ing)?\b(?! (?:code|file|tag|identifier))/i],
  [
    'portability',
    oneOf(
      'i',
      /\bportab/,
      /\bportable\b/,
      /\b(?:machine-readable|structured,? commonly used)\b/,
      /\btransmit (?:it|them|your data) to another\b/,
    ),
  ],
] as const;

/** Transfer safeguards GDPR Art. 45–49 recognise, and ones that no longer count. */
export const TRANSFER_SAFEGUARDS = [
  ['an adequacy decision', /\badequa(?:cy|te)\b/i],
  [
    'standard contractual clauses',
    /\b(?:standard|model) (?:data protection )?(?:contractual clauses|contract clauses|clauses)\b|\bSCCs?\b/,
  ],
  ['the EU-US Data Privacy Framework', /\bData Privacy Framework\b|\bDPF\b/],
  ['binding corporate rules', /\bbinding corporate rules\b|\bBCRs?\b/],
  [
    'an Art. 49 derogation',
    oneOf(
      'i',
      /\bexplicit(?:ly)? consent\b[^.]{0,80}\btransfer/,
      /\btransfer\w*\b[^.]{0,80}\bexplicit(?:ly)? consent\b/,
      /\bArticle 49\b/,
      /\bderogations?\b/,
    ),
  ],
  [
    'appropriate safeguards',
    /\b(?:appropriate|suitable|adequate) (?:safeguards|protections|measures)\b|\bArticle 46\b/i,
  ],
] as const;
export const OUTDATED_TRANSFER = /\b(?:EU|Swiss)?[- ]?U\.?S\.? Privacy Shield\b|\bPrivacy Shield\b|\bSafe Harbou?r\b/i;
