import { CHANGE_HEADING, LAST_CHANGED, POLICY_CHANGE_SENTENCE } from '../patterns.js';
import type { ItemDef } from './item.js';

const item: ItemDef = {
  id: 'change-notification',
  title: 'Notice of changes',
  description:
    'How users are told about material changes to the policy: an active notice (email, a prominent notice), not only a new version posted (CalOPPA 22575(b)(3); FTC on retroactive material changes).',
  order: 140,
  headings: CHANGE_HEADING,
  sentences: POLICY_CHANGE_SENTENCE,
  notSentences: [LAST_CHANGED],
  assess(doc, evidence) {
    const methods = [...new Set(doc.facts.methods.map((m) => m.method))];
    const order = ['email', 'site-notice', 'post-page', 'revised-date'];
    methods.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    const covered = evidence.sections.length > 0 || evidence.sentences.length > 0 || methods.length > 0;
    if (!covered) return { status: 'missing', facts: { methods } };
    const active = doc.facts.methods.find((m) => m.method === 'email' || m.method === 'site-notice');
    if (!active) {
      return {
        status: 'incomplete',
        facts: { methods },
        reason: methods.length
          ? 'only posting the new version (or revising its date) is promised, not an active notice such as an email or a prominent notice'
          : 'changes are mentioned but not how users will be told',
      };
    }
    return {
      status: 'present',
      facts: { methods },
      evidenceOffset: evidence.sections.length ? undefined : active.range.start.offset,
    };
  },
  missingMessage: 'The policy does not say how users will be notified of changes to it (CalOPPA requires it).',
};
export default item;
