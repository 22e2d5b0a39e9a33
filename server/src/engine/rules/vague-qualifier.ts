// vague-qualifier: "may", "might", "some", "certain", "from time to time" in statements of
// what the company does with data ("We may share certain information…"). Statements of what
// users may do ("You may ask us to delete…") are their rights, where "may" is the right word.
import { blockSpan, memoMatches, sentenceIndex } from '../text.js';
import { anyOf } from '../regex.js';
import type { Rule, RuleContext } from '../types.js';

/** The company speaking of itself. */
const WE = /\b(?:we|us|our)\b/i;
/** What the sentence is about: personal data and what is done with it. */
const DATA = anyOf(
  'i',
  /\b(?:personal |your )?(?:information|data|details)\b/,
  /\b(?:collect|use|share|disclose|process|store|retain|keep|sell|transfer|combine|analy[sz]e|track|monitor)(?:s|es|ed|ing)?\b/,
);
/** The qualifiers, each tied to the company where it is a modal verb. */
const QUALIFIER = anyOf(
  'gi',
  /\b(?:we|our\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:also\s+|sometimes\s+|occasionally\s+)?(?:may|might)\b(?!\s+not\b)/,
  /\bfrom time to time\b/,
  /\b(?:some|certain)\s+(?:of\s+(?:your|the|our)\s+)?(?:personal\s+)?(?:information|data|details|third[\s-]part(?:y|ies)|partners?|vendors?|service providers?|companies|purposes|cases|circumstances|situations)\b/,
);
/** A sentence about changing the policy itself. */
const ABOUT_THE_POLICY =
  /\b(?:update|change|modify|revise|amend)\w*\s+(?:this|our|the)\s+(?:privacy\s+)?(?:policy|notice|statement)\b/i;
/** A sentence about the user's own rights or choices. */
const RIGHTS =
  /\b(?:you|users?|parents?|residents?|individuals?|consumers?)\s+(?:also\s+)?(?:may|might|can|have)\b|\bright(?:s)?\s+to\b/i;

function check(ctx: RuleContext): void {
  for (const sentence of ctx.doc.sentences) {
    if (sentence.block.kind !== 'paragraph') continue;
    const matches = memoMatches(ctx.doc, QUALIFIER, sentence.text);
    if (!matches.length) continue;
    if (!WE.test(sentence.text) || !DATA.test(sentence.text)) continue;
    // "We may update this policy from time to time": about the notice, not about the data.
    if (ABOUT_THE_POLICY.test(sentence.text)) continue;
    // In a sentence about rights, the "may" is the user's, and it may stay.
    if (RIGHTS.test(sentence.text) && !/\bwe\s+(?:also\s+)?(?:may|might)\b/i.test(sentence.text)) continue;
    const m = matches[0];
    // Point at the qualifier itself, not the subject before it.
    const word = /\b(?:may|might|from time to time|some|certain)\b/i.exec(m[0])!;
    const at = sentenceIndex(sentence) + m.index! + word.index;
    const span = blockSpan(sentence.block, at, at + word[0].length);
    ctx.report({
      ...span,
      message: `“${word[0]}” leaves open what you do with the data: say what you do, with what, and when (the WP29 transparency guidelines name “may”, “some”, “certain” and “from time to time” as too vague).`,
    });
  }
}

const rule: Rule = {
  meta: {
    id: 'vague-qualifier',
    description:
      'Vague qualifiers ("may", "some", "certain", "from time to time") in statements of what the company does with data.',
    severity: 'off',
    fixable: false,
  },
  check,
};
export default rule;
