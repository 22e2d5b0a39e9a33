// `policylint [paths]`: find the files, read them, load each one's config, lint (or fix and
// write back), print the report, and decide the exit code.
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { maxFileSizeOf } from '../engine/config.js';
import type { CliArgs } from './args.js';
import { colors, useColor } from './color.js';
import type { Target } from './files.js';
import { formatGithub } from './format-github.js';
import { formatGitlab } from './format-gitlab.js';
import { formatJson, JsonWriter } from './format-json.js';
import { formatSarif } from './format-sarif.js';
import { formatStylish } from './format-stylish.js';
import { packageRoot, packageVersion, relativePath, type CliIO } from './io.js';
import {
  cachedOutcome,
  ConfigCache,
  configPathOf,
  declaresPolicy,
  formatConfigError,
  type FileOutcome,
  type LintSettings,
} from './lint-setup.js';
import { cacheFilePath, cacheVariant, LintCache } from './cache.js';
import { CommittedTexts } from '../node/git.js';
import type { KnownBaseline } from './lint-file.js';
import { PARALLEL_MIN_FILES, runPool, workerAvailable, type PoolTask } from './pool.js';
import { Progress } from './progress.js';
import { discoverTargets } from './discover.js';
import { decodeBytes, describeFsError, readPolicyFile, type ReadOutcome } from '../node/read-file.js';
import type { RunReport } from './report.js';
import { countMessages } from './report.js';

export { ConfigCache, formatConfigError } from './lint-setup.js';

export const EXIT_OK = 0;
export const EXIT_LINT = 1;
export const EXIT_TROUBLE = 2;

/** Standard input, with the same checks as a file; reading stops once it is over `limit` bytes. */
export async function readStdin(io: CliIO, limit?: number): Promise<ReadOutcome> {
  try {
    return decodeBytes(await io.readStdin(limit), limit, false);
  } catch (err) {
    return { ok: false, kind: 'error', message: describeFsError(err) };
  }
}

/** How many worker threads a run of `files` files uses: 0 (lint in this process) for --jobs 1 or a small run. */
export function workerCount(jobs: number | undefined, files: number): number {
  const wanted = jobs ?? availableParallelism();
  if (wanted <= 1 || files < PARALLEL_MIN_FILES || !workerAvailable()) return 0;
  return Math.min(wanted, files);
}

/**
 * Lints every target and hands each outcome to `emit` in target order, as soon as it and those
 * before it are done (and keeps none after that): in this process, or the files (not standard
 * input) on worker threads.
 */
