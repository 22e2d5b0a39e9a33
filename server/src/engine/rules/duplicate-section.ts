// duplicate-section: two sections with the same title under the same parent — usually a
// section pasted twice, or two drafts of it merged. The same title under different parents
// ("General" under "Use" and under "Contact") is normal outline structure.
import { titleKey } from '../text.js';
import type { Rule, RuleContext, Section } from '../types.js';

function check(ctx: RuleContext): void {
  const first = new Map<Section | undefined, Map<string, Section>>();
  for (const s of ctx.doc.sections) {
    const key = titleKey(s.name) || titleKey(s.title);
    if (!key) continue;
    let siblings = first.get(s.parent);
    if (!siblings) first.set(s.parent, (siblings = new Map()));
    const earlier = siblings.get(key);
    if (!earlier) {
      siblings.set(key, s);
      continue;
    }
    ctx.report({
      start: s.titleRange.start.offset,
      end: s.titleRange.end.offset,
      message: `The section “${s.title}” repeats “${earlier.title}” (line ${earlier.titleRange.start.line})${s.parent ? ` under “${s.parent.title}”` : ''}: merge the two or give them distinct titles.`,
      related: [
        {
          message: `first titled here: “${earlier.title}”`,
          start: earlier.titleRange.start.offset,
          end: earlier.titleRange.end.offset,
        },
      ],
    });
  }
}

const rule: Rule = {
  meta: {
    id: 'duplicate-section',
    description: 'Two sections with the same title under the same parent.',
    severity: 'warn',
    fixable: false,
  },
  check,
};
export default rule;
