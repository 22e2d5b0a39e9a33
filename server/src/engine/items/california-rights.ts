import type { ItemDef } from './item.js';
import { pattern } from '../regex.js';

const item: ItemDef = {
  id: 'california-rights',
  title: 'California privacy rights',
  description:
    'Rights of California residents under the CCPA/CPRA (Cal. Civ. Code 1798.100–.199), Shine the Light (1798.83) and CalOPPA.',
  order: 120,
  headings: [/\bcalifornia\b/i, /\bCCPA\b|\bCPRA\b|\bCalOPPA\b/, /\bshine the light\b/i],
  sentences: [
    pattern(
      'i',
      /\bCalifornia\b[^.;]{0,100}\b/,
      /(?:rights?|residents?|Civil Code|law|Consumer Privacy Act|Privacy Rights Act|Shine the Light|consumers?)\b/,
    ),
    /\bCCPA\b|\bCPRA\b|\bCalOPPA\b/,
    /\b1798\.\d+/,
    /\bshine the light\b/i,
  ],
  missingMessage: 'The policy does not describe the rights of California residents.',
};
export default item;
