// empty-section: a heading (or pseudo-heading) with nothing under it — followed directly by
// a heading of the same or a higher level, or standing at the end of the document.
import type { PolicyDocument, Rule, RuleContext, Section } from '../types.js';

/** Source text that shows nothing to a reader: comments and link reference definitions. */
const INVISIBLE = /<!--[\s\S]*?(?:-->|$)|^[ \t]{0,3}\[[^\]\n\r\u2028\u2029]+\]:[ \t]*\S.*$/gm;

/** True when the source between two offsets shows the reader any words, numbers or images. */
export function hasVisibleContent(text: string): boolean {
  // Only comments and definitions (with "]:") are invisible: without either, no replacing is needed.
  const visible = text.includes('<!--') || text.includes(']:') ? text.replace(INVISIBLE, '') : text;
  return /[\p{L}\p{N}]/u.test(visible) || hasImage(visible);
}

/**
 * Whether an image ("![alt](") is in the text: some "![" whose first "]" after it is followed
 * by "(". Every "![" before that "]" shares it, so the scan skips past it (a regex would
 * rescan the rest of the text from each "![", quadratic on "![![![…").
 */
function hasImage(text: string): boolean {
  for (let i = text.indexOf('!['); i >= 0; ) {
    const close = text.indexOf(']', i + 2);
    if (close < 0) return false;
    if (text[close + 1] === '(') return true;
    i = text.indexOf('![', close + 1);
  }
  return false;
}

/** A title ending in ":" introduces what follows ("The links below:"), so it is not a section of its own. */
function endsWithColon(doc: PolicyDocument, s: Section): boolean {
  const raw = doc.text.slice(s.titleRange.start.offset, s.titleRange.end.offset);
  return /:\s*(?:[*_]{1,3}\s*)?(?:#+\s*)?$/.test(raw.trimEnd());
}

function isEmpty(doc: PolicyDocument, s: Section): boolean {
  if (s.children.length) return false; // the children carry the content
  return !hasVisibleContent(doc.text.slice(s.titleRange.end.offset, s.range.end.offset));
}

function check(ctx: RuleContext): void {
  const { doc } = ctx;
  for (const s of doc.sections) {
    // The document title is followed by the sections it names.
    if (s === doc.title && s.level === 1 && doc.sections.length > 1) continue;
    if (endsWithColon(doc, s) || !isEmpty(doc, s)) continue;
    const next = doc.sections[s.index + 1];
    ctx.report({
      start: s.titleRange.start.offset,
      end: s.titleRange.end.offset,
      message: next
        ? `The section “${s.title}” is empty: “${next.title}” follows it directly. Write its text or remove the heading.`
        : `The section “${s.title}” is empty: nothing follows it. Write its text or remove the heading.`,
    });
  }
}

const rule: Rule = {
  meta: {
    id: 'empty-section',
    description: 'Sections with a title and no text before the next section.',
    severity: 'warn',
    fixable: false,
  },
  check,
};
export default rule;
