// The committed version of a file, read through the git binary (never a git library, never
// the repository's files directly): for stale-effective-date. Nothing from the repository
// runs: no hooks, no filters, no textconv, and fsmonitor is switched off. Every call has a
// timeout; a file outside a repository, untracked or unreadable gives undefined.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import type { Baseline } from '../engine/index.js';

export const GIT_TIMEOUT_MS = 3000;
const MAX_BUFFER = 64 * 1024 * 1024;

/** The synchronous spawn every CLI call of git goes through: replaced only by tests that count the processes. */
export const gitSpawn: { execFileSync: typeof execFileSync } = { execFileSync };

/** Whether a directory or one of its parents holds a .git entry (a cheap check before spawning git). */
export function inGitRepository(file: string): boolean {
  return repositoryRoot(file) !== undefined;
}

/** The nearest directory holding `file` with a .git entry (the repository git would find), if any. */
function repositoryRoot(file: string): string | undefined {
  for (let dir = path.dirname(path.resolve(file)); ; ) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
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

const SAFE = ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '--no-pager'];

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
    const out = gitSpawn.execFileSync('git', args, {
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

/** One repository's files at the ref: path from the root (with /) to blob id and size. */
type Tree = Map<string, { oid: string; size: number }>;

/** At most this many bytes of blobs are read by one `git cat-file --batch` (and held until linted). */
const BATCH_BYTES = 16 * 1024 * 1024;

/**
 * The committed texts of a command-line run's files at one ref, read with a constant number of
 * git processes: one `git ls-tree -r` per repository gives every file's blob id (which keys the
 * cache: the same blob is the same baseline), and one `git cat-file --batch` per repository
 * reads the blobs of the files that are linted (`plan`, `take`), in batches of at most BATCH_BYTES.
 * Same answers as committedTextSync: a file outside a repository, untracked, not a blob at the
 * ref or not text gives undefined; nothing from the repository runs; every process has the timeout.
 */
export class CommittedTexts {
  private readonly trees = new Map<string, Tree | undefined>();
  private readonly texts = new Map<string, Baseline | undefined>();

  constructor(
    readonly ref = 'HEAD',
    private readonly timeoutMs = GIT_TIMEOUT_MS,
  ) {}

  /** The repository root and the path in it of `file`, with its tree (undefined: not in one, or git failed). */
  private locate(file: string): { root: string; rel: string; tree: Tree } | undefined {
    if (!this.located.has(file)) this.located.set(file, this.find(file));
    return this.located.get(file);
  }

  private readonly located = new Map<string, { root: string; rel: string; tree: Tree } | undefined>();

  private find(file: string): { root: string; rel: string; tree: Tree } | undefined {
    if (!validRef(this.ref)) return undefined;
    const root = repositoryRoot(file);
    if (root === undefined) return undefined;
    let tree = this.trees.get(root);
    if (!this.trees.has(root)) {
      tree = this.listTree(root);
      this.trees.set(root, tree);
    }
    if (!tree) return undefined;
    let rel: string;
    try {
      // As git sees it: both sides with their symbolic links resolved.
      rel = path.relative(
        realpathSync(root),
        path.join(realpathSync(path.dirname(path.resolve(file))), path.basename(file)),
      );
    } catch {
      return undefined;
    }
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return { root, rel: rel.split(path.sep).join('/'), tree };
  }

  private listTree(root: string): Tree | undefined {
    try {
      const out = gitSpawn.execFileSync('git', [...SAFE, 'ls-tree', '-r', '-l', '-z', '--full-tree', this.ref], {
        cwd: root,
        env: ENV,
        timeout: this.timeoutMs,
        maxBuffer: MAX_BUFFER,
        stdio: ['ignore', 'pipe', 'ignore'],
        windowsHide: true,
      });
      const tree: Tree = new Map();
      // `<mode> SP <type> SP <oid> SP+ <size> TAB <path> NUL`
      for (const entry of out.toString('utf8').split('\0')) {
        const m = /^\d+ blob ([0-9a-f]+) +(\d+)\t/.exec(entry);
        if (m) tree.set(entry.slice(m[0].length), { oid: m[1], size: Number(m[2]) });
      }
      return tree;
    } catch {
      return undefined;
    }
  }

  /** The blob id of `file` at the ref (undefined as committedTextSync would give undefined, or not text). */
  blobOf(file: string): string | undefined {
    const at = this.locate(file);
    return at?.tree.get(at.rel)?.oid;
  }

  /**
   * The files whose texts will be taken, in about the order they will be: a text not read yet
   * is read with those planned after it, up to BATCH_BYTES of blobs per git process.
   */
  plan(files: readonly string[]): void {
    this.planned = [...files];
    this.next = 0;
  }

  private planned: string[] = [];
  private next = 0;

  private read(files: readonly string[]): void {
    const byRoot = new Map<string, { file: string; oid: string; size: number }[]>();
    let bytes = 0;
    for (const file of files) {
      if (this.texts.has(file)) continue;
      const at = this.locate(file);
      const blob = at?.tree.get(at.rel);
      if (!at || !blob) {
        this.texts.set(file, undefined);
        continue;
      }
      if (bytes && bytes + blob.size > BATCH_BYTES) break;
      bytes += blob.size;
      let list = byRoot.get(at.root);
      if (!list) byRoot.set(at.root, (list = []));
      list.push({ file, ...blob });
    }
    for (const [root, list] of byRoot) this.readBlobs(root, list);
  }

  private readBlobs(root: string, list: readonly { file: string; oid: string }[]): void {
    for (const { file } of list) this.texts.set(file, undefined);
    let out: Buffer;
    try {
      out = gitSpawn.execFileSync('git', [...SAFE, 'cat-file', '--batch'], {
        cwd: root,
        env: ENV,
        input: `${[...new Set(list.map((b) => b.oid))].join('\n')}\n`,
        timeout: this.timeoutMs,
        maxBuffer: MAX_BUFFER + BATCH_BYTES,
        stdio: ['pipe', 'pipe', 'ignore'],
        windowsHide: true,
      });
    } catch {
      return;
    }
    // `<oid> SP blob SP <size> LF <bytes> LF`, or `<oid> SP missing LF`
    const blobs = new Map<string, Buffer>();
    for (let at = 0; at < out.length; ) {
      const eol = out.indexOf(10, at);
      if (eol < 0) break;
      const [oid, type, size] = out.toString('latin1', at, eol).split(' ');
      if (type === 'missing' || size === undefined) {
        at = eol + 1;
        continue;
      }
      const n = Number(size);
      if (type === 'blob') blobs.set(oid, out.subarray(eol + 1, eol + 1 + n));
      at = eol + 1 + n + 1;
    }
    for (const { file, oid } of list) {
      const bytes = blobs.get(oid);
      const text = bytes && decode(bytes);
      if (text !== undefined) this.texts.set(file, { text, ref: this.ref });
    }
  }

  /** The committed text of `file` (read now when no prefetch read it); a prefetched text is given once, then dropped. */
  take(file: string): Baseline | undefined {
    if (!this.texts.has(file)) {
      while (this.next < this.planned.length && this.texts.has(this.planned[this.next])) this.next++;
      const at = this.planned.indexOf(file, this.next);
      this.read(at < 0 ? [file] : [file, ...this.planned.slice(at + 1)]);
    }
    const baseline = this.texts.get(file);
    this.texts.delete(file);
    return baseline;
  }
}
