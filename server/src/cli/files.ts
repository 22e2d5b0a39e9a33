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

/** Markdown files under `dir`, sorted, skipping node_modules and dot-folders. Symlinked folders are not followed. */
function walkMarkdown(dir: string): string[] {
  const found: string[] = [];
  const visit = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return; // an unreadable subfolder is skipped; the folder itself was checked by the caller
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
        visit(full);
      } else if (MARKDOWN.test(e.name) && (e.isFile() || (e.isSymbolicLink() && isFile(full)))) {
        found.push(full);
      }
    }
  };
  visit(dir);
  return found;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
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
      const files = walkMarkdown(abs);
      if (!files.length) errors.push({ file: arg, message: 'no Markdown files (*.md, *.markdown) in this directory' });
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
    } else {
      errors.push({ file: arg, message: describeFsError(statError) });
    }
  }
  return { targets, errors };
}
