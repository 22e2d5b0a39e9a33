// The edits behind code actions and commands, all computed by the engine on the text of
// one analysed version: fix all, insert missing sections, disable comments.
import type { TextEdit as LspTextEdit } from 'vscode-languageserver';
import { disableCommentEdit, fixText, getItem, type TextEdit } from '../engine/index.js';
import type { Analysis } from './analysis.js';
import { minimalEdit, toLspEdits } from './convert.js';

function asLsp(a: Analysis, edit: TextEdit | undefined): LspTextEdit[] {
  return edit && (edit.text || edit.start !== edit.end) ? toLspEdits(a.text, [edit]) : [];
}

/** Messages with a safe fix: what "fix all" would apply in its first pass. */
export function safeFixCount(a: Analysis): number {
  return a.result?.messages.filter((m) => m.fix?.safe && m.fix.edits.length).length ?? 0;
}

/** Every safe fix, applied by the engine until nothing changes, as one minimal edit. */
export function fixAllEdits(a: Analysis, only?: readonly string[]): LspTextEdit[] {
  if (!a.result) return [];
  const before = a.text.getText();
  const { text } = fixText(before, { config: a.config, only });
  return asLsp(a, minimalEdit(before, text));
}

/** Rules whose fixes insert the missing checklist sections (optionally one item only). */
function insertingRules(a: Analysis, itemId?: string): string[] {
  if (!a.result) return [];
  const missing = new Set(a.result.checklist.filter((e) => e.status === 'missing').map((e) => e.id as string));
  return [
    ...new Set(
      a.result.messages.filter((m) => m.item && missing.has(m.item) && (!itemId || m.item === itemId) && m.fix?.edits.length).map((m) => m.ruleId),
    ),
  ];
}

/** Inserts every missing section the engine knows how to insert. */
export function insertMissingEdits(a: Analysis): LspTextEdit[] {
  const rules = insertingRules(a);
  return rules.length ? fixAllEdits(a, rules) : [];
}

/**
 * Inserts one missing section: the engine's fix for it when there is one (placed where
 * readers expect it), else the item's template appended at the end.
 */
export function insertSectionEdits(a: Analysis, itemId: string): LspTextEdit[] {
  if (!a.result) return [];
  const message = a.result.messages.find((m) => m.item === itemId && m.fix?.edits.length);
  if (message) return toLspEdits(a.text, message.fix!.edits);
  const item = getItem(itemId);
  const entry = a.result.checklist.find((e) => e.id === itemId);
  if (!item || !a.config || entry?.status !== 'missing') return [];
  const text = a.text.getText();
  const eol = a.result.doc.eol;
  const lead = text.length === 0 ? '' : text.endsWith(`${eol}${eol}`) ? '' : text.endsWith(eol) ? eol : eol + eol;
  return asLsp(a, { start: text.length, end: text.length, text: lead + sectionMarkdown(a, itemId, headingLevel(a))! });
}

/** The whole Markdown of a checklist item's template at a heading level, or undefined. */
export function sectionMarkdown(a: Analysis, itemId: string, level: number): string | undefined {
  const item = getItem(itemId);
  if (!item || !a.config || !a.result) return undefined;
  const eol = a.result.doc.eol;
  const { title, body } = item.template(a.config);
  const bodyText = body.replace(/\r?\n/g, eol).trim();
  return `${'#'.repeat(level)} ${title}${eol}${eol}${bodyText ? bodyText + eol : ''}`;
}

/** The heading level of the document's sections: the most common Markdown heading depth below the title (2 by default). */
export function headingLevel(a: Analysis): number {
  const doc = a.result?.doc;
  if (!doc) return 2;
  const counts = new Map<number, number>();
  for (const s of doc.sections) {
    if (s.kind !== 'heading' || s === doc.title) continue;
    counts.set(s.level, (counts.get(s.level) ?? 0) + 1);
  }
  let best = 2;
  let bestCount = 0;
  for (const [level, count] of counts) {
    if (count > bestCount || (count === bestCount && level < best)) {
      best = level;
      bestCount = count;
    }
  }
  return best;
}

/** A disable comment for a rule; `line` is 0-based (LSP). Empty when the rule is already disabled there. */
export function disableEdits(a: Analysis, ruleId: string, scope: 'line' | 'file', line: number, reason?: string): LspTextEdit[] {
  if (!a.result) return [];
  return asLsp(a, disableCommentEdit(a.result.doc, ruleId, scope, line + 1, reason));
}
