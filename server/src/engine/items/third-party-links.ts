import type { ItemDef } from './item.js';
import { alt, pattern } from '../regex.js';

const item: ItemDef = {
  id: 'third-party-links',
  title: 'Third-party links',
  description:
    'That linked sites and services run by others are not covered by the policy (OPP-115 "third party sharing/collection"; FTC guidance on disclosures).',
  order: 50,
  headings: [
    /^links?$/i,
    /\blinks? to (?:other|third|external|[\w'’-]+(?:'|’)? (?:own )?(?:web ?)?sites|[\w'’-]+ websites)/i,
    /\bthird[- ]party (?:web ?)?(?:sites?|links|websites)\b/i,
    /\bother (?:web ?)?(?:sites|websites)\b/i,
    /\bexternal (?:web ?)?(?:sites|links|websites)\b/i,
    /\blinked (?:web ?)?(?:sites|websites)\b/i,
  ],
  sentences: [
    /\blinks? to (?:other|third[- ]party|external|outside)\b/i,
    pattern(
      'i',
      /\b(?:other|third[- ]party|external|linked|outside) (?:web ?)?(?:sites?|websites?)\b[^.;]{0,120}\b/,
      alt(
        /privacy (?:policies|practices|statements?)/,
        /not responsible/,
        /differ/,
        /governed/,
        /own risk/,
        /do not (?:own|control)/,
      ),
    ),
    /\bnot responsible for the (?:privacy )?(?:practices|content|policies)\b/i,
    /\b(?:those|these|such) (?:web ?)?sites\b[^.;]{0,60}\b(?:outside|not covered|not governed|own (?:privacy )?polic)/i,
    /\b(?:web ?sites?|sites|pages|services)\b (?:to which we link|(?:that )?we link to)\b/i,
    pattern(
      'i',
      /\bnot responsible for\b[^.;]{0,60}\b(?:external|third[- ]party|other|outside|linked) /,
      /(?:links|sites|websites|web sites)\b/,
    ),
    pattern(
      'i',
      /\b(?:published|has|have) (?:a |its |their )?(?:own |separate )privacy polic(?:y|ies)\b[^.;]{0,40}\b/,
      /(?:covering|for|that (?:covers|applies))\b/,
    ),
  ],
  missingMessage: 'The policy does not say that linked third-party sites are not covered.',
};
export default item;