async function lintTargets(
  args: CliArgs,
  io: CliIO,
  targets: readonly Target[],
  configs: ConfigCache,
  cache: LintCache | undefined,
  emit: (outcome: FileOutcome) => void,
): Promise<void> {
  const settings: LintSettings = {
    cwd: io.cwd,
    configPath: args.config,
    profile: args.profile,
    fix: args.fix,
    fixTypes: args.fixTypes,
    quiet: args.quiet,
    since: args.since,
  };
  const progress = Progress.for(io.stderr, targets.length, io.stderrIsTTY, io.stderrColumns);
  // Outcomes that are done but wait for one before them; `next` is the first not yet emitted.
  const waiting = new Map<number, FileOutcome>();
  let next = 0;
  // Configs are loaded here, in target order, for every run: their problems are reported in the same order however the files are linted.
  const configOf = (t: Target) => configs.for(configPathOf(t, io.cwd)).config;
  const limits = targets.map((t) => args.maxFileSize ?? maxFileSizeOf(configOf(t)));
  // stale-effective-date's baseline, the committed text: one `git ls-tree` per repository gives
  // the blob ids, and the texts of the files linted are read in batches (git.ts).
  const wantsBaseline = (t: Target): t is Target & { abs: string } =>
    !!t.abs && configOf(t).rules.has('stale-effective-date');
  const committed = targets.some(wantsBaseline) ? new CommittedTexts(args.since ?? 'HEAD') : undefined;
  const knownOf = (t: Target): KnownBaseline | undefined =>
    committed && wantsBaseline(t) ? { baseline: committed.take(t.abs) } : undefined;
  // A result of stale-effective-date also depends on the committed text: its blob id is part of the key.
  const baselineKey = (t: Target): string => {
    if (!cache || !committed || !wantsBaseline(t)) return '';
    const oid = committed.blobOf(t.abs);
    return oid ? ` baseline ${committed.ref} ${oid}` : '';
  };
  const variantOf = (t: Target) => cacheVariant(declaresPolicy(t), args.quiet) + baselineKey(t);
  // With --cache, every file is read and hashed here; those with a stored result are not linted again.
  const reads = new Map<number, ReadOutcome>();
  const fromCache = new Map<number, FileOutcome>();
  if (cache) {
    for (const [i, t] of targets.entries()) {
      if (!t.abs) continue;
      const read = readPolicyFile(t.abs, limits[i]);
      reads.set(i, read);
      const hit = read.ok ? cache.get(t.abs, read.text, configOf(t), variantOf(t)) : undefined;
      if (read.ok && hit) {
        fromCache.set(i, cachedOutcome(t, read.text, hit, configOf(t)));
        reads.delete(i);
      }
    }
  }
  const tasks: PoolTask[] = targets.flatMap((t, index) =>
    t.abs && !fromCache.has(index) ? [{ index, display: t.display, abs: t.abs, limit: limits[index] }] : [],
  );
  // The linter (the Markdown parser, the rules' analysis) is loaded only when a file is to be linted here.
  const { lintFile } =
    tasks.length || targets.some((t) => !t.abs) ? await import('./lint-file.js') : { lintFile: undefined };
  committed?.plan(tasks.flatMap((task) => (wantsBaseline(targets[task.index]) ? [task.abs] : [])));
  const lintRead = (target: Target, read: ReadOutcome, known = knownOf(target)) =>
    lintFile!(target, read, configOf(target), settings, undefined, known);
  const lintHere = async (target: Target, i: number): Promise<FileOutcome> => {
    const read = reads.get(i) ?? (target.abs ? readPolicyFile(target.abs, limits[i]) : await readStdin(io, limits[i]));
    reads.delete(i);
    return lintRead(target, read);
  };
  const store = (i: number, outcome: FileOutcome) => {
    const t = targets[i];
    if (!cache || !t.abs || fromCache.has(i)) return;
    const report = outcome.report;
    if (report) cache.set(t.abs, report.text, configOf(t), variantOf(t), report);
    else cache.delete(t.abs);
  };
  const deliver = (i: number, outcome: FileOutcome) => {
    waiting.set(i, outcome);
    for (let o = waiting.get(next); o; o = waiting.get(next)) {
      waiting.delete(next);
      store(next, o);
      emit(o);
      next++;
    }
  };

  const workers = workerCount(args.jobs, tasks.length);
  if (!workers) {
    for (const [i, target] of targets.entries()) {
      progress.tick(i + 1, target.display);
      deliver(i, fromCache.get(i) ?? (await lintHere(target, i)));
      if (io.stdoutDrained) await io.stdoutDrained();
    }
  } else {
    let done = 0;
    const finished = (i: number, outcome: FileOutcome) => {
      progress.tick(++done, targets[i].display);
      deliver(i, outcome);
    };
    const data = { settings, crashOn: io.env.POLICYLINT_TEST_WORKER_CRASH || undefined };
    const pool = runPool(
      tasks,
      workers,
      data,
      (task, outcome) => finished(task.index, outcome),
      (task) => lintRead(targets[task.index], readPolicyFile(task.abs, task.limit), task.known),
      (task) => (task.known ? task : { ...task, known: knownOf(targets[task.index]) }),
    );
    for (const [i, outcome] of fromCache) finished(i, outcome);
    // Standard input is read and linted here while the workers lint the files.
    for (const [i, target] of targets.entries()) if (!target.abs) finished(i, await lintHere(target, i));
    await pool;
  }
  progress.done();
}

