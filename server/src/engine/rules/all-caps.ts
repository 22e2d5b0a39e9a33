// all-caps: long passages in capitals, the disclaimer habit ("WE ARE NOT LIABLE FOR…"). Short
// runs (acronyms, a title in capitals) are fine; a run of `minWords` words (default 12)
// with no lower-case letter is reported once.
import { blockSpan } from '../text.js';
import type { PolicyDocument, Rule, RuleContext } from '../types.js';

export const DEFAULT_MIN_WORDS = 12;
const WORD = /\S+/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * How the document writes its words where it is not shouting: "GDPR" stays in capitals,
 * "Acme" keeps its capital, from the words the text uses in sentences with lower case.
 */
function spellings(doc: PolicyDocument): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of doc.sentences) {
    if (!/\p{Ll}/u.test(s.text)) continue;
    let first = true;
    for (const m of s.text.matchAll(/[\p{L}][\p{L}'’-]*/gu)) {
      const w = m[0];
      // A capital at a sentence start says nothing about the word.
      if (!first && /\p{Lu}/u.test(w)) out.set(w.toLowerCase(), w);
      first = false;
    }
  }
  return out;
}

/** The passage in sentence case, keeping the document's own spelling of acronyms and names. */
export function sentenceCase(text: string, known: Map<string, string>): string {
  let start = true;
  return text.replace(/[\p{L}][\p{L}'’-]*|[.!?:]/gu, (w) => {
    if (/^[.!?:]$/.test(w)) {
      start = w !== ':';
      return w;
    }
    const lower = w.toLowerCase();
    const spelled = known.get(lower) ?? (lower === 'i' ? 'I' : lower);
    const out = start ? spelled[0].toUpperCase() + spelled.slice(1) : spelled;
    start = false;
    return out;
  });
}

function check(ctx: RuleContext): void {
  let known: Map<string, string> | undefined;
  const min =
    typeof ctx.options.minWords === 'number' && ctx.options.minWords > 1 ? ctx.options.minWords : DEFAULT_MIN_WORDS;
  for (const block of ctx.doc.blocks) {
    if (block.kind !== 'paragraph' || !/\p{Lu}{3}/u.test(block.text)) continue;
    let run: { start: number; end: number; words: number } | undefined;
    const flush = () => {
      if (run && run.words >= min) {
        const span = blockSpan(block, run.start, run.end);
        const source = ctx.doc.text.slice(span.start, span.end);
        known ??= spellings(ctx.doc);
        // A suggestion, never applied by --fix: names the text never writes in lower case cannot be told from words.
        const rewritten = /[*_`[\]<>\n\r]/.test(source) ? undefined : sentenceCase(source, known);
        ctx.report({
          ...span,
          suggestions: rewritten
            ? [{ title: 'Rewrite in sentence case', edits: [{ ...span, text: rewritten }], safe: false }]
            : undefined,
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
      minWords: {
        type: 'number',
        description: `Shortest run of words in capitals to report (default ${DEFAULT_MIN_WORDS}).`,
      },
    },
  },
  check,
};
export default rule;
