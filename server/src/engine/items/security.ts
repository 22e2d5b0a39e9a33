import type { ItemDef } from './item.js';
import { pattern } from '../regex.js';

const item: ItemDef = {
  id: 'security',
  title: 'Security',
  description:
    'How personal information is protected (GDPR Art. 32; FTC Act Section 5 on reasonable security; OPP-115 "data security").',
  order: 60,
  headings: [
    /\bsecur/i,
    /\bsafeguard/i,
    /\b(?:keep|keeping|stay|staying)\b[\w\s'’]{0,30}\bsafe\b/i,
    /\bprotect(?:ion|ing)? (?:of )?(?:your )?(?:personal )?(?:information|data)\b/i,
    /\bbreach/i,
  ],
  sentences: [
    /\bsafeguards?\b/i,
    /\bencrypt\w*/i,
    /\bfirewalls?\b/i,
    /\bsecurity (?:measures|procedures|practices|safeguards|technolog\w*|controls|standards)\b/i,
    /\bsecure servers?\b/i,
    /\bpassword[- ]protected\b/i,
    /\bprotect (?:your |the |our customers' )?(?:personal )?(?:information|data)\b/i,
    /\bunauthori[sz]ed (?:access|disclosure|use)\b/i,
    /\b100% secure\b/i,
    /\b(?:data|security) breach\b|\bbreach (?:of|in) security\b/i,
    // who inside may see the data: access kept to few people
    pattern(
      'i',
      /\b(?:restrict|limit)\w*\b[^.;]{0,40}\baccess to (?:your |user |users' |personal |customer |the )?/,
      /(?:data|information)\b/,
    ),
    pattern(
      'i',
      /\bonly (?:a (?:limited|small) number of |authori[sz]ed |designated )?(?:employees|staff|personnel)/,
      /\b[^.;]{0,60}\b(?:have|has|get|are given) access\b/,
    ),
  ],
  missingMessage: 'The policy does not say how personal information is protected.',
};
export default item;
