// One file's lint (or fix and write back), as a plain value that can cross a thread: the
// main thread runs it for `--jobs 1` and standard input, a worker thread for the rest.
import {
  type Baseline,
  fixText,
  lint,
  type LintMessage,
  type LintOptions,
  type LintResult,
  type ResolvedConfig,
} from '../engine/index.js';
import { committedTextSync } from '../node/git.js';
import { STDIN_NAME, type Target } from './files.js';
import { describeFsError, encodeText, type ReadOutcome } from '../node/read-file.js';
import { declaresPolicy, failedOutcome, type FileOutcome, type LintSettings } from './lint-setup.js';
import { checklistGroups, type FileReport } from './report.js';
import { encodeFixed, writeFileAtomic, type WriteBytes } from './write.js';

export {
  cachedOutcome,
  ConfigCache,
  configPathOf,
  declaresPolicy,
  failedOutcome,
  formatConfigError,
  type FileOutcome,
  type LintSettings,
} from './lint-setup.js';

/**
 * A message as a report keeps it: its fix and suggestions without their edits. No report
 * prints an edit, and the edits of inserted sections are most of a run's memory (and of its
 * --cache) when thousands of files are linted.
 */
function withoutEdits(m: LintMessage): LintMessage {
  if (!m.fix && !m.suggestions) return m;
  return { ...m, fix: m.fix && { ...m.fix, edits: [] }, suggestions: m.suggestions?.map((s) => ({ ...s, edits: [] })) };
}

function toReport(
  target: Target,
  result: LintResult,
  text: string,
  fixed: LintMessage[],
  quiet: boolean,
  config: ResolvedConfig,
): FileReport {
  const messages = quiet ? result.messages.filter((m) => m.severity === 'error') : result.messages;
  return {
    file: target.display,
    abs: target.abs,
    looksLikePolicy: result.looksLikePolicy,
    checklist: result.checklist,
    groups: checklistGroups(result.checklist, config),
    messages: messages.map(withoutEdits),
    text,
    fixed: fixed.map(withoutEdits),
  };
}

/** A file's committed text when the caller has read it already (CommittedTexts): `baseline` undefined is none. */
export interface KnownBaseline {
  baseline?: Baseline;
}

/**
 * The engine's options for one file: a `*.policy.md` is a policy by declaration, and when
 * stale-effective-date is on, the file's committed text (from git, or `known`) is the baseline.
 */
export function lintOptionsFor(
  target: Target,
  config: ResolvedConfig,
  settings: Pick<LintSettings, 'since'>,
  known?: KnownBaseline,
): LintOptions {
  const baseline =
    target.abs && config.rules.has('stale-effective-date')
      ? known
        ? known.baseline
        : committedTextSync(target.abs, settings.since ?? 'HEAD')
      : undefined;
  return { config, filePath: target.abs ?? STDIN_NAME, assumePolicy: declaresPolicy(target), baseline };
}

/**
 * Lints one file that has been read (with --fix: fixes it and writes it back atomically).
 * `write` is the writer's byte-level call, replaced only by tests that make the disk full.
 */
export function lintFile(
  target: Target,
  read: ReadOutcome,
  config: ResolvedConfig,
  settings: LintSettings,
  write?: WriteBytes,
  known?: KnownBaseline,
): FileOutcome {
  if (!read.ok) {
    if (read.kind === 'error') return failedOutcome(target, read.message);
    return {
      notes: [`${target.display}: warning: ${read.message}`],
      errors: [],
      skipped: [{ file: target.display, reason: read.message }],
    };
  }
  const options = lintOptionsFor(target, config, settings, known);
  const done = (report: FileReport): FileOutcome => ({ report, notes: [], errors: [], skipped: [] });
  try {
    if (!settings.fix) return done(toReport(target, lint(read.text, options), read.text, [], settings.quiet, config));
    const fixed = fixText(read.text, { ...options, types: settings.fixTypes ?? ['safe'] });
    const changed = fixed.text !== read.text;
    if (!target.abs) {
      return {
        ...done(toReport(target, fixed.result, fixed.text, fixed.fixed, settings.quiet, config)),
        fixedStdin: encodeFixed(read.text, fixed.text, read.bom),
      };
    }
    if (changed) {
      try {
        writeFileAtomic(
          target.abs,
          encodeText(encodeFixed(read.text, fixed.text, false), read.encoding, read.bom),
          write,
        );
      } catch (err) {
        // The writer leaves the file's bytes as they were when it fails.
        const outcome = failedOutcome(
          target,
          `could not write the fixes: ${describeFsError(err, 'write')}; not changed`,
        );
        return {
          ...outcome,
          report: toReport(target, lint(read.text, options), read.text, [], settings.quiet, config),
        };
      }
    }
    return done(toReport(target, fixed.result, fixed.text, changed ? fixed.fixed : [], settings.quiet, config));
  } catch (err) {
    // The engine promises not to throw; if it does, this file is reported and the rest go on.
    return failedOutcome(target, `internal error while linting: ${(err as Error)?.message ?? String(err)}`);
  }
}
