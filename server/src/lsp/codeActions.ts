// Code actions: the fix and suggestions carried in each diagnostic's data, fix all (also
// as source.fixAll.policylint for fix-on-save), disable comments, show documentation, and
// for a suggest-profile note the edit that adds the profile to the config file.
// Every action is a WorkspaceEdit or a command the server executes itself, so they work in
// any client; nothing here names a command only VS Code's extension registers. The data a
// client sends back is checked against the document before it becomes an edit.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CreateFile,
  OptionalVersionedTextDocumentIdentifier,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { addProfilesToConfig, suggestedProfiles } from '../engine/index.js';
import { Commands, type DiagnosticData, type SerializedFix } from '../protocol.js';
import type { Analysis } from './analysis.js';
import { diagnosticData, textStamp, workspaceEdit } from './convert.js';
import { disableEdits, fixAllEdits, safeFixCount } from './edits.js';
import { fsPathOf } from './selection.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.policylint`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];
export const FIX_ALL_TITLE = 'Fix all policylint problems';
/** The reason written by "disable … with a reason" where the client has no snippet edits. */
export const DEFAULT_DISABLE_REASON = 'reason not yet written';
const REASON_MARK = 'POLICYLINTREASONMARK';

/** What the client can do with code actions. */
export interface ActionSupport {
  documentChanges: boolean;
  /** The client turns edits marked `data.snippet` into snippet edits (experimental.policylint.snippetEdits). */
  snippetEdits?: boolean;
}

/** The server's view of config files, for the suggest-profile quick-fix (asked only when one is shown). */
export interface ConfigAccess {
  /** The config file that applies to the document (the nearest one), if any. */
  file(): string | undefined;
  /** That file's text as the editor holds it, else as on disk; undefined when it cannot be read. */
  text(file: string): string | undefined;
}

/** The name of the config file the quick-fix creates where there is none. */
export const NEW_CONFIG_NAME = '.policylintrc.json';

function profileWords(profiles: readonly string[]): string {
  const names =
    profiles.length <= 1
      ? profiles.join('')
      : `${profiles.slice(0, -1).join(', ')} and ${profiles[profiles.length - 1]}`;
  return `the ${names} profile${profiles.length > 1 ? 's' : ''}`;
}

/**
 * Quick-fixes for a suggest-profile note: add each suggested profile (and all of them, when
 * there are several) to `extends` in the document's config file, or create .policylintrc.json
 * beside the document when there is none (that needs documentChanges). The profiles are the
 * engine's, for the text as analysed; the edit is the engine's addProfilesToConfig. None where
 * the config cannot be read or does not parse (an edit could only make it worse).
 */
function profileActions(
  a: Analysis,
  diagnostic: Diagnostic,
  configs: ConfigAccess,
  support: ActionSupport,
): CodeAction[] {
  if (!a.result || !a.config) return [];
  const docPath = fsPathOf(a.uri);
  if (!docPath) return [];
  const profiles = [...new Set(suggestedProfiles(a.result.doc, a.config.profiles).map((s) => s.profile))];
  if (!profiles.length) return [];
  const choices = profiles.length > 1 ? [...profiles.map((p) => [p]), profiles] : [profiles];
  const file = configs.file();
  const out: CodeAction[] = [];
  if (file) {
    const text = configs.text(file);
    if (text === undefined) return [];
    const uri = pathToFileURL(file).href;
    const lines = TextDocument.create(uri, 'json', 0, text);
    for (const add of choices) {
      const edits = addProfilesToConfig(text, add, a.config.profiles).map((e) => ({
        range: { start: lines.positionAt(e.start), end: lines.positionAt(e.end) },
        newText: e.text,
      }));
      if (!edits.length) continue;
      const edit: WorkspaceEdit = support.documentChanges
        ? {
            documentChanges: [
              TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(uri, null), edits),
            ],
          }
        : { changes: { [uri]: edits } };
      out.push({
        title: `Add ${profileWords(add)} to ${path.basename(file)}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: add.length === profiles.length,
        edit,
      });
    }
    return out;
  }
  // Creating a file needs documentChanges (a resource operation); `changes` cannot say it.
  if (!support.documentChanges) return [];
  const uri = pathToFileURL(path.join(path.dirname(docPath), NEW_CONFIG_NAME)).href;
  for (const add of choices) {
    const [fresh] = addProfilesToConfig('', add, a.config.profiles);
    const edit: WorkspaceEdit = {
      documentChanges: [
        // No overwrite, no ignoreIfExists: a file that appeared meanwhile makes the edit fail rather than be written over.
        CreateFile.create(uri),
        TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(uri, null), [
          { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: fresh.text },
        ]),
      ],
    };
    out.push({
      title: `Add ${profileWords(add)} to a new ${NEW_CONFIG_NAME}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: add.length === profiles.length,
      edit,
    });
  }
  return out;
}

