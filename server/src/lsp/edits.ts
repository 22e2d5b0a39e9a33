// The edits behind code actions and commands, all computed by the engine on the text of
// one analysed version: fix all, insert missing sections, disable comments.
import type { TextEdit as LspTextEdit } from 'vscode-languageserver';
import { disableCommentEdit, fixText, insertSectionFix, isSafeTextFix, type TextEdit } from '../engine/index.js';
import type { Analysis } from './analysis.js';
import { minimalEdit, toLspEdits } from './convert.js';

function asLsp(a: Analysis, edit: TextEdit | undefined): LspTextEdit[] {
  return edit && (edit.text || edit.start !== edit.end) ? toLspEdits(a.text, [edit]) : [];
}

/** Messages with a safe text fix: what "fix all" would apply in its first pass (section insertions are not among them). */
export function safeFixCount(a: Analysis): number {
  return a.result?.messages.filter((m) => isSafeTextFix(m.fix) && m.fix!.edits.length).length ?? 0;
}

/** Every safe text fix, applied by the engine until nothing changes, as one minimal edit. Never inserts a section. */
export function fixAllEdits(a: Analysis, only?: readonly string[]): LspTextEdit[] {
  if (!a.result) return [];
  const before = a.text.getText();
  const { text } = fixText(before, { config: a.config, assumePolicy: a.assumePolicy, only, types: ['safe'] });
  return asLsp(a, minimalEdit(before, text));
}

/** Inserts every missing section the engine reports (the enabled items' rules), numbered and styled by the engine. */
export function insertMissingEdits(a: Analysis): LspTextEdit[] {
  if (!a.result) return [];
  const before = a.text.getText();
  const { text } = fixText(before, { config: a.config, assumePolicy: a.assumePolicy, types: ['section'] });
  return asLsp(a, minimalEdit(before, text));
}

/**
 * Inserts one missing section, whatever its rule's severity (`off` included): the engine's
 * insertion, placed, numbered and styled as every other front end places it. `choice` picks
 * one of the template's answers (cookies used / not used); without it, the prompt version.
 */
export function insertSectionEdits(a: Analysis, itemId: string, choice?: string): LspTextEdit[] {
  if (!a.result || !a.config) return [];
  const fix = insertSectionFix(a.result.doc, a.result.checklist, itemId, a.config, choice);
  return fix ? toLspEdits(a.text, fix.edits) : [];
}

/** A disable comment for a rule; `line` is 0-based (LSP). Empty when the rule is already disabled there. */
export function disableEdits(
  a: Analysis,
  ruleId: string,
  scope: 'line' | 'file',
  line: number,
  reason?: string,
): LspTextEdit[] {
  if (!a.result) return [];
  return asLsp(a, disableCommentEdit(a.result.doc, ruleId, scope, line + 1, reason));
}
