// all-caps: long passages in capitals, the disclaimer habit ("WE ARE NOT LIABLE FOR…"). Short
// runs (acronyms, a title in capitals) are fine; a run of `minWords` words (default 12)
// with no lower-case letter is reported once.
import { blockSpan } from '../text.js';
import type { Rule, RuleContext } from '../types.js';

export const DEFAULT_MIN_WORDS = 12;
const WORD = /\S+/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;

function check(ctx: RuleContext): void {
  const min = typeof ctx.options.minWords === 'number' && ctx.options.minWords > 1 ? ctx.options.minWords : DEFAULT_MIN_WORDS;
  for (const block of ctx.doc.blocks) {
    if (block.kind !== 'paragraph' || !/\p{Lu}{3}/u.test(block.text)) continue;
    let run: { start: number; end: number; words: number } | undefined;
    const flush = () => {
      if (run && run.words >= min) {
        const span = blockSpan(block, run.start, run.end);
        ctx.report({
          ...span,
          message: `${run.words} words in capitals: capitals are read more slowly and skipped more often, so this passage gets less attention, not more. Write it in sentence case; use bold for a heading or a key word.`,
        });
      }
      run = undefined;
    };
    for (const m of block.text.matchAll(WORD)) {
      const token = m[0];
      if (!/\p{L}/u.test(token)) continue; // numbers and dashes neither count nor break a run
      if (/\p{Ll}/u.test(token)) {
        flush();
        continue;
      }
      let e = token.length;
      while (e > 0 && !WORD_CHAR.test(token[e - 1])) e--;
      const end = m.index! + e;
      if (run) {
        run.end = end;
        run.words++;
      } else {
        let s = 0;
        while (s < token.length && !WORD_CHAR.test(token[s])) s++;
        run = { start: m.index! + s, end, words: 1 };
      }
    }
    flush();
  }
}

const rule: Rule = {
  meta: {
    id: 'all-caps',
    description: 'Long passages in capitals (12 words or more by default), the disclaimer habit that readers skip.',
    severity: 'info',
    fixable: false,
    options: {
      minWords: { type: 'number', description: `Shortest run of words in capitals to report (default ${DEFAULT_MIN_WORDS}).` },
    },
  },
  check,
};
export default rule;
