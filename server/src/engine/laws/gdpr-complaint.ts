// GDPR Art. 13(2)(d) / 14(2)(e): the right to lodge a complaint with a supervisory authority (Art. 77).
import { covered } from './shared.js';
import type { ItemDef } from '../items/item.js';
import { oneOf } from '../regex.js';

/** A data protection authority, however a policy names it. */
export const AUTHORITY = oneOf(
  'i',
  /\b(?:supervisory|data protection|privacy|regulatory) authorit(?:y|ies)\b/,
  /\bdata protection (?:regulator|commission(?:er)?|agency|board)\b/,
  /\bInformation Commissioner\b/,
  /\bICO\b/,
  /\bCNIL\b/,
  /\b(?:competent|control|supervisory) (?:control )?authorit(?:y|ies)\b/,
  /\bregulator\b/,
  /\bcommissioner\b/,
);
const COMPLAINT = /\b(?:complain(?:t|ts)?|lodge|grievance|(?:make|file|submit|bring) a claim)\b/i;

const item: ItemDef = {
  id: 'gdpr-complaint',
  title: 'Complaint to a supervisory authority',
  description: 'The right to lodge a complaint with a supervisory authority (GDPR Art. 13(2)(d), 14(2)(e), 77).',
  order: 82,
  placeAfter: 'access-rights',
  headings: [/\bcomplain\w*\b[\s\S]*\bauthorit/i, /\bsupervisory authorit/i],
  sentences: [
    new RegExp(`${COMPLAINT.source}[^.;]{0,120}?(?:${AUTHORITY.source})`, 'i'),
    new RegExp(`(?:${AUTHORITY.source})[^.;]{0,80}?${COMPLAINT.source}`, 'i'),
    /\bsupervisory authorit(?:y|ies)\b/i,
  ],
  assess: (_doc, evidence) => ({ status: covered(evidence) ? 'present' : 'missing', facts: {} }),
  missingMessage:
    'The policy does not tell readers of their right to complain to a supervisory authority (GDPR Art. 13(2)(d)).',
};
export default item;
