import { alt, pattern } from '../regex.js';
import type { ItemDef } from './item.js';

const item: ItemDef = {
  id: 'sharing',
  title: 'Sharing and disclosure',
  description:
    'Who personal information is shared with or sold to, even to say it is not (CalOPPA 22575(b)(1); CCPA 1798.110, 1798.115).',
  order: 30,
  headings: [
    /\bshar(?:e|ing)\b/i,
    /\bdisclos(?:ure|ures|ing)\b/i,
    /\bthird[- ]part(?:y|ies)\b(?! (?:web ?)?(?:sites?|links?|cookies))/i,
    /\b(?:sell|sale) of (?:your )?(?:personal )?(?:information|data)\b/i,
    /\brecipients?\b/i,
    /\bwho (?:receives|gets|sees|has access to)\b/i,
  ],
  sentences: [
    // we share (or do not share) it with someone
    pattern(
      'i',
      /\bwe (?:may |might |will |also |only |can |do not |don't |never |will not |won't |would )*/,
      /(?:share|disclose|sell|rent|trade|transfer|provide|release|give|pass|hand)\b[^.;]{0,100}?/,
      alt(
        /\bthird[- ]part/,
        /\b(?:partners?|affiliates?|vendors?|processors?|couriers?|carriers?|companies|others|contractors)/,
        /\b(?:service |cloud |hosting |payment )?providers?/,
        /\borgani[sz]ations/,
        /\b(?:advertis|acquir|buyer|successor)/,
        /\b(?:law enforcement|authorities|government)/,
      ),
    ),
    /\b(?:not|never) (?:be )?(?:shared|sold|rented|disclosed|traded)\b/i,
    pattern(
      'i',
      /\b(?:don't|do not|never|will not|won't) (?:(?:use|sell|rent|share|trade) (?:or|and) )?/,
      /(?:sell|rent|share|trade)\b/,
    ),
    // it is shared with, sold to, disclosed to someone
    pattern(
      'i',
      /\b(?:shared|disclosed|sold|provided|rented)(?: or (?:sold|rented|shared|disclosed|traded|leased))? /,
      /(?:only )?(?:with|to) /,
      alt(
        /(?:any )?third[- ]part/,
        /(?:other|outside) (?:companies|organi[sz]ations|kids|users|members|businesses)/,
        /(?:others|partners|affiliates|service providers|vendors|anyone)\b/,
        /the (?:service|platform|provider|company) [A-Z]/,
      ),
    ),
    pattern(
      'i',
      /\bwe (?:may|will|might|can) (?:also )?disclose (?:your |the |such |this |that |any )?(?:personal )?/,
      /(?:information|data)\b/,
    ),
    pattern(
      'i',
      /\b(?:information|data|details|records?|address(?:es)?)\b[^.;]{0,40}\b(?:may|will|can) be /,
      /(?:disclosed|shared|made available)\b/,
    ),
    /\bprovid\w* (?:other companies|third parties|partners|advertisers|others) with\b/i,
    pattern(
      'i',
      /\b(?:third[- ]part\w*|ad servers?|ad networks?|advertis\w*|partners?|they)\b[^.;]{0,30}? /,
      /(?:may |will |also )?(?:automatically )?receive your\b/,
    ),
    // a denial of passing anything on: "does not collect, store, or transmit"
    /\bnot (?:collect|store|use)(?:,? (?:collect|store|use))*,? (?:or|and) (?:transmit|share|disclose|sell)\b/i,
    pattern(
      'i',
      /\b(?:website|site|pages?|service|app|application|blog|documentation)\b[^.;]{0,30}\b(?:is|are) hosted /,
      /(?:by|with|on)\b/,
    ),
  ],
  missingMessage: 'The policy does not say whether personal information is shared with or sold to others.',
};
export default item;
