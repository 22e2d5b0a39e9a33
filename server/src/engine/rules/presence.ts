// The rule of a checklist item: reports the item missing (with the fix that inserts its
// section) or incomplete, then runs the item's own further checks. The item's file holds
// its metadata, detection and template; this factory is the one place they become a rule.
import { insertSectionFix, sectionChoiceFixes } from '../insert.js';
import type { ItemDef } from '../items/item.js';
import type { Rule } from '../types.js';

/** Items whose "incomplete" state another rule reports (children-age says which age is missing). */
const INCOMPLETE_REPORTED_ELSEWHERE = new Set(['children']);

export function presenceRule(item: ItemDef): Rule {
  return {
    meta: {
      id: item.id,
      description: item.description,
      severity: 'warn',
      fixable: true,
      fixKind: 'section',
      item: item.id,
      options: item.options,
    },
    check(ctx) {
      const entry = ctx.checklist.find((e) => e.id === item.id);
      if (!entry) return;
      const { doc } = ctx;
      if (entry.status === 'missing') {
        const anchor = doc.title?.titleRange ?? doc.rangeOf(0, Math.max(0, (doc.lineStarts[1] ?? doc.text.length + 1) - 1));
        ctx.report({
          message: item.missingMessage,
          start: anchor.start.offset,
          end: anchor.end.offset,
          // A section insertion (never applied by --fix alone), and one quick-fix per common answer.
          fix: insertSectionFix(doc, ctx.checklist, item.id, ctx.config),
          suggestions: sectionChoiceFixes(doc, ctx.checklist, item.id, ctx.config),
          documentLevel: true,
        });
      } else if (entry.status === 'incomplete' && entry.range && !INCOMPLETE_REPORTED_ELSEWHERE.has(item.id)) {
        ctx.report({
          message: `${item.title} is incomplete: ${entry.reason ?? 'its content requirement is not met'}.`,
          start: entry.range.start.offset,
          end: entry.range.end.offset,
        });
      }
      item.check?.(ctx);
    },
  };
}
