// sentence-length: a prose sentence longer than a number of words (default 40), with its count.
import { proseSentences } from '../readability.js';
import type { Rule, RuleContext } from '../types.js';

export const DEFAULT_MAX_WORDS = 40;

function check(ctx: RuleContext): void {
  const max =
    typeof ctx.options.maxWords === 'number' && ctx.options.maxWords > 0 ? ctx.options.maxWords : DEFAULT_MAX_WORDS;
  for (const r of proseSentences(ctx.doc, false)) {
    if (r.words <= max) continue;
    ctx.report({
      start: r.sentence.range.start.offset,
      end: r.sentence.range.end.offset,
      message: `This sentence has ${r.words} words, over the limit of ${max}: split it into shorter sentences (one idea each) or a list.`,
    });
  }
}

const rule: Rule = {
  meta: {
    id: 'sentence-length',
    description: 'Sentences longer than a number of words (40 by default), with the count.',
    severity: 'info',
    fixable: false,
    options: {
      maxWords: { type: 'number', description: `Longest sentence allowed, in words (default ${DEFAULT_MAX_WORDS}).` },
    },
  },
  check,
};
export default rule;
