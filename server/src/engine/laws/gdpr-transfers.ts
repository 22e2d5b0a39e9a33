// GDPR Art. 13(1)(f) / 14(1)(f): transfers to a third country, with the adequacy decision or
// the Art. 46/47/49 safeguard. Same detection as the corpus item `international-transfer`;
// it asks for a safeguard, and Privacy Shield (invalid since CJEU C-311/18, 16 July 2020) is none.
import transfer from '../items/international-transfer.js';
import { OUTDATED_TRANSFER, TRANSFER_SAFEGUARDS, evidenceText, namedIn } from './shared.js';
import type { ItemDef } from '../items/item.js';

const item: ItemDef = {
  id: 'gdpr-transfers',
  title: 'Transfers outside the EU and their safeguard',
  description:
    'Transfers of personal data outside the EU/EEA and the safeguard for them: an adequacy decision, standard contractual clauses, the Data Privacy Framework, binding corporate rules or an Art. 49 derogation (GDPR Art. 13(1)(f), 14(1)(f), 44-49).',
  order: 111,
  sharesSectionWith: 'international-transfer',
  placeAfter: 'international-transfer',
  headings: transfer.headings,
  sentences: transfer.sentences,
  notSentences: transfer.notSentences,
  minSentences: transfer.minSentences,
  assess(_doc, evidence) {
    if (!evidence.sections.length && !evidence.sentences.length)
      return { status: 'missing', facts: { safeguards: [] } };
    const text = evidenceText(evidence);
    const safeguards = namedIn(text, TRANSFER_SAFEGUARDS);
    const outdated = OUTDATED_TRANSFER.test(text);
    if (safeguards.length) return { status: 'present', facts: { safeguards, outdated } };
    return {
      status: 'incomplete',
      facts: { safeguards, outdated },
      reason: outdated
        ? 'it relies on Privacy Shield or Safe Harbor, which no longer allow transfers; name the safeguard used now (adequacy, the Data Privacy Framework, standard contractual clauses)'
        : 'it names no safeguard for the transfers (an adequacy decision, standard contractual clauses, the Data Privacy Framework, binding corporate rules)',
    };
  },
  missingMessage:
    'The policy does not say whether personal data is transferred outside the EU/EEA, or on which safeguard (GDPR Art. 13(1)(f)).',
};
export default item;
