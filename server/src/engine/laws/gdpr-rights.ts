// GDPR Art. 13(2)(b) / 14(2)(c): the rights of access, rectification, erasure, restriction,
// objection and portability (Arts 15-18, 20, 21). Incomplete when some are not named.
import { GDPR_RIGHTS, evidenceText, listing } from './shared.js';
import type { ItemDef } from '../items/item.js';

const RIGHT_WORDS = /\b(?:access|rectif\w*|correct\w*|eras\w*|delet\w*|forgotten|restrict\w*|object\w*|portab\w*)\b/i;

const item: ItemDef = {
  id: 'gdpr-rights',
  title: 'Data subject rights (GDPR)',
  description:
    'The rights of access, rectification, erasure, restriction of processing, objection and data portability (GDPR Art. 13(2)(b), 14(2)(c)).',
  order: 81,
  placeAfter: 'access-rights',
  headings: [
    /\bdata subjects?(?:'|’)?s? rights\b/i,
    /\b(?:GDPR|EU|EEA|European|UK)\b.{0,30}\brights\b/i,
    /\brights\b.{0,30}\b(?:GDPR|EU|EEA|European|UK)\b/i,
  ],
  sentences: [
    /\bright(?:s)? (?:to|of) (?:data )?(?:portability|restrict\w*|object\w*|erasure|rectification|be forgotten)\b/i,
    /\b(?:data portability|restriction of processing|right to object)\b/i,
    /\bdata subjects?(?:'|’)?s? rights\b/i,
    /\brights? to (?:request )?access\b[^.;]{0,60}\b(?:rectif|eras|restrict|object|portab)/i,
  ],
  minSentences: 1,
  assess(_doc, evidence) {
    if (!evidence.sections.length && !evidence.sentences.length) return { status: 'missing', facts: { rights: [] } };
    const text = evidenceText(evidence);
    // Each right is named in a sentence that speaks of rights or requests, not in any word "access".
    const sentences = text.split(/(?<=[.;:!?])\s+|\n+/).filter((s) => RIGHT_WORDS.test(s));
    const rights = GDPR_RIGHTS.filter(([, re]) => sentences.some((s) => re.test(s))).map(([name]) => name);
    const missing = GDPR_RIGHTS.map(([name]) => name).filter((n) => !rights.includes(n));
    if (!missing.length) return { status: 'present', facts: { rights } };
    return {
      status: 'incomplete',
      facts: { rights },
      reason: `the right${missing.length > 1 ? 's' : ''} of ${listing(missing)} ${missing.length > 1 ? 'are' : 'is'} not named`,
    };
  },
  missingMessage:
    'The policy does not list the GDPR rights (access, rectification, erasure, restriction, objection, portability; Art. 13(2)(b)).',
};
export default item;
