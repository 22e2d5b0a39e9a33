// Engine → LSP conversion: engine offsets become LSP positions through the text
// document the result was computed for; fixes become SerializedFix payloads in
// Diagnostic.data so code actions need no server state.
import {
  DiagnosticSeverity,
  DiagnosticTag,
  OptionalVersionedTextDocumentIdentifier,
  TextDocumentEdit,
  type Diagnostic,
  type Position,
  type Range as LspRange,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Fix, LintMessage, Point, Range, Severity, TextEdit } from '../engine/index.js';
import type { DiagnosticData, SerializedFix } from '../protocol.js';
import { docsHref } from './docs.js';

export const SOURCE = 'policylint';

/**
 * Positions for snapshots whose text has no carriage return: there the engine's lines are
 * LSP's lines and its UTF-16 columns LSP's characters, so a long document's line table need
 * not be built a second time for every lint.
 */
const enginePositions = new WeakMap<TextDocument, (offset: number) => Position>();

export function useEnginePositions(text: TextDocument, pointAt: (offset: number) => Point): void {
  if (text.getText().includes('\r')) return;
  enginePositions.set(text, (offset) => {
    const p = pointAt(offset);
    return { line: p.line - 1, character: p.column - 1 };
  });
}

export function toLspRange(text: TextDocument, range: Range | { start: number; end: number }): LspRange {
  const start = typeof range.start === 'number' ? range.start : range.start.offset;
  const end = typeof range.end === 'number' ? range.end : range.end.offset;
  const at = enginePositions.get(text);
  if (at) return { start: at(start), end: at(end) };
  return { start: text.positionAt(start), end: text.positionAt(end) };
}

const stamps = new WeakMap<TextDocument, string>();

/**
 * A fingerprint of a snapshot's text (its length and a 32-bit FNV-1a hash of its UTF-16
 * code units), computed once per snapshot. Diagnostic.data carries it, so a fix counts
 * only for the text it was computed from, whatever version number a client sends back:
 * clients may reuse a version with other text (a second didOpen, a version sent twice).
 */
export function textStamp(text: TextDocument): string {
  let stamp = stamps.get(text);
  if (stamp === undefined) {
    const s = text.getText();
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    stamps.set(text, (stamp = `${s.length.toString(36)}.${(h >>> 0).toString(36)}`));
  }
  return stamp;
}

export function toLspEdits(text: TextDocument, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: toLspRange(text, e), newText: e.text }));
}

export function serializeFix(text: TextDocument, fix: Fix): SerializedFix {
  return { title: fix.title, safe: fix.safe, ...(fix.kind && { kind: fix.kind }), edits: toLspEdits(text, fix.edits) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** A diagnostic for an engine message; `docsUrl` is the setting (empty: the bundled pages). */
export function toDiagnostic(text: TextDocument, message: LintMessage, docsUrl = ''): Diagnostic {
  const href = message.docsUrl ? docsHref(message.ruleId, docsUrl) : '';
  const data: DiagnosticData = {
    ruleId: message.ruleId,
    docsUrl: href,
    uri: text.uri,
    version: text.version,
    textStamp: textStamp(text),
    fix: message.fix?.edits.length ? serializeFix(text, message.fix) : undefined,
    suggestions: message.suggestions?.filter((s) => s.edits.length).map((s) => serializeFix(text, s)),
    documentLevel: message.documentLevel || undefined,
  };
  const tags: DiagnosticTag[] = [];
  if (message.tags?.includes('deprecated')) tags.push(DiagnosticTag.Deprecated);
  if (message.tags?.includes('unnecessary')) tags.push(DiagnosticTag.Unnecessary);
  return {
    range: toLspRange(text, message.range),
    severity: SEVERITY[message.severity] ?? DiagnosticSeverity.Warning,
    code: message.ruleId,
    codeDescription: href ? { href } : undefined,
    source: SOURCE,
    message: message.message,
    relatedInformation: message.related?.length
      ? message.related.map((r) => ({
          location: { uri: text.uri, range: toLspRange(text, r.range) },
          message: r.message,
        }))
      : undefined,
    tags: tags.length ? tags : undefined,
    data,
  };
}

/** The payload of one of our diagnostics, when it carries one. */
export function diagnosticData(d: Diagnostic): DiagnosticData | undefined {
  const data = d.data as Partial<DiagnosticData> | undefined;
  if (d.source !== SOURCE || !data || typeof data.ruleId !== 'string') return undefined;
  return data as DiagnosticData;
}

/**
 * The smallest single edit that turns `before` into `after`: the common prefix and
 * suffix are kept. Never splits a CRLF or a surrogate pair.
 */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let p = 0;
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  while (p > 0 && splitsPair(before, p)) p--;
  while (s > 0 && splitsPair(before, before.length - s)) s--;
  return { start: p, end: before.length - s, text: after.slice(p, after.length - s) };
}

function splitsPair(text: string, at: number): boolean {
  const prev = text.charCodeAt(at - 1);
  const next = text.charCodeAt(at);
  return (prev === 13 && next === 10) || (prev >= 0xd800 && prev <= 0xdbff && next >= 0xdc00 && next <= 0xdfff);
}

/** A workspace edit for one document; versioned when the client supports documentChanges. */
export function workspaceEdit(
  uri: string,
  version: number | null,
  edits: LspTextEdit[],
  documentChanges: boolean,
): WorkspaceEdit {
  if (documentChanges)
    return {
      documentChanges: [TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(uri, version), edits)],
    };
  return { changes: { [uri]: edits } };
}
