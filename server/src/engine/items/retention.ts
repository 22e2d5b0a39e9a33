import type { ItemDef } from './item.js';

const item: ItemDef = {
  id: 'retention',
  title: 'Data retention',
  description: 'How long personal information is kept, or how that is decided (GDPR Art. 13(2)(a); CPRA 1798.100(a)(3); COPPA 2025 amendments).',
  order: 70,
  headings: [/\bretention\b/i, /\bretain/i, /\bhow long\b/i, /\bstorage (?:period|limitation)\b/i, /\bkeep(?:ing)? (?:your )?(?:information|data)\b(?! (?:safe|secure))/i],
  sentences: [
    /\b(?:retain|retention|keep|store|hold|maintain)\w*\b[^.;]{0,90}?\b(?:as long as|so long as|for (?:a|the) (?:period|time)|for (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|twenty|thirty) (?:days?|weeks?|months?|years?)|for \d+|for (?:up to|no more than|at least)|until|no longer than|for no longer|(?:period|length) of time|after (?:you|your|the) (?:close|delete|cancel|termination|account))/i,
    /\bretention (?:period|policy|schedule)\b/i,
    /\b(?:delet|eras|destroy|anonymi[sz]|remov|purg)\w*\b[^.;]{0,60}\b(?:when (?:it is )?no longer|after \d+|within \d+ (?:days|months|years))/i,
  ],
  missingMessage: 'The policy does not say how long personal information is kept.',
};
export default item;
