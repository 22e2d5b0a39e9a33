// One file's lint (or fix and write back), as a plain value that can cross a thread: the
// main thread runs it for `--jobs 1` and standard input, a worker thread for the rest.
import * as path from 'node:path';
import {
  fixText,
  lint,
  POLICY_FILE_PATTERN,
  type ConfigError,
  type FixType,
  type LintMessage,
  type LintOptions,
  type LintResult,
  type ResolvedConfig,
} from '../engine/index.js';
import { committedTextSync } from '../node/git.js';
import { loadConfigFor, type LoadedConfig } from '../node/config-files.js';
import { STDIN_NAME, type Target } from './files.js';
import { relativePath } from './io.js';
import { describeFsError, encodeText, type ReadOutcome } from '../node/read-file.js';
import { checklistGroups, type FileReport, type RunReport } from './report.js';
import { encodeFixed, writeFileAtomic, type WriteBytes } from './write.js';

/** What a lint run needs besides the file: the same in every thread. */
export interface LintSettings {
  cwd: string;
  /** --config */
  configPath?: string;
  /** --profile */
  profile?: string;
  fix: boolean;
  /** --fix-type (default: safe text fixes only). */
  fixTypes?: FixType[];
  quiet: boolean;
  /** --since: the git ref stale-effective-date compares with (default HEAD). */
  since?: string;
}

/** Everything one file adds to the run's report, in the order it is printed. */
export interface FileOutcome {
  report?: FileReport;
  /** Lines for standard error ("file: error: …"). */
  notes: string[];
  errors: RunReport['errors'];
  skipped: RunReport['skipped'];
  /** `--fix` on standard input: the fixed text, for standard output. */
  fixedStdin?: string;
}

/** One line for a config problem: file:line: key: what was expected. */
export function formatConfigError(e: ConfigError, cwd: string): string {
  const where = e.file
    ? `${relativePath(cwd, path.resolve(cwd, e.file))}${e.line ? `:${e.line}${e.column ? `:${e.column}` : ''}` : ''}`
    : 'config';
  return `${where}: ${e.severity ?? 'error'}: ${e.key ? `${e.key}: ` : ''}${e.message}`;
}

/** Loads configs, one per directory (or one for --config), and remembers every distinct problem. */
export class ConfigCache {
  private readonly byDir = new Map<string, LoadedConfig>();
  readonly errors: ConfigError[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly cwd: string,
    private readonly configPath?: string,
    private readonly profile?: string,
  ) {}

  for(absFile: string): LoadedConfig {
    const loaded = this.source(absFile);
    // A config with `overrides` resolves differently file by file.
    if (loaded.data?.overrides?.length) return this.load(absFile);
    return loaded;
  }

  /** The config file of a file and what it holds (its `ignores`), loaded once per directory. */
  source(absFile: string): LoadedConfig {
    const key = this.configPath ? '' : path.dirname(absFile);
    let loaded = this.byDir.get(key);
    if (!loaded) {
      loaded = this.load(absFile);
      this.byDir.set(key, loaded);
    }
    return loaded;
  }

  private load(absFile: string): LoadedConfig {
    const configPath = this.configPath ? path.resolve(this.cwd, this.configPath) : undefined;
    const loaded = loadConfigFor(absFile, { configPath, profile: this.profile });
    for (const e of loaded.errors) {
      const id = `${e.file ?? ''}\0${e.key ?? ''}\0${e.message}`;
      if (this.seen.has(id)) continue;
      this.seen.add(id);
      this.errors.push(e);
    }
    return loaded;
  }
}

/** The path a target's config is looked up from (standard input: the working directory). */
export function configPathOf(target: Target, cwd: string): string {
  return target.abs ?? path.join(cwd, STDIN_NAME);
}

/** An outcome that is one error line about the file. */
export function failedOutcome(target: Target, message: string): FileOutcome {
  return {
    notes: [`${target.display}: error: ${message}`],
    errors: [{ file: target.display, error: message }],
    skipped: [],
  };
}

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

/**
 * The engine's options for one file: a `*.policy.md` is a policy by declaration, and when
 * stale-effective-date is on, the file's committed text (from git) is the baseline.
 */
export function lintOptionsFor(
  target: Target,
  config: ResolvedConfig,
  settings: Pick<LintSettings, 'since'>,
): LintOptions {
  const baseline =
    target.abs && config.rules.has('stale-effective-date')
      ? committedTextSync(target.abs, settings.since ?? 'HEAD')
      : undefined;
  return { config, filePath: target.abs ?? STDIN_NAME, assumePolicy: declaresPolicy(target), baseline };
}

/** Whether a file is a policy by its name (`*.policy.md`), however short its text. */
export function declaresPolicy(target: Target): boolean {
  return POLICY_FILE_PATTERN.test(target.display);
}

/** The outcome of a file whose result came from the --cache. */
export function cachedOutcome(
  target: Target,
  text: string,
  cached: Pick<FileReport, 'looksLikePolicy' | 'checklist' | 'messages'>,
  config: ResolvedConfig,
): FileOutcome {
  const report: FileReport = {
    file: target.display,
    abs: target.abs,
    ...cached,
    groups: checklistGroups(cached.checklist, config),
    text,
    fixed: [],
  };
  return { report, notes: [], errors: [], skipped: [] };
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
): FileOutcome {
  if (!read.ok) {
    if (read.kind === 'error') return failedOutcome(target, read.message);
    return {
      notes: [`${target.display}: warning: ${read.message}`],
      errors: [],
      skipped: [{ file: target.display, reason: read.message }],
    };
  }
  const options = lintOptionsFor(target, config, settings);
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
