// Completion at the start of a heading line (an empty line, or only "#"s typed so far):
// the checklist sections the document is missing, each inserting its whole template.
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import { getItem } from '../engine/index.js';
import type { Analysis } from './analysis.js';
import { headingLevel, sectionMarkdown } from './edits.js';

export const COMPLETION_TRIGGERS = ['#'];

export function completions(a: Analysis, position: Position): CompletionItem[] {
  const result = a.result;
  if (!result?.looksLikePolicy) return [];
  const lineText = a.text.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const before = lineText.slice(0, position.character);
  const after = lineText.slice(position.character);
  const m = /^( {0,3})(#{0,6})( ?)$/.exec(before);
  if (!m || after.trim()) return [];
  const typed = m[2].length;
  const level = typed || headingLevel(a);
  const range = { start: { line: position.line, character: m[1].length }, end: position };

  const items: CompletionItem[] = [];
  for (const entry of result.checklist) {
    if (entry.status !== 'missing') continue;
    const item = getItem(entry.id);
    const markdown = item && sectionMarkdown(a, entry.id, level);
    if (!item || !markdown) continue;
    const firstLine = markdown.split(/\r?\n/, 1)[0];
    items.push({
      label: item.template(a.config!).title,
      kind: CompletionItemKind.Snippet,
      detail: `Missing checklist section: ${entry.id}`,
      documentation: { kind: MarkupKind.Markdown, value: `${item.description}\n\n---\n\n${markdown}` },
      filterText: firstLine,
      sortText: String(item.order).padStart(4, '0'),
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range, newText: markdown },
      data: { itemId: entry.id },
    });
  }
  return items;
}
