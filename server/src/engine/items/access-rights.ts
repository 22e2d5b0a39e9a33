import { alt, pattern } from '../regex.js';
import type { ItemDef } from './item.js';

const item: ItemDef = {
  id: 'access-rights',
  title: 'Access, correction and deletion',
  description:
    'How users can access, correct, update or delete their information (CalOPPA 22575(b)(2); GDPR Arts. 15–17; CCPA 1798.105–106).',
  order: 80,
  headings: [
    // the reader's access, not who else has access ("Access to and disclosure of information", "have access")
    /(?<!\b(?:have|has|gets?|gain|with) )\baccess(?! to (?:and|&) disclosure)/i,
    /\bcorrect(?:ing|ion)?\b/i,
    /\bupdat(?:e|ing) (?:your )?(?:personal |account )?(?:information|data)\b/i,
    /(?<!california (?:privacy )?|opt[- ]?out )\brights\b/i,
    /\bcontrol over your\b/i,
    /\bdelet(?:e|ing|ion) (?:of )?(?:your )?(?:information|data|account)\b/i,
    /\brectif/i,
    /\bmanag(?:e|ing) your (?:information|data|account)\b/i,
    /\bsee what (?:you|we) hold\b/i,
  ],
  sentences: [
    // a verb of access or correction, what it applies to, and how or whether the reader may
    pattern(
      'i',
      /\b(?:access|review|correct|update|amend|delete|erase|rectify|modify|change)\b(?! in\b)[^.;]{0,60}?/,
      /\b(?:your|their|the|such|this|any of (?:your|their)) (?:[\w-]+ ){0,3}/,
      /(?:information|data|account|details|profile|records?)\b[^.;]*/,
      alt(/\b(?:request|contact|logging in|log in|settings|may|can|right)\b/),
    ),
    pattern(
      'i',
      /\b(?:you|customers?|users?) (?:may|can|have the right to) (?:\([a-z]+\) )?/,
      /(?:access|review|correct|update|delete|request|export|download|edit)\b/,
    ),
    /\bright (?:to|of) (?:access|know|delete|deletion|correct|correction|rectification|erasure|portability)\b/i,
    /\b(?:give|provide) you (?:with )?access to\b/i,
    /\b(?:ask|request)(?: us)? (?:for )?a copy of\b/i,
    /\bask us to (?:fix|correct|delete|erase|update|change|remove)\b/i,
    // "ask what we hold about you … to have it corrected"
    /\b(?:ask|request)\b[^.;]{0,80}\bto have (?:it|them|this|that|(?:your|the) [\w-]+) (?:corrected|deleted|erased|updated|removed|rectified)\b/i,
    /\b(?:deleted|removed|erased|corrected)\b[^.;]{0,80}\b(?:write to|contact|e-?mail|ask)\b/i,
    pattern(
      'i',
      /\b(?:allow|permit|let|enable) (?:parents|you|users|guardians|members|customers)\b[^.;]{0,20}? (?:to )?/,
      /(?:review|access|see|correct|delete|update|edit)\b/,
    ),
    /\bmake changes to\b[^.;]{0,40}\b(?:information|data|account|profile)\b/i,
    /\bby editing your (?:[\w-]+ )?(?:profile|account|settings|details)\b/i,
    /\b(?:upon|on) request\b[^.;]{0,60}\b(?:provide|give|send)\b[^.;]{0,40}\b(?:description|copy|summary|list) of\b/i,
    // a denial: entries that cannot be deleted, only revoked
    /\b(?:cannot|can't|can not) be (?:deleted|removed|erased|changed|corrected)\b/i,
    /\bimpossible to (?:delete|remove|erase|change|correct)\b/i,
  ],
  missingMessage: 'The policy does not say how users can access, correct or delete their information.',
};
export default item;
