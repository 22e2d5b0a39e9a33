// The committed version of a file, read through the git binary (never a git library, never
// the repository's files directly): for stale-effective-date. Nothing from the repository
// runs: no hooks, no filters, no textconv, and fsmonitor is switched off. Every call has a
// timeout; a file outside a repository, untracked or unreadable gives undefined.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { Baseline } from '../engine/index.js';

export const GIT_TIMEOUT_MS = 3000;
const MAX_BUFFER = 64 * 1024 * 1024;

/** Whether a directory or one of its parents holds a .git entry (a cheap check before spawning git). */
export function inGitRepository(file: string): boolean {
  for (let dir = path.dirname(path.resolve(file)); ; ) {
    if (existsSync(path.join(dir, '.git'))) return true;
    const up = path.dirname(dir);
    if (up === dir) return false;
    dir = up;
  }
}

/** A ref the user typed: refused when it could be read as an option or a path trick. */
export function validRef(ref: string): boolean {
  return /^[A-Za-z0-9_][\w./@{}~^-]*$/.test(ref) && !ref.includes('..') && ref.length <= 200;
}

function gitArgs(file: string, ref: string): { args: string[]; cwd: string } {
  const cwd = path.dirname(path.resolve(file));
  // `REF:./name` is the blob at that path relative to cwd; cat-file prints it raw (no filters).
  return {
    cwd,
    args: [
      '-c',
      'core.fsmonitor=false',
      '-c',
      'core.hooksPath=/dev/null',
      '--no-pager',
      'cat-file',
      'blob',
      `${ref}:./${path.basename(file)}`,
    ],
  };
}

const ENV = { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };

function decode(out: Buffer): string | undefined {
  const text = out.toString('utf8');
  return text.includes('\uFFFD') || text.includes('\0') ? undefined : text.replace(/^\uFEFF/, '');
}

/** The text of `file` at `ref` (default HEAD), synchronously (the command line). */
export function committedTextSync(file: string, ref = 'HEAD', timeoutMs = GIT_TIMEOUT_MS): Baseline | undefined {
  if (!validRef(ref) || !inGitRepository(file)) return undefined;
  const { args, cwd } = gitArgs(file, ref);
  try {
    const out = execFileSync('git', args, {
      cwd,
      env: ENV,
      timeout: timeoutMs,
      maxBuffer: MAX_BUFFER,
      stdio: ['ignore', 'pipe', 'ignore'],
      windowsHide: true,
    });
    const text = decode(out);
    return text === undefined ? undefined : { text, ref };
  } catch {
    return undefined;
  }
}

/** The same, without blocking (the language server). */
export function committedText(file: string, ref = 'HEAD', timeoutMs = GIT_TIMEOUT_MS): Promise<Baseline | undefined> {
  if (!validRef(ref) || !inGitRepository(file)) return Promise.resolve(undefined);
  const { args, cwd } = gitArgs(file, ref);
  return new Promise((resolve) => {
    execFile(
      'git',
      args,
      { cwd, env: ENV, timeout: timeoutMs, maxBuffer: MAX_BUFFER, encoding: 'buffer', windowsHide: true },
      (err, stdout) => {
        if (err) return resolve(undefined);
        const text = decode(stdout);
        resolve(text === undefined ? undefined : { text, ref });
      },
    );
  });
}
