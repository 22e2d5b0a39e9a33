// GDPR Art. 13(1)(c) / 14(1)(c): the purposes and the legal basis of the processing.
import { covered } from './shared.js';
import type { ItemDef } from '../items/item.js';
import { oneOf } from '../regex.js';

const BASES = [
  /\b(?:legal|lawful) (?:bas[ie]s|grounds?)\b/i,
  /\blegitimate interests?\b/i,
  oneOf(
    'i',
    /\b(?:performance|perform) (?:of )?(?:a |the |our )?contract\b/,
    /\bnecessary (?:for|to) (?:perform|enter into|the performance of)\b[^.]{0,40}\bcontract/,
  ),
  /\b(?:necessary|required) for (?:the )?compliance with (?:a |our |the )?legal obligations?\b/i,
  /\bArt(?:icle|\.)? ?6(?:\s?\(1\))?\b/i,
  /\bvital interests?\b|\bpublic (?:task|interest)\b[^.]{0,40}\bprocess/i,
];

const item: ItemDef = {
  id: 'gdpr-legal-basis',
  title: 'Legal basis for processing',
  description: 'The purposes of the processing and the legal basis for each (GDPR Art. 13(1)(c), 14(1)(c); Art. 6(1)).',
  order: 21,
  placeAfter: 'use',
  headings: [
    /\b(?:legal|lawful) (?:bas[ie]s|grounds?)\b/i,
    /\blegitimate interests?\b/i,
    /\bwhy we (?:are allowed|may) (?:to )?process\b/i,
  ],
  sentences: BASES,
  // The right to object names legitimate interests by definition: that is no statement of a basis.
  notSentences: [
    /\blegal basis\b[^.]{0,30}\bfor (?:a|the) (?:claim|lawsuit|dispute)\b/i,
    /\bright to object\b|\bobject to (?:the )?processing\b/i,
  ],
  assess: (_doc, evidence) => ({ status: covered(evidence) ? 'present' : 'missing', facts: {} }),
  missingMessage:
    'The policy states no legal basis for its processing (GDPR Art. 13(1)(c) asks for the basis of each purpose).',
};
export default item;
