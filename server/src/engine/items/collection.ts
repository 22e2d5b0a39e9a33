import type { ItemDef } from './item.js';
import { pattern } from '../regex.js';

const item: ItemDef = {
  id: 'collection',
  title: 'Information collected',
  description: 'What personal information the service collects, and from where (CalOPPA 22575(b)(1); GDPR Art. 13–14).',
  order: 10,
  headings: [
    /\bcollect/i,
    /\b(?:information|data) (?:that )?(?:we|you) (?:gather|obtain|receive|provide|give us)\b/i,
    /^(?:what|which) (?:personal )?(?:information|data)\b/i,
    /^(?:the )?(?:personal )?(?:information|data) we (?:process|hold|gather|keep)\b/i,
    /\bwhat do (?:you|we) (?:know|hold|have|keep|store)\b/i,
    /\bwhat (?:we|I) (?:do )?(?:keep|hold|store|log|record)\b/i,
    /\b(?:categories|types|kinds) of (?:personal )?(?:information|data)\b/i,
  ],
  sentences: [
    /\bwe (?:may |might |will |also |automatically |only |routinely )*(?:collect|gather|obtain|receive|record|log)\b/i,
    /\b(?:information|data) (?:that |which )?(?:we|you) (?:collect|provide|give|submit)\b/i,
    /\bwe do not (?:knowingly |actively )?(?:collect|gather)\b/i,
    /\byou (?:may |can )?provide (?:us )?with (?:your |certain |some )?(?:personal|information|data)/i,
    /\bcollects? (?:the following|certain|personal|your|information|data)\b/i,
    /\bwe process (?:the |your |personal |certain )?(?:[\w-]+ ){0,3}(?:details|data|information)\b/i,
    /\byou (?:give|provide|send|tell) us\b/i,
    /\bI (?:keep|collect|store|hold|record)\b/,
    /\bwe (?:hold|store|keep) (?:your|the following|these)\b/i,
    pattern(
      'i',
      /\b(?:information|data)\b[^.;]{0,40}\b(?:is|are) (?:received and |automatically )?/,
      /(?:collected|gathered|logged|recorded) (?:by|from|when|through|via)\b/,
    ),
    /\blog files?\b[^.;]{0,80}\b(?:IP|internet protocol) address/i,
    /\bcollects? nothing\b|\b(?:collects?|gathers?) no (?:personal )?(?:information|data)\b/i,
  ],
  minSentences: 1,
  missingMessage: 'The policy does not say what personal information is collected.',
};
export default item;
