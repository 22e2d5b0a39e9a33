// legalese: phrases with a plain alternative ("pursuant to" → "under", "prior to" →
// "before"). Where the plain word says the same in any sentence, the replacement is a safe
// fix; where it depends on the sentence ("notwithstanding", "hereinafter"), the message only
// suggests one.
import { blockSpan, memoMatches, sentenceIndex } from '../text.js';
import { alt } from '../regex.js';
import type { Fix, Rule, RuleContext } from '../types.js';

interface Phrase {
  /** Regex source of the phrase (matched whole-word, case-insensitive). */
  pattern: string;
  /** The plain wording. */
  plain: string;
  /** The plain wording can replace the phrase in any sentence. */
  safe: boolean;
}

const PHRASES: Phrase[] = [
  { pattern: 'in the event that', plain: 'if', safe: true },
  { pattern: 'in the event of', plain: 'if there is', safe: false },
  { pattern: 'pursuant to', plain: 'under', safe: true },
  { pattern: 'prior to', plain: 'before', safe: true },
  { pattern: 'subsequent to', plain: 'after', safe: true },
  { pattern: 'until such time as', plain: 'until', safe: true },
  { pattern: 'at this point in time', plain: 'now', safe: true },
  { pattern: 'in lieu of', plain: 'instead of', safe: true },
  { pattern: 'inter alia', plain: 'among other things', safe: true },
  { pattern: 'in order to', plain: 'to', safe: true },
  { pattern: 'forthwith', plain: 'at once', safe: true },
  { pattern: 'utili[sz]e', plain: 'use', safe: true },
  { pattern: 'utili[sz]es', plain: 'uses', safe: true },
  { pattern: 'utili[sz]ed', plain: 'used', safe: true },
  { pattern: 'utili[sz]ing', plain: 'using', safe: true },
  { pattern: 'commence', plain: 'start', safe: true },
  { pattern: 'commences', plain: 'starts', safe: true },
  { pattern: 'commenced', plain: 'started', safe: true },
  { pattern: 'with respect to', plain: 'about', safe: false },
  { pattern: 'in accordance with', plain: 'under', safe: false },
  { pattern: 'for the purpose of', plain: 'to, or for', safe: false },
  { pattern: 'notwithstanding', plain: 'despite, or even if', safe: false },
  { pattern: 'hereinafter', plain: 'a short name in brackets: (“the Service”)', safe: false },
  { pattern: 'herein', plain: 'in this policy', safe: false },
  { pattern: 'hereby', plain: 'nothing: leave it out', safe: false },
  { pattern: 'hereto', plain: 'to this policy', safe: false },
  { pattern: 'thereof', plain: 'of it, or of them', safe: false },
  { pattern: 'therein', plain: 'in it, or in them', safe: false },
  { pattern: 'whereby', plain: 'by which, or under which', safe: false },
  { pattern: 'heretofore', plain: 'until now', safe: false },
  { pattern: 'aforementioned', plain: 'this, or these, or the name again', safe: false },
  { pattern: 'aforesaid', plain: 'this, or these, or the name again', safe: false },
];

/** The phrases a safe fix replaces, as regex source (for tests that check fixes keep user text). */
export const SAFE_PHRASES: readonly string[] = PHRASES.filter((p) => p.safe).map((p) => p.pattern);

const COMPILED = PHRASES.map((p) => ({ ...p, re: new RegExp(`^(?:${p.pattern})$`, 'i') }));
const ANY = new RegExp(`\\b${alt(...PHRASES.map((p) => p.pattern))}\\b`, 'gi');

/** The replacement in the case of the phrase it replaces. */
function inCaseOf(original: string, plain: string): string {
  if (original === original.toUpperCase() && /[A-Z]{2}/.test(original)) return plain.toUpperCase();
  return /^[A-Z]/.test(original) ? plain[0].toUpperCase() + plain.slice(1) : plain;
}

/**
 * A capitalised phrase that is a name, not legalese ("Whereby", a company): capitalised in
 * the middle of a sentence, or at a sentence start when the text also has it capitalised
 * in the middle of one.
 */
function isName(text: string, word: string, atSentenceStart: boolean): boolean {
  if (!atSentenceStart) return word !== word.toUpperCase();
  return new RegExp(`[\\p{Ll},;] ${word}\\b`, 'u').test(text);
}

function check(ctx: RuleContext): void {
  const ignore = new Set(
    (Array.isArray(ctx.options.ignore) ? (ctx.options.ignore as string[]) : []).map((s) => s.toLowerCase()),
  );
  for (const sentence of ctx.doc.sentences) {
    if (sentence.block.kind === 'html') continue;
    const matches = memoMatches(ctx.doc, ANY, sentence.text);
    if (!matches.length) continue;
    const base = sentenceIndex(sentence);
    for (const m of matches) {
      const phrase = COMPILED.find((p) => p.re.test(m[0]));
      if (!phrase || ignore.has(m[0].toLowerCase())) continue;
      if (/^[A-Z]/.test(m[0]) && isName(ctx.doc.text, m[0], m.index === 0)) continue;
      const span = blockSpan(sentence.block, base + m.index!, base + m.index! + m[0].length);
      // A phrase broken by Markdown (emphasis inside it) is not rewritten.
      const exact = ctx.doc.text.slice(span.start, span.end) === m[0];
      const replacement = inCaseOf(m[0], phrase.plain);
      const fix: Fix | undefined =
        phrase.safe && exact
          ? { title: `Replace “${m[0]}” with “${replacement}”`, edits: [{ ...span, text: replacement }], safe: true }
          : undefined;
      ctx.report({
        ...span,
        message: phrase.safe
          ? `“${m[0]}” is legalese: “${replacement}” says the same in plain words.`
          : `“${m[0]}” is legalese: say it plainly (${phrase.plain}).`,
        fix,
      });
    }
  }
}

const rule: Rule = {
  meta: {
    id: 'legalese',
    description:
      'Legal phrases with a plain alternative ("pursuant to", "prior to", "hereinafter"…); fix where the replacement is safe.',
    severity: 'info',
    fixable: true,
    options: {
      ignore: { type: 'string[]', description: 'Phrases not to report, as written in the text ("prior to").' },
    },
  },
  check,
};
export default rule;
