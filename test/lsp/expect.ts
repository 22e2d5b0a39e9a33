// What the server should say, computed by calling the engine directly on the same text,
// so the LSP tests stay true as the engine grows.
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, DocumentSymbol, TextEdit } from 'vscode-languageserver-protocol';
import {
  lint,
  resolveConfig,
  type LintMessage,
  type LintOptions,
  type LintResult,
} from '../../server/src/engine/index.js';
import { loadConfigFor } from '../../server/src/node/config-files.js';
import type { DiagnosticData } from '../../server/src/protocol.js';
import { offsetAt, positionAt } from './harness.js';

export const CORPUS = readdirSync('corpus')
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => path.resolve('corpus', f));

const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

/** The engine's result with a file's config (its nearest .policylintrc.json, as the server finds it); defaults without a file. */
export function engineLint(text: string, file?: string, options: LintOptions = {}): LintResult {
  const config = file ? loadConfigFor(file).config : resolveConfig(undefined).config;
  return lint(text, { config, ...options });
}

export interface Summary {
  code: string;
  message: string;
  severity: number;
  range: string;
}

function rangeText(start: { line: number; character: number }, end: { line: number; character: number }): string {
  return `${start.line}:${start.character}-${end.line}:${end.character}`;
}

export function summarizeMessages(text: string, messages: readonly LintMessage[]): Summary[] {
  return messages.map((m) => ({
    code: m.ruleId,
    message: m.message,
    severity: SEVERITY[m.severity],
    range: rangeText(positionAt(text, m.range.start.offset), positionAt(text, m.range.end.offset)),
  }));
}

export function summarizeDiagnostics(diagnostics: readonly Diagnostic[]): Summary[] {
  return diagnostics.map((d) => ({
    code: String(d.code),
    message: d.message,
    severity: d.severity ?? 0,
    range: rangeText(d.range.start, d.range.end),
  }));
}

export function dataOf(d: Diagnostic): DiagnosticData {
  return d.data as DiagnosticData;
}

/** How many diagnostics have the same rule and message as `d`. */
export function countLike(diagnostics: readonly Diagnostic[], d: Diagnostic): number {
  return diagnostics.filter((x) => x.code === d.code && x.message === d.message).length;
}

/** Asserts that `after` is `before` changed only inside the span the edits cover (a pure insertion/replacement there). */
export function assertChangedOnlyAt(before: string, after: string, edits: readonly TextEdit[]): void {
  assert.ok(edits.length > 0, 'no edits');
  const start = Math.min(...edits.map((e) => offsetAt(before, e.range.start)));
  const end = Math.max(...edits.map((e) => offsetAt(before, e.range.end)));
  assert.equal(after.slice(0, start), before.slice(0, start), 'text before the edit changed');
  assert.equal(after.slice(after.length - (before.length - end)), before.slice(end), 'text after the edit changed');
  assert.notEqual(after, before, 'the edit changed nothing');
}

/** Symbol names in document order (preorder). */
export function symbolNames(symbols: readonly DocumentSymbol[]): string[] {
  return symbols.flatMap((s) => [s.name, ...symbolNames(s.children ?? [])]);
}
