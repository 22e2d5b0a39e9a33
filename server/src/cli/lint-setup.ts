// What the CLI needs about a file before (or instead of) linting it: the settings, the
// configs, the outcome shapes and the outcome of a --cache hit. Nothing here loads the
// engine's linter (the Markdown parser, the rules' analysis): a re-run where every file hits
// the cache never loads it; lint-file.ts does, and is imported only when a file is linted.
import * as path from 'node:path';
import type { ConfigError } from '../engine/types.js';
import { POLICY_FILE_PATTERN } from '../engine/types.js';
import { loadConfigFor, type LoadedConfig } from '../node/config-files.js';
import type { FixType } from '../engine/fix-kinds.js';
import type { ResolvedConfig } from '../engine/types.js';
import { STDIN_NAME, type Target } from './files.js';
import { relativePath } from './io.js';
import { checklistGroups, type FileReport, type RunReport } from './report.js';

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
