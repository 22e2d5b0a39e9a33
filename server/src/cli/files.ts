// Which files a command line names: files as given, directories searched for Markdown,
// globs expanded with tinyglobby, and "-" for standard input.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync } from 'tinyglobby';
import { describeFsError } from '../node/read-file.js';

export const STDIN_NAME = '<stdin>';
const MARKDOWN = /\.(md|markdown)$/i;
const GLOB_CHARS = /[*?[\]{}]/;

export interface Target {
  /** The path as the user gave it (or as found under a directory they gave); "<stdin>" for stdin. */
  display: string;
  /** Absolute path; undefined for stdin. */
  abs?: string;
}

export interface Discovery {
  targets: Target[];
  /** One line per argument that named nothing to lint. */
  errors: { file: string; message: string }[];
  /** Arguments left out because the ignores take them in (one warning line each). */
  warnings: { file: string; message: string }[];
}

/** Why a path is ignored, in words, or undefined when it is not (`isDir`: it is a folder). */
export type IgnoreTest = (abs: string, isDir: boolean) => string | undefined;

/** What a folder search found: the files, and how many Markdown files the ignores left out. */
interface Walked {
  files: string[];
  ignored: number;
}

/**
 * Markdown files under `dir`, sorted, skipping node_modules and dot-folders, and the folders and
 * files `ignored` takes in (silently, as ESLint does). Symlinked folders are not followed. Nothing is dropped without a word: a sub-folder that cannot be read, and a
 * name that is not valid UTF-8, become lines in `errors`; a Markdown name that is not a regular
 * file (a FIFO, a device, a looping or dangling link) is returned, so the reader refuses it
 * with the reason. `display` turns a found path into the path the user sees.
 */
function walkMarkdown(
  dir: string,
  errors: Discovery['errors'],
  display: (p: string) => string,
  ignored?: IgnoreTest,
): Walked {
  const found: string[] = [];
  let skipped = 0;
  const visit = (d: string) => {
    let entries: fs.Dirent<Buffer>[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true, encoding: 'buffer' });
    } catch (err) {
      errors.push({ file: display(d), message: `cannot read this directory: ${describeFsError(err)}` });
      return;
    }
    const named = entries.map((e) => ({ e, name: utf8Name(e.name) }));
    named.sort((a, b) => (a.name.text < b.name.text ? -1 : a.name.text > b.name.text ? 1 : 0));
    for (const { e, name } of named) {
      const full = path.join(d, name.text);
      if (e.isDirectory()) {
        if (name.text === 'node_modules' || name.text.startsWith('.') || ignored?.(full, true)) continue;
        if (!name.valid)
          errors.push({
            file: display(full),
            message: 'folder name is not valid UTF-8, not searched (rename it to lint what it holds)',
          });
        else visit(full);
      } else if (MARKDOWN.test(name.text) && !(e.isSymbolicLink() && isDirectory(full))) {
        if (ignored?.(full, false)) skipped++;
        else if (!name.valid)
          errors.push({
            file: display(full),
            message: 'file name is not valid UTF-8, not linted (rename it to lint it)',
          });
        else found.push(full);
      }
    }
  };
  visit(dir);
  return { files: found, ignored: skipped };
}

/** A file name as text: `valid` is false when its bytes are not UTF-8 (those bytes then read as \xNN). */
function utf8Name(bytes: Buffer): { text: string; valid: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), valid: true };
  } catch {
    let text = '';
    for (const b of bytes)
      text += b < 0x80 ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
    return { text, valid: false };
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Resolves the command line's paths against `cwd`. `fallbacks` maps an argument that names
 * nothing in `cwd` to another place (used for `policylint corpus` outside the repository).
 * `ignored` (none: --no-ignore) leaves out what the ignores take in: silently inside a folder
 * or among a pattern's matches, with a warning for a file or folder named on the command line.
 */
export function discover(
  args: readonly string[],
  cwd: string,
  fallbacks: Record<string, string> = {},
  ignored?: IgnoreTest,
): Discovery {
  const targets: Target[] = [];
  const errors: Discovery['errors'] = [];
  const warnings: Discovery['warnings'] = [];
  const allIgnored = (arg: string, what: string) =>
    warnings.push({ file: arg, message: `${what} is ignored (--no-ignore lints them)` });
  const seen = new Set<string>();
  const add = (display: string, abs?: string) => {
    const key = abs ?? STDIN_NAME;
    if (seen.has(key)) return;
    seen.add(key);
    targets.push({ display, abs });
  };

  for (const arg of args) {
    if (arg === '-') {
      add(STDIN_NAME);
      continue;
    }
    let abs = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    let statError: NodeJS.ErrnoException | undefined;
    try {
      stat = fs.statSync(abs);
    } catch (err) {
      statError = err as NodeJS.ErrnoException;
    }
    if (!stat && statError?.code === 'ENOENT' && fallbacks[arg]) {
      abs = fallbacks[arg];
      try {
        stat = fs.statSync(abs);
      } catch {
        // report the argument as missing below
      }
    }
    const why = stat && ignored?.(abs, stat.isDirectory());
    if (why) {
      warnings.push({ file: arg, message: `ignored by ${why} (--no-ignore lints it)` });
    } else if (stat?.isDirectory()) {
      const before = errors.length;
      const walked = walkMarkdown(abs, errors, (p) => path.join(arg, path.relative(abs, p)), ignored);
      if (!walked.files.length && walked.ignored) allIgnored(arg, 'every Markdown file in this directory');
      else if (!walked.files.length && errors.length === before)
        errors.push({ file: arg, message: 'no Markdown files (*.md, *.markdown) in this directory' });
      for (const f of walked.files) add(path.join(arg, path.relative(abs, f)), f);
    } else if (stat) {
      add(arg, abs);
    } else if (statError?.code === 'ENOENT' && GLOB_CHARS.test(arg)) {
      let matches: string[] = [];
      try {
        matches = globSync(arg, {
          cwd,
          onlyFiles: true,
          dot: false,
          expandDirectories: false,
          ignore: ['**/node_modules/**'],
        }).sort();
      } catch (err) {
        errors.push({ file: arg, message: `invalid pattern: ${(err as Error).message}` });
        continue;
      }
      const kept = ignored ? matches.filter((m) => !ignored(path.resolve(cwd, m), false)) : matches;
      if (!matches.length) errors.push({ file: arg, message: 'no files match this pattern' });
      else if (!kept.length) allIgnored(arg, 'every file matching this pattern');
      for (const m of kept) add(m, path.resolve(cwd, m));
    } else if (statError?.code === 'ENOENT' && arg.includes('\uFFFD')) {
      // The argument arrived as text with its non-UTF-8 bytes replaced: the name cannot be opened as given.
      errors.push({
        file: arg,
        message: 'no such file or directory (the name given is not valid UTF-8; rename the file, or name its folder)',
      });
    } else {
      errors.push({ file: arg, message: describeFsError(statError) });
    }
  }
  return { targets, errors, warnings };
}
