// Reading a policy from disk or stdin, refusing what cannot be linted with one clear
// sentence: missing, unreadable, too large, binary, not UTF-8, empty.
import * as fs from 'node:fs';
import { DEFAULT_MAX_FILE_SIZE, sizeOverLimitText } from '../engine/config.js';

export interface ReadText {
  ok: true;
  /** The decoded text, without a byte order mark. */
  text: string;
  /** The file started with a UTF-8 byte order mark (restored when fixes are written). */
  bom: boolean;
}
export interface ReadFailure {
  ok: false;
  /** 'error' is an I/O or encoding problem (exit code 2); 'skip' is only a warning (an empty file). */
  kind: 'error' | 'skip';
  message: string;
}
export type ReadOutcome = ReadText | ReadFailure;

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

/** One short phrase for a file-system error, never a stack trace. */
export function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException | undefined;
  if (e?.code && ERRNO_TEXT[e.code]) return ERRNO_TEXT[e.code];
  if (e?.code) return `cannot read (${e.code})`;
  return `cannot read (${e instanceof Error ? e.message : String(err)})`;
}

/**
 * The refusal of a file over the limit. `bytes` is its size, or undefined when only part of
 * it was read (standard input stops at the limit).
 */
export function tooLarge(bytes: number | undefined, limit: number): ReadFailure {
  const text = sizeOverLimitText(bytes, limit);
  return {
    ok: false,
    kind: 'error',
    message: `too large to lint: ${text.size}, over the ${text.limit} limit (raise it with --max-file-size or "maxFileSize" in .policylintrc.json)`,
  };
}

/**
 * Decodes bytes as UTF-8 text, or says why it cannot. `complete` is false when the bytes are
 * only the start of the input (reading stopped past the limit).
 */
export function decodeBytes(bytes: Uint8Array, limit = DEFAULT_MAX_FILE_SIZE, complete = true): ReadOutcome {
  if (bytes.length > limit) return tooLarge(complete ? bytes.length : undefined, limit);
  if (bytes.length === 0) return { ok: false, kind: 'skip', message: 'empty file, skipped' };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, kind: 'error', message: 'UTF-16 text is not supported; save the file as UTF-8' };
  }
  if (bytes.includes(0)) return { ok: false, kind: 'error', message: 'binary file (contains NUL bytes), not linted' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let text: string;
  try {
    // The decoder drops a leading BOM by itself.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const where = at < bytes.length ? ` (first bad byte at offset ${at})` : '';
    return { ok: false, kind: 'error', message: `not valid UTF-8${where}; save the file as UTF-8` };
  }
  if (!text.trim()) return { ok: false, kind: 'skip', message: 'empty file, skipped' };
  return { ok: true, text, bom };
}

/** Offset of the first byte that breaks UTF-8. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return i;
}

/** Reads a file for linting. Checks the size before reading, so a huge file costs nothing. */
export function readPolicyFile(absPath: string, limit = DEFAULT_MAX_FILE_SIZE): ReadOutcome {
  try {
    const stat = fs.statSync(absPath);
    if (stat.isDirectory()) return { ok: false, kind: 'error', message: 'is a directory' };
    if (stat.size > limit) return tooLarge(stat.size, limit);
    // Bounded even after the check: a pipe or device reports size 0, and a file may grow.
    const bytes = readAtMost(absPath, limit + 1, stat.size + 1);
    return decodeBytes(bytes, limit, bytes.length <= limit);
  } catch (err) {
    return { ok: false, kind: 'error', message: describeFsError(err) };
  }
}

/** Reads at most `max` bytes of a file (all of it when it is shorter), in chunks of about `hint` bytes. */
function readAtMost(absPath: string, max: number, hint: number): Buffer {
  const fd = fs.openSync(absPath, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < max) {
      const chunk = Buffer.allocUnsafe(Math.min(max - total, Math.max(hint, 65_536)));
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(fd);
  }
}
