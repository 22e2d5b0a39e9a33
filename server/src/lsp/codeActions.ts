// Code actions: the fix and suggestions carried in each diagnostic's data, fix all (also
// as source.fixAll.policylint for fix-on-save), disable comments, show documentation.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { ClientCommands } from '../protocol.js';
import type { Analysis } from './analysis.js';
import { diagnosticData, workspaceEdit } from './convert.js';
import { disableEdits, fixAllEdits, safeFixCount } from './edits.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.policylint`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];
export const FIX_ALL_TITLE = 'Fix all policylint problems';

/** Whether a code action of `kind` was asked for (`only` filters by kind prefix). */
function wanted(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export function codeActions(params: CodeActionParams, a: Analysis, documentChanges: boolean): CodeAction[] {
  const uri = params.textDocument.uri;
  const only = params.context.only;
  const out: CodeAction[] = [];
  const edit = (edits: TextEdit[]) => workspaceEdit(uri, a.version, edits, documentChanges);
  let fixAll: TextEdit[] | undefined;
  const fixAllOnce = () => (fixAll ??= fixAllEdits(a));

  // The source action only when asked for by kind (fix-on-save, the Source Action menu).
  if (only && wanted(only, FIX_ALL_KIND) && safeFixCount(a) > 0) {
    const edits = fixAllOnce();
    if (edits.length) out.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: edit(edits) });
  }
  if (!wanted(only, CodeActionKind.QuickFix)) return out;

  const seen = new Set<string>();
  const once = (action: CodeAction) => {
    if (seen.has(action.title)) return;
    seen.add(action.title);
    out.push(action);
  };
  const ours: Diagnostic[] = [];
  for (const diagnostic of params.context.diagnostics) {
    const data = diagnosticData(diagnostic);
    if (!data) continue;
    ours.push(diagnostic);
    const { ruleId } = data;
    // A fix computed for another version would edit the wrong text.
    const current = data.version === null || data.version === a.version;
    if (current && data.fix) {
      out.push({ title: data.fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: data.fix.safe, edit: edit(data.fix.edits) });
    }
    if (current) {
      for (const s of data.suggestions ?? []) out.push({ title: s.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(s.edits) });
    }
    const line = diagnostic.range.start.line;
    // A missing section is not about the title line it is shown on: no line-scoped disable.
    // A reason is asked for file-wide disables, the ones a reviewer will want explained.
    const scopes = data.documentLevel ? (['file'] as const) : (['line', 'file'] as const);
    for (const scope of scopes) {
      const edits = disableEdits(a, ruleId, scope, line);
      if (!edits.length) continue;
      once({ title: `Disable ${ruleId} for this ${scope}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(edits) });
      if (scope !== 'file') continue;
      once({
        title: `Disable ${ruleId} for this file with a reason…`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: `Disable ${ruleId} for this file with a reason…`, command: ClientCommands.disableWithReason, arguments: [uri, ruleId, scope, line] },
      });
    }
    if (data.docsUrl) {
      const title = `Show documentation for ${ruleId}`;
      once({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: ClientCommands.showDocs, arguments: [data.docsUrl, ruleId] } });
    }
  }
  if (ours.length && safeFixCount(a) >= 2) {
    const edits = fixAllOnce();
    if (edits.length) out.push({ title: FIX_ALL_TITLE, kind: CodeActionKind.QuickFix, diagnostics: ours, edit: edit(edits) });
  }
  return out;
}