/** Whether a code action of `kind` was asked for (`only` filters by kind prefix). */
function wanted(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

const RULE_ID = /^[a-z][a-z0-9-]{0,63}$/;

/** Whether a position lies inside the text (a line that exists, a character within it or at its end). */
function inside(a: Analysis, p: unknown): boolean {
  const pos = p as { line?: unknown; character?: unknown } | null;
  if (!pos || !Number.isSafeInteger(pos.line) || !Number.isSafeInteger(pos.character)) return false;
  const line = pos.line as number;
  const character = pos.character as number;
  if (line < 0 || character < 0 || line >= a.text.lineCount) return false;
  const start = a.text.offsetAt({ line, character: 0 });
  const end = line + 1 < a.text.lineCount ? a.text.offsetAt({ line: line + 1, character: 0 }) : a.text.getText().length;
  return start + character <= end;
}

function rangeInside(a: Analysis, r: unknown): r is Range {
  const range = r as { start?: unknown; end?: unknown } | null;
  if (!range || !inside(a, range.start) || !inside(a, range.end)) return false;
  return a.text.offsetAt(range.start as Range['start']) <= a.text.offsetAt(range.end as Range['end']);
}

/** A fix from the data, when every edit is a range inside the text and a string: else undefined. */
function validFix(a: Analysis, fix: unknown): SerializedFix | undefined {
  const f = fix as Partial<SerializedFix> | null | undefined;
  if (!f || typeof f.title !== 'string' || !f.title || !Array.isArray(f.edits) || !f.edits.length) return undefined;
  for (const e of f.edits as unknown[]) {
    const edit = e as { range?: unknown; newText?: unknown } | null;
    if (!edit || typeof edit.newText !== 'string' || !rangeInside(a, edit.range)) return undefined;
  }
  return { title: f.title, safe: f.safe === true, edits: f.edits };
}

/**
 * The data of a diagnostic when it belongs to this document as analysed: the same URI
 * (when the data names one), a rule id, a range inside the text. `current` says whether its
 * fixes were computed for this document, this version and this very text (only then may they
 * become edits): a stale diagnostic under a reused version number gets no edit.
 */
function checkedData(
  params: CodeActionParams,
  a: Analysis,
  diagnostic: Diagnostic,
): { data: DiagnosticData; current: boolean } | undefined {
  const data = diagnosticData(diagnostic);
  if (!data || !RULE_ID.test(data.ruleId)) return undefined;
  if (data.uri !== undefined && data.uri !== params.textDocument.uri) return undefined;
  if (!rangeInside(a, diagnostic.range)) return undefined;
  return { data, current: data.version === a.version && data.uri === a.uri && data.textStamp === textStamp(a.text) };
}

/** Disable edits whose reason is a snippet placeholder (`${1:…}`), everything else escaped. */
function snippetReason(edits: TextEdit[]): TextEdit[] {
  const escapeSnippet = (s: string) => s.replace(/[\\$}]/g, (c) => `\\${c}`);
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a snippet placeholder, not a template
  const placeholder = '${1:why the rule does not apply here}';
  return edits.map((e) => ({ ...e, newText: e.newText.split(REASON_MARK).map(escapeSnippet).join(placeholder) }));
}

export function codeActions(
  params: CodeActionParams,
  a: Analysis,
  support: ActionSupport,
  configs?: ConfigAccess,
): CodeAction[] {
  const uri = params.textDocument.uri;
  const only = params.context.only;
  const out: CodeAction[] = [];
  const edit = (edits: TextEdit[]) => workspaceEdit(uri, a.version, edits, support.documentChanges);
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
    const checked = checkedData(params, a, diagnostic);
    if (!checked) continue;
    const { data, current } = checked;
    ours.push(diagnostic);
    const { ruleId } = data;
    // A fix computed for another version or document would edit the wrong text.
    if (current) {
      const fix = validFix(a, data.fix);
      if (fix)
        out.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.safe,
          edit: edit(fix.edits),
        });
      for (const s of Array.isArray(data.suggestions) ? data.suggestions : []) {
        const suggestion = validFix(a, s);
        if (suggestion)
          out.push({
            title: suggestion.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: edit(suggestion.edits),
          });
      }
    }
    if (ruleId === 'suggest-profile' && configs)
      for (const action of profileActions(a, diagnostic, configs, support)) once(action);
    const line = diagnostic.range.start.line;
    // A missing section is not about the title line it is shown on: no line-scoped disable.
    // A reason is offered for file-wide disables, the ones a reviewer will want explained.
    const scopes = data.documentLevel ? (['file'] as const) : (['line', 'file'] as const);
    for (const scope of scopes) {
      const edits = disableEdits(a, ruleId, scope, line);
      if (!edits.length) continue;
      once({
        title: `Disable ${ruleId} for this ${scope}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: edit(edits),
      });
      if (scope !== 'file') continue;
      if (support.snippetEdits) {
        const title = `Disable ${ruleId} for this file with a reason…`;
        once({
          title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: edit(snippetReason(disableEdits(a, ruleId, scope, line, REASON_MARK))),
          data: { snippet: true },
        });
      } else {
        const title = `Disable ${ruleId} for this file with a reason to fill in`;
        once({
          title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: edit(disableEdits(a, ruleId, scope, line, DEFAULT_DISABLE_REASON)),
        });
      }
    }
    if (data.docsUrl) {
      const title = `Show documentation for ${ruleId}`;
      once({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title, command: Commands.showDocumentation, arguments: [ruleId, uri] },
      });
    }
  }
  if (ours.length && safeFixCount(a) >= 2) {
    const edits = fixAllOnce();
    if (edits.length)
      out.push({ title: FIX_ALL_TITLE, kind: CodeActionKind.QuickFix, diagnostics: ours, edit: edit(edits) });
  }
  return out;
}
