import { alt, pattern, seq } from '../regex.js';
import type { ItemDef } from './item.js';

const item: ItemDef = {
  id: 'retention',
  title: 'Data retention',
  description:
    'How long personal information is kept, or how that is decided (GDPR Art. 13(2)(a); CPRA 1798.100(a)(3); COPPA 2025 amendments).',
  order: 70,
  headings: [
    /\bretention\b/i,
    /\bretain/i,
    /\bhow long\b/i,
    /\bstorage (?:period|limitation)\b/i,
    /\bkeep(?:ing)? (?:your )?(?:information|data)\b(?! (?:safe|secure))/i,
  ],
  sentences: [
    // kept for a stated time, or until something happens
    pattern(
      'i',
      /\b(?:(?:retain|retention|keep|store|hold|maintain)\w*|kept|saved|persists?)\b[^.;]{0,90}?/,
      alt(
        /\b(?:as long as|so long as|for (?:a|the) (?:period|time)|until|no longer than|for no longer)/,
        seq(
          /\bfor (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|twenty|thirty) /,
          /(?:days?|weeks?|months?|years?)/,
        ),
        /\bfor (?:\d+|up to|no more than|at least)/,
        /\b(?:period|length) of time/,
        /\bafter (?:you|your|the) (?:close|delete|cancel|termination|account)/,
        /\bindefinite(?:ly)?\b/,
      ),
    ),
    /\bretention (?:period|policy|schedule)\b/i,
    // deleted when no longer needed, after a time or an event
    pattern(
      'i',
      /\b(?:delet|eras|destroy|anonymi[sz]|remov|purg)\w*\b[^.;]{0,60}/,
      alt(
        /\b(?:when|once) (?:it is |they are |it's )?no longer\b/,
        /\bafter (?:\d+|one|a|an|two|three|six|twelve)\b/,
        /\b(?:within|no later than) (?:\d+|one|two|three|six|twelve|thirty)\b/,
        seq(
          /\b(?:immediately |promptly |automatically )?(?:after|once) /,
          /(?:responding|we (?:respond|have responded)|the (?:issue|request|purpose))/,
        ),
        /\bthereafter\b/,
      ),
    ),
    pattern(
      'i',
      /\b(?:is|are|will be|gets?) (?:automatically |permanently )?(?:deleted|removed|erased|purged|destroyed) /,
      /(?:once|as soon as|after)\b/,
    ),
    /\b(?:once|as soon as) [^.;,]{3,60}, we (?:will |then |automatically )?(?:delete|erase|purge|remove|destroy)\b/i,
    // kept not at all: a denial addresses the topic
    /\b(?:we|I) (?:do not|don't|never|will not|won't)\b[^.;]{0,20}?\b(?:log|store|retain|keep)\b/i,
    pattern(
      'i',
      /\b(?:not|never) (?:be )?(?:recorded or )?(?:stored|retained|logged|kept) /,
      /(?:by us|at all|on our servers?|anywhere)\b/,
    ),
    /\bno (?:personal )?(?:data|information) (?:is|are|will be) (?:stored|retained|kept)\b/i,
    /\bnothing (?:is|will be) (?:kept|stored|retained|logged)\b/i,
  ],
  notSentences: [
    // how soon an opt-out takes effect ("we will remove you from those lists within 30 days")
    /\b(?:remov\w*|tak\w*) you (?:from|off)\b/i,
  ],
  missingMessage: 'The policy does not say how long personal information is kept.',
};
export default item;
