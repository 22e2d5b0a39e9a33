// Hover: on a section title, the checklist items the section covers and how common each
// is in the sample corpus, and the section's reading grade; on a flagged range, the rule's explanation and a docs link.
import { docsHref } from './docs.js';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { getRule, type ChecklistEntry, type Section } from '../engine/index.js';
import type { Analysis } from './analysis.js';
import { toLspRange } from './convert.js';
import { corpusCoverage } from './checklist.js';
import { sectionReadability } from '../engine/readability.js';

const STATUS_LABEL = { present: 'present', incomplete: 'incomplete', missing: 'missing' } as const;

/** "in 3 of 5 sample policies" */
export function coverageText(id: string): string {
  const { covered, total } = corpusCoverage(id);
  return total ? `in ${covered} of ${total} sample policies` : 'not in the sample corpus';
}

/** Checklist entries whose evidence lies in the section (its subsections included). */
export function entriesInSection(entries: readonly ChecklistEntry[], s: Section): ChecklistEntry[] {
  return entries.filter(
    (e) =>
      e.range &&
      e.range.start.offset >= s.range.start.offset &&
      e.range.start.offset < Math.max(s.range.end.offset, s.titleRange.end.offset + 1),
  );
}

export function hover(a: Analysis, position: Position): Hover | null {
  const result = a.result;
  if (!result) return null;
  const offset = a.text.offsetAt(position);
  const parts: string[] = [];
  let range = undefined as ReturnType<typeof toLspRange> | undefined;

  const section = result.doc.sections.find(
    (s) =>
      s.titleRange.start.line === position.line + 1 ||
      (offset >= s.titleRange.start.offset && offset <= s.titleRange.end.offset),
  );
  if (section) {
    const entries = entriesInSection(result.checklist, section);
    const lines = entries.map(
      (e) => `- **${e.id}**: ${coverageText(e.id)} (${escapeMarkdown(e.title)}; ${STATUS_LABEL[e.status]} here)`,
    );
    parts.push(
      entries.length
        ? `**${escapeMarkdown(section.title)}** covers:\n\n${lines.join('\n')}`
        : `**${escapeMarkdown(section.title)}** covers no checklist item.`,
    );
    const grade = sectionReadability(result.doc).find((r) => r.section === section);
    if (grade?.grade !== undefined)
      parts.push(
        `Reading grade ${grade.grade.toFixed(1)} (Flesch–Kincaid, ${grade.words} words of the section's own prose).`,
      );
    range = toLspRange(a.text, section.titleRange);
  }

  const flagged = result.messages.filter((m) => m.range.start.offset <= offset && offset <= m.range.end.offset);
  for (const m of flagged) {
    const description = getRule(m.ruleId)?.meta.description;
    parts.push(
      [
        `**${m.ruleId}**${description ? `: ${escapeMarkdown(description)}` : ''}`,
        escapeMarkdown(m.message),
        m.docsUrl ? `[Documentation for ${m.ruleId}](${docsHref(m.ruleId, a.settings.docsUrl)})` : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
    );
    range ??= toLspRange(a.text, m.range);
  }
  if (!parts.length) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range };
}

/** Keeps Markdown in titles and messages from being rendered as markup. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}
