import type { ItemDef } from './item.js';

const item: ItemDef = {
  id: 'sharing',
  title: 'Sharing and disclosure',
  description: 'Who personal information is shared with or sold to, even to say it is not (CalOPPA 22575(b)(1); CCPA 1798.110, 1798.115).',
  order: 30,
  headings: [
    /\bshar(?:e|ing)\b/i,
    /\bdisclos(?:ure|ures|ing)? (?:of|to)\b/i,
    /\b(?:information|data) (?:sharing|disclosure)\b/i,
    /\bthird[- ]part(?:y|ies)\b(?! (?:web ?)?(?:sites?|links?|cookies|services?))/i,
    /\b(?:sell|sale) of (?:your )?(?:personal )?(?:information|data)\b/i,
    /\brecipients?\b/i,
    /\bwho (?:receives|gets|sees|has access to)\b/i,
  ],
  sentences: [
    /\bwe (?:may |might |will |also |only |can |do not |don't |never |will not |won't |would )*(?:share|disclose|sell|rent|trade|transfer|provide|release|give|pass|hand)\b[^.;]{0,100}?\b(?:third[- ]part|partners?|affiliates?|vendors?|(?:service |cloud |hosting |payment )?providers?|processors?|couriers?|carriers?|companies|others|organi[sz]ations|contractors|advertis|law enforcement|authorities|government|acquir|buyer|successor)/i,
    /\b(?:not|never) (?:be )?(?:shared|sold|rented|disclosed|traded)\b/i,
    /\b(?:don't|do not|never|will not|won't) (?:sell|rent|share|trade)\b/i,
    /\b(?:shared|disclosed|sold|provided) (?:with|to) (?:third[- ]part|others|partners|affiliates|service providers|vendors)/i,
  ],
  missingMessage: 'The policy does not say whether personal information is shared with or sold to others.',
};
export default item;
