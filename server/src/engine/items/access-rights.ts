import type { ItemDef } from './item.js';

const item: ItemDef = {
  id: 'access-rights',
  title: 'Access, correction and deletion',
  description: 'How users can access, correct, update or delete their information (CalOPPA 22575(b)(2); GDPR Arts. 15–17; CCPA 1798.105–106).',
  order: 80,
  headings: [
    /\baccess/i,
    /\bcorrect(?:ing|ion)?\b/i,
    /\bupdat(?:e|ing) (?:your )?(?:personal |account )?(?:information|data)\b/i,
    /(?<!california (?:privacy )?)\brights\b/i,
    /\bcontrol over your\b/i,
    /\bdelet(?:e|ing|ion) (?:of )?(?:your )?(?:information|data|account)\b/i,
    /\brectif/i,
    /\bmanag(?:e|ing) your (?:information|data|account)\b/i,
    /\bsee what (?:you|we) hold\b/i,
  ],
  sentences: [
    /\b(?:access|review|correct|update|amend|delete|erase|rectify|modify|change)\b[^.;]{0,60}?\b(?:your|their|the|such|this|any of (?:your|their)) (?:[\w-]+ ){0,3}(?:information|data|account|details|profile|records?)\b[^.;]*\b(?:request|contact|logging in|log in|settings|may|can|right)\b/i,
    /\b(?:you|customers?|users?) (?:may|can|have the right to) (?:\([a-z]+\) )?(?:access|review|correct|update|delete|request|export|download|edit)\b/i,
    /\bright (?:to|of) (?:access|know|delete|deletion|correct|correction|rectification|erasure|portability)\b/i,
    /\b(?:give|provide) you (?:with )?access to\b/i,
    /\b(?:ask|request)(?: us)? (?:for )?a copy of\b/i,
    /\bask us to (?:fix|correct|delete|erase|update|change|remove)\b/i,
    /\b(?:deleted|removed|erased|corrected)\b[^.;]{0,80}\b(?:write to|contact|e-?mail|ask)\b/i,
  ],
  missingMessage: 'The policy does not say how users can access, correct or delete their information.',
};
export default item;
