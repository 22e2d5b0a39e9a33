// What the workbench should show, computed with the engine itself from the files on disk and
// the .policylintrc.json that applies to them, so the tests compare VS Code against the
// engine instead of against numbers written down by hand.
import { readFileSync } from 'node:fs';
import { applyEdits, lint, type LintMessage, type LintResult } from '../../server/src/engine/index.js';
import { loadConfigFor } from '../../server/src/node/config-files.js';
import type { ProblemRow } from './workbench.js';

/** Lints a file as the language server does: its text and the nearest config file. */
export function lintFile(file: string): LintResult {
  const { config } = loadConfigFor(file);
  return lint(readFileSync(file, 'utf8'), { config, filePath: file });
}

const SEVERITY = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

/** "Error children 3:1", one per engine message, sorted: compare with `rowKeys`. */
export function messageKeys(messages: readonly LintMessage[]): string[] {
  return messages
    .map((m) => `${SEVERITY[m.severity]} ${m.ruleId} ${m.range.start.line}:${m.range.start.column}`)
    .sort();
}

/** The same keys for Problems panel rows. */
export function rowKeys(rows: readonly ProblemRow[]): string[] {
  return rows.map((r) => `${r.severity} ${r.code} ${r.line}:${r.column}`).sort();
}

/** The text of `file` after the fix (or suggestion) titled `title` of its `ruleId` message. */
export function textAfterFix(file: string, ruleId: string, title: string): string {
  const text = readFileSync(file, 'utf8');
  const message = lintFile(file).messages.find((m) => m.ruleId === ruleId);
  if (!message) throw new Error(`the engine reports no ${ruleId} message for ${file}`);
  const fix = [message.fix, ...(message.suggestions ?? [])].find((f) => f?.title === title);
  if (!fix) throw new Error(`the ${ruleId} message of ${file} has no fix titled ${title}`);
  return applyEdits(text, fix.edits);
}

/**
 * The text a snippet body inserts when it is accepted and left at once: each placeholder
 * keeps its default (`${1:text}` → text, `${1|a,b|}` → a), bare tab stops insert nothing.
 */
export function expandSnippet(body: string | readonly string[]): string {
  const text = typeof body === 'string' ? body : body.join('\n');
  return text
    .replace(/\$\{\d+\|([^,|}]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '');
}
