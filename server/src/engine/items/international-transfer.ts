import { alt, anyOf, pattern } from '../regex.js';
import type { ItemDef } from './item.js';

const item: ItemDef = {
  id: 'international-transfer',
  title: 'International transfers',
  description:
    'Whether information is transferred or stored across borders, and the safeguards relied on (GDPR Arts. 13(1)(f), 44–49).',
  order: 110,
  headings: [
    /\binternational\b(?! laws?\b)/i,
    /\bcross[- ]border\b/i,
    pattern(
      'i',
      /\b(?:data )?transfers? (?:of (?:your )?(?:personal )?(?:information|data) )?/,
      /(?:outside|abroad|overseas|to other countries)\b/,
    ),
    /\bdata transfers?\b/i,
    /\bwhere (?:we store|we process|your (?:information|data) is)\b/i,
    /\bwhere (?:is|are) (?:my|your|the) (?:data|information)\b/i,
    /\b(?:storage|stored|hosting|hosted|data) (?:outside|abroad|overseas)\b/i,
    /\beuropean\b|\bEEA\b|\bEU\b/i,
    /\bsafe harbou?r\b|\bprivacy shield\b|\bdata privacy framework\b/i,
  ],
  sentences: [
    // moved, stored or processed in another country or region
    pattern(
      'i',
      /\b(?:transfer\w*|stor(?:e|ed|es|ing)|process\w*|maintain\w*|hosted|located)\b[^.;]{0,90}?/,
      /\b(?:in|into|to|outside(?: of)?|across) (?:the )?/,
      alt(
        /United States|U\.S\b\.?|USA/,
        /other countries|another country|countries|jurisdictions?|any (?:other )?country|(?:either|both|each) (?:country|countries)/,
        /EEA|European Economic Area|EU|European Union/,
        /Canada|United Kingdom|UK/,
      ),
      /\b/,
    ),
    anyOf(
      'i',
      /\bsafe harbou?r\b/,
      /\bprivacy shield\b/,
      /\bdata privacy framework\b/,
      /\bstandard contractual clauses\b/,
      /\badequacy decision\b/,
      /\bbinding corporate rules\b/,
    ),
    /\bcross[- ]border\b|\binternational(?:ly)? transfer/i,
    // where the data or the servers are
    pattern(
      'i',
      /\b(?:data|databases?|information|backups?|servers?|reports?|copies|services?|saves?)\b[^.;]{0,60}/,
      /\b(?:stored|kept|hosted|held|processed|located|based|go|sent|transferred|moved|live)\b[^.;]{0,30}/,
      /\b(?:in|to) (?:the )?/,
      alt(
        /United States|U\.S\b\.?|USA/,
        /Singapore|Australia|New Zealand|Canada|India|Japan|Ireland|Germany|Switzerland/,
        /EU|EEA|UK/,
        /other countries|another country|countries outside/,
      ),
      /\b/,
    ),
    /\bmove (?:[\w-]+ ){0,3}(?:data|information) (?:out of|outside)\b/i,
    // the reader abroad, or the processing in one named country
    pattern(
      'i',
      /\b(?:reside|resident|located|live|are) outside (?:of )?(?:the )?/,
      /(?:United States|U\.S\b|USA|EU|EEA|European Union|UK|Canada)/,
    ),
    /\b(?:take place|takes place|occur|be performed|be carried out) in the (?:United States|U\.S\b|USA|EU|EEA|UK)/i,
    pattern(
      'i',
      /\b(?:operates?|hosted|stored|located|available) in (?:two|three|several|multiple|\d+) /,
      /(?:regions|data cent(?:er|re)s|countries)\b/,
    ),
  ],
  missingMessage: 'The policy does not say whether information is transferred to other countries.',
};
export default item;
