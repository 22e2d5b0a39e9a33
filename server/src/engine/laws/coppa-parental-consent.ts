// COPPA, 16 CFR 312.5 and 312.4(d): verifiable parental consent before collecting personal
// information from a child under 13, or that the service does not collect it.
import { covered } from './shared.js';
import type { ItemDef } from '../items/item.js';
import { pattern } from '../regex.js';

const item: ItemDef = {
  id: 'coppa-parental-consent',
  title: 'Parental consent (COPPA)',
  description:
    "How verifiable parental consent is obtained before collecting a child's personal information, or that none is collected from children under 13 (COPPA, 16 CFR 312.4(d), 312.5).",
  order: 131,
  placeAfter: 'children',
  headings: [/\bCOPPA\b/, /\bverifiable parental consent\b/i],
  sentences: [
    /\bCOPPA\b/,
    /\bChildren(?:'|’)?s Online Privacy Protection\b/i,
    pattern(
      'i',
      /\bverifi\w*\b[^.;]{0,40}\b(?:parental|parents?(?:'|’)?s?|guardians?(?:'|’)?s?) /,
      /(?:consent|permission|authori[sz]ation)\b/,
    ),
    /\b(?:parental|parents?(?:'|’)?s?) consent\b[^.;]{0,60}\b(?:verif|as required by (?:law|the law))/i,
    // Consent obtained before collection ("prior parental / guardian consent"), or a parent who authorises a child's use.
    /\bprior (?:parental|parents?(?:'|’)?s?)(?: ?\/ ?guardian)? consent\b/i,
    /\b(?:parents?|guardians?)\b[^.;]{0,60}\bauthori[sz]e (?:your|their|a|the) child\b/i,
  ],
  assess: (_doc, evidence) => ({ status: covered(evidence) ? 'present' : 'missing', facts: {} }),
  missingMessage: 'The policy says nothing about parental consent for children under 13 (COPPA, 16 CFR 312.5).',
};
export default item;
