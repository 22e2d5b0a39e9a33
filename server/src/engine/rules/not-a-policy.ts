// Markdown that does not read like a privacy policy (a README, an article about privacy)
// gets this one informational message and nothing else. The decision is made by the
// pipeline before any rule runs (checklist.ts looksLikePolicy); this file holds the rule's
// metadata so it can be configured ("off" silences it) and documented like every other.
import type { Rule } from '../types.js';

const rule: Rule = {
  meta: {
    id: 'not-a-policy',
    description: 'The file does not read like a privacy policy, so its checks are skipped.',
    severity: 'info',
    fixable: false,
  },
  check() {
    // Reported by lint() itself: a document that is not a policy runs no rules.
  },
};
export default rule;

export const NOT_A_POLICY_MESSAGE = 'This file does not read like a privacy policy, so policylint skipped its checks.';
