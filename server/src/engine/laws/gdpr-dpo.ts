// GDPR Art. 13(1)(b) / 14(1)(b): the contact details of the data protection officer, where
// there is one; Art. 27 and 13(1)(a): the representative in the Union of a controller outside it.
import { covered } from './shared.js';
import type { ItemDef } from '../items/item.js';

const item: ItemDef = {
  id: 'gdpr-dpo',
  title: 'Data protection officer',
  description:
    'The contact details of the data protection officer, or that none is appointed, and the EU representative of a controller outside the EU (GDPR Art. 13(1)(a)-(b), 27, 37).',
  order: 151,
  placeAfter: 'contact',
  headings: [
    /\bdata protection officer\b/i,
    /\bencarregad[oa]\b/i,
    /\bDPO\b/,
    /\b(?:EU|UK|EEA) representative\b/i,
    /\brepresentative in the (?:EU|European Union|UK|EEA)\b/i,
  ],
  sentences: [
    /\bdata protection officers?\b/i,
    /\bDPO\b/,
    /\b(?:EU|EEA|UK|European|GDPR)[- ](?:based )?representatives?\b/i,
    /\brepresentatives? (?:in|for|within) the (?:EU|European Union|EEA|European Economic Area|UK|United Kingdom)\b/i,
    /\bArt(?:icle|\.)? ?27\b/i,
    /\bencarregad[oa]\b/i,
  ],
  assess: (_doc, evidence) => ({ status: covered(evidence) ? 'present' : 'missing', facts: {} }),
  missingMessage:
    'The policy names no data protection officer or EU representative, and does not say there is none (GDPR Art. 13(1)(b)).',
};
export default item;
