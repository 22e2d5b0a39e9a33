// Lint Workspace without vscode: find the policy files, read and decode them, send them to
// the server in batches, report progress, stop on cancel, and sum up. commands.ts supplies
// the vscode side through LintWorkspaceDeps.
import { decodeBytes } from '../../server/src/node/read-file.js';
import type { LintDocumentsParams, LintDocumentsResult } from '../../server/src/protocol.js';

export const BATCH_SIZE = 20;

export interface FileRef {
  uri: string;
  /** How to name the file to a person (a workspace-relative path). */
  label: string;
}

export interface LintWorkspaceDeps {
  findFiles(): Promise<FileRef[]>;
  /** The text of an open document, when the file is open (its unsaved text wins over the disk). */
  openText?(file: FileRef): string | undefined;
  readFile(file: FileRef): Promise<Uint8Array>;
  lintBatch(documents: LintDocumentsParams['documents']): Promise<LintDocumentsResult>;
  progress(done: number, total: number): void;
  isCancelled(): boolean;
  log(line: string): void;
}

export interface LintWorkspaceSummary {
  found: number;
  linted: number;
  skipped: number;
  /** Files the ignores leave out (.policylintignore, .gitignore, a config's `ignores`). */
  ignored: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Files the server linted that do not read like privacy policies. */
  notPolicies: number;
  /** Files the server could not lint (it said why). */
  problems: number;
  /** Files with at least one error or warning. */
  withFindings: number;
  cancelled: boolean;
  /** Set when the server failed and the run stopped. */
  failure?: string;
}

/** Splits a list into batches of at most `size`. */
export function batches<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  if (!(size >= 1)) throw new RangeError(`batch size must be at least 1, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Drops repeated URIs (nested workspace folders find the same file twice), keeping the first. */
export function uniqueFiles(files: readonly FileRef[]): FileRef[] {
  const seen = new Set<string>();
  return files.filter((f) => {
    if (seen.has(f.uri)) return false;
    seen.add(f.uri);
    return true;
  });
}

/**
 * Decodes a file's bytes as text with the one shared reader's rules (the CLI decodes the same
 * bytes the same way): UTF-8 (a BOM is dropped) or UTF-16. Binary or broken bytes, or a blank
 * file, give a problem instead. The size limit is the server's to apply, with the file's config.
 */
export function decodeText(bytes: Uint8Array): { text: string } | { problem: string } {
  const read = decodeBytes(bytes, Number.POSITIVE_INFINITY);
  return read.ok ? { text: read.text } : { problem: read.message.replace(/, skipped$/, '') };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export async function lintWorkspace(deps: LintWorkspaceDeps, batchSize = BATCH_SIZE): Promise<LintWorkspaceSummary> {
  const summary: LintWorkspaceSummary = {
    found: 0,
    linted: 0,
    skipped: 0,
    ignored: 0,
    errors: 0,
    warnings: 0,
    infos: 0,
    notPolicies: 0,
    problems: 0,
    withFindings: 0,
    cancelled: false,
  };
  const files = uniqueFiles(await deps.findFiles());
  summary.found = files.length;
  const byUri = new Map(files.map((f) => [f.uri, f]));
  let done = 0;
  deps.progress(0, files.length);
  for (const batch of batches(files, batchSize)) {
    if (deps.isCancelled()) break;
    const documents: LintDocumentsParams['documents'] = [];
    const read = await Promise.all(batch.map(async (file) => ({ file, result: await readOne(deps, file) })));
    for (const { file, result } of read) {
      if ('problem' in result) {
        summary.skipped++;
        deps.log(`Skipped ${file.label}: ${result.problem}.`);
      } else {
        documents.push({ uri: file.uri, text: result.text });
      }
    }
    if (deps.isCancelled()) break;
    if (documents.length) {
      let res: LintDocumentsResult;
      try {
        res = await deps.lintBatch(documents);
      } catch (err) {
        if (deps.isCancelled()) break;
        summary.failure = `the language server failed to lint ${documents.map((d) => byUri.get(d.uri)?.label ?? d.uri).join(', ')}: ${errorText(err)}`;
        deps.log(`Lint Workspace stopped: ${summary.failure}`);
        break;
      }
      for (const r of res.results) {
        const label = byUri.get(r.uri)?.label ?? r.uri;
        if (r.ignored) {
          summary.ignored++;
          deps.log(`Ignored ${label}: ${r.ignored}.`);
          continue;
        }
        if (r.problem) {
          summary.problems++;
          deps.log(`Could not lint ${label}: ${r.problem}`);
          continue;
        }
        summary.linted++;
        summary.errors += r.errors;
        summary.warnings += r.warnings;
        summary.infos += r.infos;
        if (!r.looksLikePolicy) {
          summary.notPolicies++;
          deps.log(`${label} does not read like a privacy policy.`);
        }
        if (r.errors + r.warnings > 0) summary.withFindings++;
      }
    }
    done += batch.length;
    deps.progress(done, files.length);
  }
  summary.cancelled = deps.isCancelled() && done < files.length;
  return summary;
}

async function readOne(deps: LintWorkspaceDeps, file: FileRef): Promise<{ text: string } | { problem: string }> {
  const open = deps.openText?.(file);
  if (open !== undefined) return { text: open };
  let bytes: Uint8Array;
  try {
    bytes = await deps.readFile(file);
  } catch (err) {
    return { problem: `it could not be read (${errorText(err)})` };
  }
  return decodeText(bytes);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The message shown when Lint Workspace ends, and how loudly to show it. */
export function summaryMessage(
  s: LintWorkspaceSummary,
  globs: readonly string[],
): { text: string; severity: 'info' | 'warning' | 'error' } {
  if (s.failure)
    return {
      text: `policylint: Lint Workspace stopped after ${plural(s.linted, 'file')}: ${s.failure}`,
      severity: 'error',
    };
  if (!s.found) {
    return {
      text: `policylint: no policy files found in the workspace (policylint.files: ${globs.join(', ') || 'none'}).`,
      severity: 'warning',
    };
  }
  const parts = [`${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}`];
  if (s.infos) parts.push(plural(s.infos, 'info', 'infos'));
  const extras: string[] = [];
  if (s.skipped) extras.push(`${plural(s.skipped, 'file')} skipped (see the output)`);
  if (s.ignored) extras.push(`${plural(s.ignored, 'file')} ignored (.policylintignore, .gitignore or "ignores")`);
  if (s.problems) extras.push(`${plural(s.problems, 'file')} could not be linted (see the output)`);
  if (s.notPolicies) extras.push(`${plural(s.notPolicies, 'file')} did not read like a privacy policy`);
  const head = s.cancelled
    ? `Lint Workspace cancelled after ${s.linted} of ${plural(s.found, 'file')}`
    : `linted ${plural(s.linted, 'file')}`;
  const text = `policylint: ${head}: ${parts.join(', ')}${extras.length ? `; ${extras.join('; ')}` : ''}.`;
  // Findings live in the Problems panel; the message only turns louder when files were left out.
  const severity = s.skipped || s.problems || s.cancelled ? 'warning' : 'info';
  return { text, severity };
}
