// Completion at the start of a title line (an empty line, or the start of a title typed so
// far: "#", "## 10", "**"): the checklist sections the document is missing, each inserting
// its template titled, numbered and styled like the document's own sections (the engine's
// sectionAt), with the sections after it renumbered. Typed "#"s that the document's style
// does not start with ask for a Markdown heading of that level.
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Position,
} from 'vscode-languageserver';
import { getItem, sectionAt, templateBody, templateFor, templateValues } from '../engine/index.js';
import type { Analysis } from './analysis.js';
import { toLspEdits } from './convert.js';

export const COMPLETION_TRIGGERS = ['#', '*'];

/** What may stand at the start of a title line before its name: #s, bold, a number. */
const TITLE_START = /^( {0,3})((?:#{1,6}(?: |$))?(?:\*\*|__)?(?:(?:\d{1,3}|[IVXLC]{1,6})(?:\.\d{0,3})*[.)]? ?)?)$/;

const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();

export function completions(a: Analysis, position: Position): CompletionItem[] {
  const result = a.result;
  if (!result?.looksLikePolicy || !a.config) return [];
  const lineText = a.text
    .getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } })
    .replace(/(?:\r\n|\r|\n)$/, '');
  const before = lineText.slice(0, position.character);
  const after = lineText.slice(position.character);
  const m = TITLE_START.exec(before);
  if (!m || after.trim()) return [];
  const typed = m[2];
  const hashes = /^#*/.exec(typed)![0].length;
  const range = { start: { line: position.line, character: m[1].length }, end: position };
  const offset = a.text.offsetAt({ line: position.line, character: 0 });
  const eol = result.doc.eol;

  const items: CompletionItem[] = [];
  for (const entry of result.checklist) {
    if (entry.status !== 'missing') continue;
    const item = getItem(entry.id);
    const t = templateFor(entry.id);
    const styled = sectionAt(result.doc, entry.id, a.config, offset);
    if (!item || !t || !styled) continue;
    let text = styled.text;
    let edits = styled.edits;
    // "#"s the document's own style does not start with: a Markdown heading of that level.
    if (hashes && !squash(text).startsWith(squash(typed)) && !t.line) {
      text = `${'#'.repeat(hashes)} ${t.title}${eol}${eol}${templateBody(t, templateValues(result.doc, a.config))}${eol}`;
      edits = [];
    }
    const firstLine = text.split(/\r\n|\r|\n/, 1)[0];
    items.push({
      label: t.title,
      kind: CompletionItemKind.Snippet,
      detail: `Missing checklist section: ${entry.id}`,
      documentation: { kind: MarkupKind.Markdown, value: `${item.description}\n\n---\n\n${text}` },
      filterText: firstLine,
      sortText: String(item.order).padStart(4, '0'),
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range, newText: text },
      additionalTextEdits: edits.length ? toLspEdits(a.text, edits) : undefined,
      data: { itemId: entry.id },
    });
  }
  return items;
}
