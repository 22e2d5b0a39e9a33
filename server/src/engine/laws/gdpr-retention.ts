// GDPR Art. 13(2)(a) / 14(2)(a): the period for which personal data will be stored or, if
// that is not possible, the criteria used to determine it. Same detection as the corpus
// item `retention`; it asks for more: a period or the criteria, not only the word "retain".
import retention from '../items/retention.js';
import { evidenceText } from './shared.js';
import type { ItemDef } from '../items/item.js';
import { oneOf, pattern } from '../regex.js';

/** A stated period: "30 days", "two years", "12 months". */
const PERIOD = pattern(
  'i',
  /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|twenty|thirty|sixty|ninety)[- ]/,
  /(?:calendar |business )?(?:days?|weeks?|months?|years?)\b/,
);
/** Criteria that set the period: while an account is open, as long as a purpose needs, a legal period. */
const CRITERIA = oneOf(
  'i',
  /\bas long as\b/,
  /\bso long as\b/,
  /\bfor (?:the|a) (?:period|time|duration)\b[^.]{0,60}\b(?:necessary|needed|required)\b/,
  /\bno longer than\b/,
  /\buntil\b[^.]{0,60}\b(?:close|delete|cancel|terminat|withdraw|no longer|request)/,
  /\bcriteria\b/,
  /\b(?:statute|statutory|legal|limitation) (?:periods?|retention|of limitations)\b/,
  /\bretention (?:periods?|schedule)\b/,
  /\bwhile (?:your|you|the) (?:account|subscription|contract)\b/,
  /\bwhen (?:it is )?no longer (?:needed|necessary|required)\b/,
);

const item: ItemDef = {
  id: 'gdpr-retention',
  title: 'Retention period or criteria',
  description:
    'How long personal data is kept, as a period or the criteria that set it (GDPR Art. 13(2)(a), 14(2)(a); Art. 5(1)(e)).',
  order: 71,
  sharesSectionWith: 'retention',
  placeAfter: 'retention',
  headings: retention.headings,
  sentences: [
    ...retention.sentences,
    /\b(?:retain|retention|keep|store)\w*\b[^.]{0,40}\b(?:personal )?(?:data|information)\b/i,
  ],
  assess(_doc, evidence) {
    if (!evidence.sections.length && !evidence.sentences.length) return { status: 'missing', facts: {} };
    const text = evidenceText(evidence);
    const period = PERIOD.exec(text)?.[0];
    const criteria = CRITERIA.test(text);
    if (period || criteria) return { status: 'present', facts: { period: period ?? null, criteria } };
    return {
      status: 'incomplete',
      facts: { period: null, criteria: false },
      reason: 'it says data is kept but gives neither a period nor the criteria that set it',
    };
  },
  missingMessage: 'The policy gives no retention period or criteria for personal data (GDPR Art. 13(2)(a)).',
};
export default item;
