// Cal. Civ. Code 1798.130(a)(5)(A), 1798.135; 11 CCR 7011: the consumer's rights to know,
// delete, correct, opt out of sale or sharing, and not to be discriminated against.
import { evidenceText, listing } from './shared.js';
import type { ItemDef } from '../items/item.js';
import { alt, oneOf, seq } from '../regex.js';

const CCPA_RIGHTS = [
  [
    'know',
    oneOf(
      'i',
      seq(
        /\b/,
        alt(
          /right to know/,
          /know (?:what|about|the categories)/,
          /request (?:access|disclosure)/,
          /access (?:to )?(?:the|your) (?:specific )?(?:pieces|personal information|categories)/,
        ),
      ),
      /\bright (?:to|of) access\b/,
    ),
  ],
  ['delete', /\bdelet(?:e|ion)\b/i],
  ['correct', /\bcorrect(?:ion)?\b|\brectif/i],
  [
    'opt out of sale or sharing',
    /\bopt[- ]?out\b[^.]{0,80}\b(?:sale|sell|shar)|\bdo not sell\b|\b(?:sale|sell)\w*\b[^.]{0,80}\bopt[- ]?out\b/i,
  ],
  ['non-discrimination', /\bdiscriminat/i],
] as const;

const item: ItemDef = {
  id: 'ccpa-rights',
  title: 'California consumer rights (CCPA)',
  description:
    'The rights to know, delete, correct, opt out of sale or sharing, and non-discrimination, for California residents (Cal. Civ. Code 1798.130(a)(5)(A), 1798.135; 11 CCR 7011).',
  order: 121,
  placeAfter: 'california-rights',
  headings: [/\bCCPA\b|\bCPRA\b/, /\bCalifornia (?:Consumer Privacy|Privacy Rights) Act\b/i],
  sentences: [/\b(?:CCPA|CPRA)\b/, /\bCalifornia Consumer Privacy Act\b|\bCalifornia Privacy Rights Act\b/i],
  // Naming the law to say it does not apply is no statement of rights.
  notSentences: [/\bnot (?:a |an )?["“]?business["”]?|\bnot (?:subject to|covered by)\b|\bdoes not apply\b/i],
  assess(doc, evidence) {
    // The rights are often set out around the sentence that names the law: read its whole section.
    const around = [
      ...new Set(evidence.sentences.map((x) => x.section).filter((x) => x !== undefined && x !== doc.title)),
    ];
    const text = [evidenceText(evidence), ...around.map((x) => x!.bodyText)].join('\n');
    let rights: string[] = CCPA_RIGHTS.filter(([, re]) => re.test(text)).map(([n]) => n);
    if (!evidence.sections.length && !evidence.sentences.length) {
      // A section for California residents that does not name the law counts when it sets out the
      // rights the CCPA added (three or more of them); one on Shine the Light (1798.83) does not,
      // nor one of [bracketed prompts] still to be written (an inserted template).
      const california = doc.sections
        .filter((s) => /\bCalifornia\b/i.test(s.name))
        .map((s) => s.bodyText.replace(/\[[^\]\n]{0,400}\]/g, ' '))
        .join('\n');
      rights = CCPA_RIGHTS.filter(([, re]) => re.test(california)).map(([n]) => n);
      if (rights.filter((r) => r !== 'know').length < 3) return { status: 'missing', facts: { rights: [] } };
    }
    // Naming the law without setting out any right (a question whether it applies) addresses nothing.
    if (!rights.length) return { status: 'missing', facts: { rights: [] } };
    const missing = CCPA_RIGHTS.map(([n]) => n).filter((n) => !rights.includes(n));
    if (!missing.length) return { status: 'present', facts: { rights } };
    return {
      status: 'incomplete',
      facts: { rights },
      reason: `the right${missing.length > 1 ? 's' : ''} to ${listing(missing)} ${missing.length > 1 ? 'are' : 'is'} not named`,
    };
  },
  missingMessage:
    'The policy does not set out the rights of California residents under the CCPA (Cal. Civ. Code 1798.130(a)(5)).',
};
export default item;
