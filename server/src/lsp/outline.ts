// The outline (hierarchical document symbols, pseudo-headings included) and folding
// ranges by section.
import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { PolicyDocument, Section } from '../engine/index.js';
import type { Analysis } from './analysis.js';
import { toLspRange } from './convert.js';

const PSEUDO_DETAIL: Record<Section['kind'], string | undefined> = {
  heading: undefined,
  'bold-lead': 'bold lead-in',
  'bold-list-item': 'bold list item',
  'bold-line': 'bold line',
  'caps-line': 'capitals line',
  'numbered-line': 'numbered line',
  'plain-line': 'plain line',
};

export function documentSymbols(a: Analysis): DocumentSymbol[] {
  const doc = a.result?.doc;
  if (!doc) return [];
  const toSymbol = (s: Section): DocumentSymbol => {
    const range = toLspRange(a.text, s.range);
    const selectionRange = toLspRange(
      a.text,
      s.titleRange.start.offset >= s.range.start.offset ? s.titleRange : s.range,
    );
    return {
      name: s.title || '(untitled section)',
      detail: PSEUDO_DETAIL[s.kind],
      // Markdown headings are strings in VS Code's own Markdown outline; pseudo-headings stand apart.
      kind: s.kind === 'heading' ? SymbolKind.String : SymbolKind.Namespace,
      range,
      selectionRange,
      children: s.children.map(toSymbol),
    };
  };
  return doc.outline.map(toSymbol);
}

/** 1-based line of the last non-blank line of a section. */
function lastContentLine(doc: PolicyDocument, s: Section): number {
  const end = s.range.end;
  let line = end.column === 1 && end.line > s.range.start.line ? end.line - 1 : end.line;
  while (line > s.titleRange.start.line && isBlank(doc, line)) line--;
  return line;
}

function isBlank(doc: PolicyDocument, line: number): boolean {
  return !doc.text.slice(doc.lineStarts[line - 1], doc.lineStarts[line] ?? doc.text.length).trim();
}

export function foldingRanges(a: Analysis): FoldingRange[] {
  const doc = a.result?.doc;
  if (!doc) return [];
  const out: FoldingRange[] = [];
  for (const s of doc.sections) {
    const startLine = s.titleRange.start.line - 1;
    const endLine = lastContentLine(doc, s) - 1;
    if (endLine > startLine) out.push({ startLine, endLine });
  }
  return out;
}
