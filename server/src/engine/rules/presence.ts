// The rule of a checklist item: reports the item missing (with the fix that inserts its
// section) or incomplete, then runs the item's own further checks. The item's file holds
// its metadata, detection and template; this factory is the one place they become a rule.
import { SHIPPED_CHECKLIST } from '../shipped.js';
import { insertSectionFix, sectionChoiceFixes } from '../insert.js';
import type { ItemDef } from '../items/item.js';
import type { Rule, RuleContext } from '../types.js';

/** Whether the corpus item a law item shares its section with is missing and on: its fix inserts the section. */
function sharedSectionComing(item: ItemDef, ctx: RuleContext): boolean {
  const other = item.sharesSectionWith;
  return (
    other !== undefined &&
    ctx.config.rules.has(other) &&
    ctx.checklist.find((e) => e.id === other)?.status === 'missing'
  );
}

/**
 * An item rule's severity in `recommended`, read from where it comes from: the corpus coverage
 * that `policylint derive` writes to corpus/checklist.json. A law item is off there (its law
 * profiles in profiles.ts turn it on). `policylint --list-rules` prints each rule's source.
 */
function recommendedSeverity(item: ItemDef): 'error' | 'warn' | 'off' {
  const derived = SHIPPED_CHECKLIST.items.find((i) => i.id === item.id);
  return derived?.recommended ? derived.severity : 'off';
}

/**
 * The rule of an item. `deputies` are the rules that declare they report this item's
 * "incomplete" state (RuleMeta.reportsIncompleteOf): while one of them is on, it does, and this
 * rule does not repeat it; with all of them off, this rule reports it.
 */
export function presenceRule(item: ItemDef, deputies: readonly Rule[] = []): Rule {
  return {
    meta: {
      id: item.id,
      description: item.description,
      severity: recommendedSeverity(item),
      fixable: item.insertable !== false,
      fixKind: 'section',
      item: item.id,
      options: item.options,
    },
    check(ctx) {
      const entry = ctx.checklist.find((e) => e.id === item.id);
      if (!entry) return;
      const { doc } = ctx;
      if (entry.status === 'missing') {
        const anchor =
          doc.title?.titleRange ?? doc.rangeOf(0, Math.max(0, (doc.lineStarts[1] ?? doc.text.length + 1) - 1));
        ctx.report({
          message: item.missingMessage,
          start: anchor.start.offset,
          end: anchor.end.offset,
          // A section insertion (never applied by --fix alone), and one quick-fix per common answer.
          fix:
            item.insertable === false || sharedSectionComing(item, ctx)
              ? undefined
              : insertSectionFix(doc, ctx.checklist, item.id, ctx.config),
          suggestions:
            item.insertable === false || sharedSectionComing(item, ctx)
              ? undefined
              : sectionChoiceFixes(doc, ctx.checklist, item.id, ctx.config),
          documentLevel: true,
        });
      } else if (
        entry.status === 'incomplete' &&
        entry.range &&
        !deputies.some((r) => ctx.config.rules.has(r.meta.id))
      ) {
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
