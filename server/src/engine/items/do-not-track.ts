import type { ItemDef } from './item.js';
import { pattern } from '../regex.js';

const item: ItemDef = {
  id: 'do-not-track',
  title: 'Do Not Track',
  description: 'How the service responds to Do Not Track signals (CalOPPA 22575(b)(5), added by AB 370 in 2013).',
  order: 100,
  headings: [/\bdo[- ]not[- ]track\b/i, /\bDNT\b/, /\b(?:global privacy control|opt-out preference signals?)\b/i],
  sentences: [
    // the signal by its name, not the verb ("these cookies do not track you")
    /\bDo[- ]Not[- ]Track\b|\bDO[- ]NOT[- ]TRACK\b/,
    /["“']do[- ]not[- ]track\b/i,
    pattern(
      'i',
      /\bdo[- ]not[- ]track /,
      /(?:signals?|settings?|requests?|headers?|preferences?|features?|mechanisms?|standard|option)\b/,
    ),
    /\bDNT\b/,
    /\bglobal privacy control\b/i,
  ],
  missingMessage: 'The policy does not say how it responds to Do Not Track signals (CalOPPA requires it).',
};
export default item;
