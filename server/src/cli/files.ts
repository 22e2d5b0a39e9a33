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
}

/**
 * Markdown files under `dir`, sorted, skipping node_modules and dot-folders. Symlinked folders
 * are not followed. Nothing is dropped without a word: a sub-folder that cannot be read, and a
 * name that is not valid UTF-8, become lines in `errors`; a Markdown name that is not a regular
 * file (a FIFO, a device, a looping or dangling link) is returned, so the reader refuses it
 * with the reason. `display` turns a found path into the path the user sees.
 */
function walkMarkdown(dir: string, errors: Discovery['errors'], display: (p: string) => string): string[] {
  const found: string[] = [];
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
        if (name.text === 'node_modules' || name.text.startsWith('.')) continue;
        if (!name.valid) errors.push({ file: display(full), message: 'folder name is not valid UTF-8, not searched (rename it to lint what it holds)' });
        else visit(full);
      } else if (MARKDOWN.test(name.text) && !(e.isSymbolicLink() && isDirectory(full))) {
        if (!name.valid) errors.push({ file: display(full), message: 'file name is not valid UTF-8, not linted (rename it to lint it)' });
        else found.push(full);
      }
    }
  };
  visit(dir);
  return found;
}

/** A file name as text: `valid` is false when its bytes are not UTF-8 (those bytes then read as \xNN). */
function utf8Name(bytes: Buffer): { text: string; valid: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), valid: true };
  } catch {
    let text = '';
    for (const b of bytes) text += b < 0x80 ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
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
 */
export function discover(args: readonly string[], cwd: string, fallbacks: Record<string, string> = {}): Discovery {
  const targets: Target[] = [];
  const errors: Discovery['errors'] = [];
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
    if (stat?.isDirectory()) {
      const before = errors.length;
      const files = walkMarkdown(abs, errors, (p) => path.join(arg, path.relative(abs, p)));
      if (!files.length && errors.length === before) errors.push({ file: arg, message: 'no Markdown files (*.md, *.markdown) in this directory' });
      for (const f of files) add(path.join(arg, path.relative(abs, f)), f);
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
      if (!matches.length) errors.push({ file: arg, message: 'no files match this pattern' });
      for (const m of matches) add(m, path.resolve(cwd, m));
    } else if (statError?.code === 'ENOENT' && arg.includes('\uFFFD')) {
      // The argument arrived as text with its non-UTF-8 bytes replaced: the name cannot be opened as given.
      errors.push({ file: arg, message: 'no such file or directory (the name given is not valid UTF-8; rename the file, or name its folder)' });
    } else {
      errors.push({ file: arg, message: describeFsError(statError) });
    }
  }
  return { targets, errors };
}