export async function runLint(args: CliArgs, io: CliIO): Promise<number> {
  const fallbacks = { corpus: path.join(packageRoot(), 'corpus') };
  const configs = new ConfigCache(io.cwd, args.config, args.profile);
  const {
    targets,
    errors: discoveryErrors,
    warnings,
    ignoreErrors,
  } = discoverTargets(args, io.cwd, configs, fallbacks);
  const report: RunReport = { results: [], errors: [], skipped: [], fix: args.fix, quiet: args.quiet, cwd: io.cwd };
  const notes: string[] = [...discoveryErrors, ...ignoreErrors].map((e) => `${e.file}: error: ${e.message}`);
  notes.push(...warnings.map((w) => `${w.file}: warning: ${w.message}`));
  report.errors.push(...[...discoveryErrors, ...ignoreErrors].map((e) => ({ file: e.file, error: e.message })));
  report.skipped.push(...warnings.map((w) => ({ file: w.file, reason: w.message })));
  // --fix changes files: it always lints (and leaves the cache as it is).
  const cache =
    args.cache && !args.fix ? LintCache.load(cacheFilePath(io.cwd, args.cacheLocation), packageVersion()) : undefined;
  const cacheNote = (problem: string) => `${relativePath(io.cwd, cache!.file)}: warning: ${problem}`;
  if (cache?.problem) notes.push(cacheNote(cache.problem));
  let fixedStdin: string | undefined;
  // The JSON report of files (not standard input) going to a file or a pipe is written as the
  // files are done, so that a run over thousands of files never holds every report (the config
  // problems and notes go to stderr at the end, as always); the other formats print at the end.
  const batched = batchedWriter(io.stdout);
  const streamed =
    args.format === 'json' && !io.stdoutIsTTY && targets.every((t) => t.abs)
      ? new JsonWriter(batched.write, args.fix)
      : undefined;
  const counts = { error: 0, warning: 0 };
  await lintTargets(args, io, targets, configs, cache, (outcome) => {
    if (outcome.report) {
      const n = countMessages([outcome.report]);
      counts.error += n.error;
      counts.warning += n.warning;
      if (streamed) streamed.result(outcome.report);
      else report.results.push(outcome.report);
    }
    notes.push(...outcome.notes);
    report.errors.push(...outcome.errors);
    report.skipped.push(...outcome.skipped);
    fixedStdin ??= outcome.fixedStdin;
  });
  const saveProblem = cache?.save();
  if (saveProblem) notes.push(cacheNote(saveProblem));

  const configLines = configs.errors.map((e) => formatConfigError(e, io.cwd));
  for (const e of configs.errors)
    if (e.severity !== 'warning')
      report.errors.push({ file: e.file ?? 'config', error: `${e.key ? `${e.key}: ` : ''}${e.message}` });
  for (const line of [...configLines, ...notes]) io.stderr(line + '\n');

  if (streamed) {
    streamed.end(report.errors, report.skipped);
    batched.flush();
    return exitCode(args, io, report, counts);
  }
  const color = colors(useColor(args.color, fixedStdin !== undefined ? io.stderrIsTTY : io.stdoutIsTTY, io.env));
  const text =
    args.format === 'json'
      ? formatJson(report)
      : args.format === 'sarif'
        ? formatSarif(report, packageVersion())
        : args.format === 'github'
          ? formatGithub(report)
          : args.format === 'gitlab'
            ? formatGitlab(report)
            : formatStylish(report, color);
  if (fixedStdin !== undefined) {
    io.stdout(fixedStdin);
    io.stderr(text);
  } else {
    io.stdout(text);
  }

  return exitCode(args, io, report, counts);
}

/** Collects small writes into blocks of about 64 KiB. */
function batchedWriter(out: (text: string) => void) {
  let buffer = '';
  return {
    write(text: string) {
      buffer += text;
      if (buffer.length >= 65_536) {
        out(buffer);
        buffer = '';
      }
    },
    flush() {
      if (buffer) out(buffer);
      buffer = '';
    },
  };
}

function exitCode(args: CliArgs, io: CliIO, report: RunReport, counts: { error: number; warning: number }): number {
  if (report.errors.length) return EXIT_TROUBLE;
  const overWarnings = args.maxWarnings !== undefined && args.maxWarnings >= 0 && counts.warning > args.maxWarnings;
  if (overWarnings) {
    io.stderr(`policylint found ${counts.warning} warnings; --max-warnings allows ${args.maxWarnings}.\n`);
  }
  return counts.error > 0 || overWarnings ? EXIT_LINT : EXIT_OK;
}
