// `policylint [paths]`: find the files, read them, load each one's config, lint (or fix and
// write back), print the report, and decide the exit code.
import * as path from 'node:path';
import { fixText, lint, POLICY_FILE_PATTERN, type ConfigError, type LintMessage, type LintResult } from '../engine/index.js';
import { loadConfigFor, type LoadedConfig } from '../node/config-files.js';
import type { CliArgs } from './args.js';
import { colors, useColor } from './color.js';
import { discover, STDIN_NAME, type Target } from './files.js';
import { formatJson } from './format-json.js';
import { formatSarif } from './format-sarif.js';
import { formatStylish } from './format-stylish.js';
import { packageRoot, packageVersion, relativePath, type CliIO } from './io.js';
import { Progress } from './progress.js';
import { decodeBytes, describeFsError, readPolicyFile, type ReadOutcome } from './read.js';
import type { FileReport, RunReport } from './report.js';
import { countMessages } from './report.js';
import { encodeFixed, writeFileAtomic } from './write.js';

export const EXIT_OK = 0;
export const EXIT_LINT = 1;
export const EXIT_TROUBLE = 2;

/** One line for a config problem: file:line: key: what was expected. */
export function formatConfigError(e: ConfigError, cwd: string): string {
  const where = e.file ? `${relativePath(cwd, path.resolve(cwd, e.file))}${e.line ? `:${e.line}` : ''}` : 'config';
  return `${where}: error: ${e.key ? `${e.key}: ` : ''}${e.message}`;
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
    const key = this.configPath ? '' : path.dirname(absFile);
    let loaded = this.byDir.get(key);
    if (!loaded) {
      const configPath = this.configPath ? path.resolve(this.cwd, this.configPath) : undefined;
      loaded = loadConfigFor(absFile, { configPath, profile: this.profile });
      this.byDir.set(key, loaded);
      for (const e of loaded.errors) {
        const id = `${e.file ?? ''}\0${e.key ?? ''}\0${e.message}`;
        if (this.seen.has(id)) continue;
        this.seen.add(id);
        this.errors.push(e);
      }
    }
    return loaded;
  }
}

/** Standard input, with the same checks as a file. */
export async function readStdin(io: CliIO): Promise<ReadOutcome> {
  try {
    return decodeBytes(await io.readStdin());
  } catch (err) {
    return { ok: false, kind: 'error', message: describeFsError(err) };
  }
}

function toReport(target: Target, result: LintResult, text: string, fixed: LintMessage[], quiet: boolean): FileReport {
  return {
    file: target.display,
    abs: target.abs,
    looksLikePolicy: result.looksLikePolicy,
    checklist: result.checklist,
    messages: quiet ? result.messages.filter((m) => m.severity === 'error') : result.messages,
    text,
    fixed,
  };
}

export async function runLint(args: CliArgs, io: CliIO): Promise<number> {
  const fallbacks = { corpus: path.join(packageRoot(), 'corpus') };
  const { targets, errors: discoveryErrors } = discover(args.paths, io.cwd, fallbacks);
  const report: RunReport = { results: [], errors: [], skipped: [], fix: args.fix, cwd: io.cwd };
  const notes: string[] = discoveryErrors.map((e) => `${e.file}: error: ${e.message}`);
  report.errors.push(...discoveryErrors.map((e) => ({ file: e.file, error: e.message })));

  const configs = new ConfigCache(io.cwd, args.config, args.profile);
  const progress = Progress.for(io.stderr, targets.length, io.stderrIsTTY, io.stderrColumns);
  let fixedStdin: string | undefined;

  for (const [i, target] of targets.entries()) {
    progress.tick(i + 1, target.display);
    const read: ReadOutcome = target.abs ? readPolicyFile(target.abs) : await readStdin(io);
    if (!read.ok) {
      if (read.kind === 'skip') {
        notes.push(`${target.display}: warning: ${read.message}`);
        report.skipped.push({ file: target.display, reason: read.message });
      } else {
        notes.push(`${target.display}: error: ${read.message}`);
        report.errors.push({ file: target.display, error: read.message });
      }
      continue;
    }
    const abs = target.abs ?? path.join(io.cwd, STDIN_NAME);
    const { config } = configs.for(abs);
    const options = { config, filePath: target.abs ?? STDIN_NAME, assumePolicy: POLICY_FILE_PATTERN.test(target.display) };
    try {
      if (!args.fix) {
        report.results.push(toReport(target, lint(read.text, options), read.text, [], args.quiet));
        continue;
      }
      const fixed = fixText(read.text, options);
      const changed = fixed.text !== read.text;
      if (!target.abs) {
        fixedStdin = encodeFixed(read.text, fixed.text, read.bom);
        report.results.push(toReport(target, fixed.result, fixed.text, fixed.fixed, args.quiet));
        continue;
      }
      if (changed) {
        try {
          writeFileAtomic(target.abs, encodeFixed(read.text, fixed.text, read.bom));
        } catch (err) {
          const message = `could not write the fixes: ${describeFsError(err)}`;
          notes.push(`${target.display}: error: ${message}`);
          report.errors.push({ file: target.display, error: message });
          report.results.push(toReport(target, lint(read.text, options), read.text, [], args.quiet));
          continue;
        }
      }
      report.results.push(toReport(target, fixed.result, fixed.text, changed ? fixed.fixed : [], args.quiet));
    } catch (err) {
      // The engine promises not to throw; if it does, this file is reported and the rest go on.
      const message = `internal error while linting: ${(err as Error)?.message ?? String(err)}`;
      notes.push(`${target.display}: error: ${message}`);
      report.errors.push({ file: target.display, error: message });
    }
  }
  progress.done();

  const configLines = configs.errors.map((e) => formatConfigError(e, io.cwd));
  for (const e of configs.errors) report.errors.push({ file: e.file ?? 'config', error: `${e.key ? `${e.key}: ` : ''}${e.message}` });
  for (const line of [...configLines, ...notes]) io.stderr(line + '\n');

  const color = colors(useColor(args.color, fixedStdin !== undefined ? io.stderrIsTTY : io.stdoutIsTTY, io.env));
  const text =
    args.format === 'json'
      ? formatJson(report)
      : args.format === 'sarif'
        ? formatSarif(report, packageVersion())
        : formatStylish(report, color);
  if (fixedStdin !== undefined) {
    io.stdout(fixedStdin);
    io.stderr(text);
  } else {
    io.stdout(text);
  }

  if (report.errors.length) return EXIT_TROUBLE;
  const counts = countMessages(report.results);
  const overWarnings = args.maxWarnings !== undefined && args.maxWarnings >= 0 && counts.warning > args.maxWarnings;
  if (overWarnings) {
    io.stderr(`policylint found ${counts.warning} warnings; --max-warnings allows ${args.maxWarnings}.\n`);
  }
  return counts.error > 0 || overWarnings ? EXIT_LINT : EXIT_OK;
}
