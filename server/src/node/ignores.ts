// Which files policylint leaves alone, shared by the CLI and the language server. A path is
// ignored when one of these takes it in:
//   - the defaults: anything inside a node_modules or .git folder;
//   - the .gitignore files of its git repository, from the repository's top folder down to
//     the file's own folder (outside a repository, no .gitignore counts);
//   - the .policylintignore files (gitignore syntax) in the same folders (outside a
//     repository: every folder above the file); their `!` patterns can re-include what a
//     .gitignore ignores;
//   - the `ignores` of the file's config (the caller passes the config it loaded).
// As in git, nothing inside an ignored folder can be re-included. Ignore files are read
// through the one file reader (a FIFO or a huge file is refused, with a problem naming it)
// and every folder's answer is kept for the life of the object: one object per run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configIgnorePattern } from '../engine/config.js';
import type { ConfigData } from '../engine/index.js';
import { pathInConfigDir } from './config-files.js';
import { lastMatch, parseIgnoreFile, type IgnoreRule } from './gitignore.js';
import { decodeBytes, readFileBytes } from './read-file.js';

export const POLICYLINTIGNORE = '.policylintignore';
export const GITIGNORE = '.gitignore';
/** Folders never linted inside. */
export const DEFAULT_IGNORED_FOLDERS = ['node_modules', '.git'] as const;
/** An ignore file larger than this is refused (real ones are a few kilobytes). */
export const MAX_IGNORE_FILE_SIZE = 1_048_576;

export type IgnoreReason =
  | { kind: 'default'; folder: string }
  | { kind: 'file'; file: string; line: number; pattern: string }
  | { kind: 'config'; file: string; pattern: string };

export interface IgnoreProblem {
  file: string;
  message: string;
}

/** The config a file is linted with, as far as its `ignores` go. */
export interface ConfigRef {
  file?: string;
  data?: ConfigData;
}

export class Ignores {
  /** Ignore files that could not be read, once each, in the order met. */
  readonly problems: IgnoreProblem[] = [];
  private readonly rules = new Map<string, IgnoreRule[]>();
  private readonly gitRoots = new Map<string, string | null>();
  private readonly folders = new Map<string, IgnoreReason | null>();

  /**
   * Why `absPath` is ignored, or undefined when it is not. `isDir`: the path is a folder (a
   * pattern ending in "/" matches folders only). `config`: the file's config, for its `ignores`.
   */
  check(absPath: string, isDir: boolean, config?: ConfigRef): IgnoreReason | undefined {
    const abs = path.resolve(absPath);
    const parent = path.dirname(abs);
    if (parent === abs) return undefined;
    const repo = this.gitRoot(parent);
    const top = repo ?? path.parse(abs).root;
    const reason = this.under(top, repo !== undefined, abs, isDir);
    if (reason) return reason;
    if (!config?.file || !config.data) return undefined;
    const pattern = configIgnorePattern(config.data, pathInConfigDir(config.file, abs));
    return pattern === undefined ? undefined : { kind: 'config', file: config.file, pattern };
  }

  /** Why `abs`, below `top`, is ignored by the defaults and the ignore files. */
  private under(top: string, inRepo: boolean, abs: string, isDir: boolean): IgnoreReason | undefined {
    if (abs === top || !abs.startsWith(top)) return undefined;
    const key = `${top}\0${abs}`;
    if (isDir && this.folders.has(key)) return this.folders.get(key) ?? undefined;
    const reason = this.decide(top, inRepo, abs, isDir);
    if (isDir) this.folders.set(key, reason ?? null);
    return reason;
  }

  private decide(top: string, inRepo: boolean, abs: string, isDir: boolean): IgnoreReason | undefined {
    const name = path.basename(abs);
    if ((DEFAULT_IGNORED_FOLDERS as readonly string[]).includes(name)) return { kind: 'default', folder: name };
    const parent = path.dirname(abs);
    const inherited = this.under(top, inRepo, parent, true);
    if (inherited) return inherited;
    // The folders whose ignore files apply, top first.
    const dirs: string[] = [];
    for (let d = parent; ; d = path.dirname(d)) {
      dirs.push(d);
      if (d === top || path.dirname(d) === d) break;
    }
    dirs.reverse();
    let decided: { rule: IgnoreRule; file: string } | undefined;
    for (const fileName of inRepo ? [GITIGNORE, POLICYLINTIGNORE] : [POLICYLINTIGNORE]) {
      for (const dir of dirs) {
        const file = path.join(dir, fileName);
        const rules = this.rulesOf(file);
        if (!rules.length) continue;
        const parts = path.relative(dir, abs).split(path.sep);
        const rule = lastMatch(rules, parts, isDir);
        if (rule) decided = { rule, file };
      }
    }
    if (!decided || decided.rule.negate) return undefined;
    return { kind: 'file', file: decided.file, line: decided.rule.line, pattern: decided.rule.pattern };
  }

  /** The nearest folder at or above `dir` holding a .git (folder or file), or undefined. */
  private gitRoot(dir: string): string | undefined {
    const chain: string[] = [];
    let found: string | null | undefined;
    for (let d = dir; ; d = path.dirname(d)) {
      const known = this.gitRoots.get(d);
      if (known !== undefined) {
        found = known;
        break;
      }
      chain.push(d);
      if (fs.existsSync(path.join(d, '.git'))) {
        found = d;
        break;
      }
      if (path.dirname(d) === d) {
        found = null;
        break;
      }
    }
    for (const d of chain) this.gitRoots.set(d, found);
    return found ?? undefined;
  }

  private rulesOf(file: string): IgnoreRule[] {
    let rules = this.rules.get(file);
    if (rules) return rules;
    rules = [];
    if (fs.existsSync(file)) {
      const read = readFileBytes(file, MAX_IGNORE_FILE_SIZE);
      const decoded = read.ok ? decodeBytes(read.bytes, MAX_IGNORE_FILE_SIZE, read.complete) : read;
      if (decoded.ok) rules = parseIgnoreFile(decoded.text);
      else if (decoded.kind === 'error') {
        const why = decoded.message.startsWith('too large')
          ? `too large (over ${MAX_IGNORE_FILE_SIZE} bytes)`
          : decoded.message;
        this.problems.push({ file, message: `cannot read ignore file: ${why}; its patterns are not used` });
      }
    }
    this.rules.set(file, rules);
    return rules;
  }
}

/** What ignored a path, in words: `show` turns a file's path into the one the reader sees. */
export function describeIgnore(reason: IgnoreReason, show: (file: string) => string = (f) => f): string {
  switch (reason.kind) {
    case 'default':
      return `the default ignores (files inside ${reason.folder} are never linted)`;
    case 'file':
      return `the pattern "${reason.pattern}" at ${show(reason.file)}:${reason.line}`;
    case 'config':
      return `the pattern "${reason.pattern}" in "ignores" of ${show(reason.file)}`;
  }
}
