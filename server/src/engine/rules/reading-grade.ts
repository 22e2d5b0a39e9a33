// reading-grade: a section whose Flesch–Kincaid grade level is above a target (default 12),
// with the grade and the section's longest sentences as related locations. Sections with
// fewer than `minWords` words of prose are not graded: the formula means little on a few lines.
import { sectionReadability } from '../readability.js';
import type { Rule, RuleContext } from '../types.js';

export const DEFAULT_TARGET = 12;
export const DEFAULT_MIN_WORDS = 60;
const LONGEST = 3;

function check(ctx: RuleContext): void {
  const target = typeof ctx.options.target === 'number' ? ctx.options.target : DEFAULT_TARGET;
  const minWords = typeof ctx.options.minWords === 'number' ? ctx.options.minWords : DEFAULT_MIN_WORDS;
  for (const r of sectionReadability(ctx.doc)) {
    if (r.grade === undefined || r.words < minWords || r.grade <= target) continue;
    const longest = [...r.sentences]
      .sort((a, b) => b.words - a.words || a.sentence.range.start.offset - b.sentence.range.start.offset)
      .slice(0, LONGEST);
    ctx.report({
      start: r.section.titleRange.start.offset,
      end: r.section.titleRange.end.offset,
      message: `“${r.section.title}” reads at grade ${r.grade.toFixed(1)} (Flesch–Kincaid, ${r.words} words), above the target of ${target}: shorter sentences and everyday words bring it down.`,
      related: longest.map((s) => ({
        message: `${s.words} words`,
        start: s.sentence.range.start.offset,
        end: s.sentence.range.end.offset,
      })),
    });
  }
}

const rule: Rule = {
  meta: {
    id: 'reading-grade',
    description:
      'Sections whose Flesch–Kincaid grade level is above a target (12 by default), with their longest sentences.',
    severity: 'off',
    fixable: false,
    options: {
      target: { type: 'number', description: `Highest grade level allowed (default ${DEFAULT_TARGET}).` },
      minWords: {
        type: 'number',
        description: `Sections with fewer words of prose are not graded (default ${DEFAULT_MIN_WORDS}).`,
      },
    },
  },
  check,
};
export default rule;
