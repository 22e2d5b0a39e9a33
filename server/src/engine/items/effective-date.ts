import { EFFECTIVE_CONTEXT, findDates } from '../facts.js';
import type { DateFact } from '../types.js';
import type { ItemDef } from './item.js';
import { pattern } from '../regex.js';

const LABELLED = pattern(
  'i',
  /\b(?:effective(?: date)?|last[- ](?:updated|revised|modified)|updated|revised|version date)\s*/,
  /(?:(?:on|as of)\s*)?[:\-–—]\s*(\S[^\n]{0,300})$/,
);

const item: ItemDef = {
  id: 'effective-date',
  title: 'Effective date',
  description:
    'The date the policy takes effect or was last updated (CalOPPA 22575(b)(4); CCPA regulations require updates at least every 12 months).',
  order: 5,
  headings: [
    /\beffective date\b/i,
    /\blast (?:updated|revised|modified)\b/i,
    /\bdate of (?:last )?(?:revision|update)\b/i,
    /^(?:updated|revised)\b/i,
  ],
  sentences: [
    /\beffective (?:date|as of|on|from)\b/i,
    /^effective\s*:/i,
    /\bversion (?:of|dated) \d/i,
    /\b(?:last[- ](?:updated|revised|modified|amended|changed)|updated|revised)\s*(?:(?:on|as of)\s*)?:/i,
    /\blast[- ](?:updated|revised|modified|amended)\b/i,
    /\bin effect (?:as of|from|since)\b/i,
    /\b(?:this|the) (?:privacy )?(?:policy|statement|notice) (?:is|was|became|becomes) effective\b/i,
    /["“']effective["”'] date\b/i,
  ],
  assess(doc, evidence) {
    const first = doc.facts.dates.find((d) => d.effective);
    // "Effective May 1, 2020 | Last updated June 3, 2021": of the dates in that sentence, the latest.
    const sameSentence = (d: DateFact) =>
      d.range.start.line === first!.range.start.line &&
      !/[.!?][*_)\]"”’]*\s/.test(doc.text.slice(first!.range.end.offset, d.range.start.offset));
    const dated =
      first &&
      doc.facts.dates.filter((d) => d.effective && sameSentence(d)).reduce((a, b) => (b.iso > a.iso ? b : a), first);
    if (dated) return { status: 'present', facts: { date: dated.iso }, evidenceOffset: dated.range.start.offset };
    if (evidence.sections.length || evidence.sentences.length) {
      return {
        status: 'incomplete',
        facts: { date: null },
        reason: 'an effective or "last updated" date is mentioned but no actual date is given',
      };
    }
    return { status: 'missing', facts: { date: null } };
  },
  check(ctx) {
    const { doc, now } = ctx;
    const today = now.toISOString().slice(0, 10);
    for (const d of doc.facts.dates) {
      if (!d.effective) continue;
      // Compare at the precision the date gives: 2027 > 2026, 2026-12 > 2026-11.
      if (d.iso > today.slice(0, d.iso.length)) {
        ctx.report({
          message: `The effective date ${d.iso} is in the future (today is ${today}); check it, or say that the policy takes effect on that date.`,
          start: d.range.start.offset,
          end: d.range.end.offset,
        });
      }
    }
    // "Last updated: 31 Febtember 2020", "Effective: 2021-13-45": a labelled value that is not a date.
    for (const s of doc.sentences) {
      const m = doc.memo('effective-date:labelled', s.text, () =>
        EFFECTIVE_CONTEXT.test(s.text) ? LABELLED.exec(s.text) : null,
      );
      if (!m) continue;
      const value = m[1].trim();
      if (!/\d/.test(value) || findDates(value).length || /^\[.*\]$/.test(value)) continue;
      if (
        doc.facts.dates.some(
          (d) => d.range.start.offset >= s.range.start.offset && d.range.end.offset <= s.range.end.offset,
        )
      )
        continue;
      const idx = s.text.lastIndexOf(value);
      ctx.report({
        message: `"${value}" is not a date policylint can read; write it like "April 4, 2024" or "2024-04-04".`,
        start: s.block.offsets[s.start + idx],
        end: s.block.offsets[Math.min(s.start + idx + value.length, s.block.text.length)],
      });
    }
  },
  missingMessage: 'The policy states no effective or "last updated" date (CalOPPA requires one).',
};
export default item;
