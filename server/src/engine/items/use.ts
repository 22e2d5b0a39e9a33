import type { ItemDef } from './item.js';
import { pattern } from '../regex.js';

const item: ItemDef = {
  id: 'use',
  title: 'How information is used',
  description:
    'The purposes personal information is used for (GDPR Art. 13(1)(c); OPP-115 "first party collection/use").',
  order: 20,
  headings: [
    /\buse of (?:your )?(?:personal )?(?:information|data)\b/i,
    /\bhow we use (?:your |the |personal |this |collected )*(?:information|data)\b/i,
    /\b(?:our|we) use (?:of )?(?:your )?(?:personal )?(?:information|data)\b/i,
    /\buse and disclosure\b/i,
    /^purposes?\b/i,
    /\bwhat (?:we|I) do with (?:it|them|your|this|that)\b/i,
    /\bhow (?:[\w-]+ )?uses? (?:your |personal |the )?(?:information|data)\b/i,
    /\b(?:collect|process)\w*,? (?:and )?why\b/i,
    /\bpurposes? (?:of|for) (?:processing|use|collection)\b/i,
    /\bcollection and use\b/i,
    /\bhow\b[^?]{0,30}\b(?:is|are) used\b/i,
    /\bhow (?:is|are|will|do(?:es)?) (?:[\w'’-]+ ){1,3}(?:be )?used\b/i,
  ],
  sentences: [
    pattern(
      'i',
      /\bwe (?:may |might |will |also |only |can )*(?:use|utili[sz]e|process) (?:[\w-]+ ){0,3}?/,
      /(?:information|data|details|e-?mail(?: address(?:es)?)?)\b/,
    ),
    /\b(?:information|data) (?:is|are|will be|may be|can be) (?:used|processed) (?:to|for)\b/i,
    /\bwe (?:will |do )?not (?:use|utili[sz]e)\b(?! cookies)/i,
    /\bwe use (?:all |both |each of )?(?:this|that|it|them|these|those)\b/i,
    pattern(
      '',
      /\b(?:[A-Z][\w-]{1,40}|the company|the controller) (?:uses|processes) (?:[\w-]+ ){0,3}?/,
      /(?:information|data|details)\b/,
    ),
    pattern(
      'i',
      /\b(?:shall|will|may|must) (?:only |also )?use (?:your |the |such |this |any |all )?(?:personal )?/,
      /(?:information|data)\b/,
    ),
    /\bhow (?:it|they|this|your|the|such|personal) ?(?:information|data)? (?:is|are|will be|may be) used\b/i,
    /\b(?:for|our) (?:everyday business|marketing|internal business) purposes\b/i,
    /\b(?:and|or) us(?:e|ing) (?:it|them|this|that|your information) (?:for|to|only)\b/i,
    /\bno (?:personal )?(?:data|information) is (?:\w+ (?:or|and) )?(?:used|processed)\b/i,
    pattern(
      'i',
      /\b(?:information|data)\b[^.;]{0,80}\bin order to /,
      /(?:provide|offer|send|market|improve|process|personali[sz]e|show|deliver)\b/,
    ),
  ],
  missingMessage: 'The policy does not say how personal information is used.',
};
export default item;
