// The one file reader, shared by the CLI, the language server (configs) and the client's
// Lint Workspace: bytes to text, or one clear phrase saying why not (missing, unreadable,
// not a regular file, too large, binary, not UTF-8, empty). UTF-8 (with or without a byte
// order mark) and UTF-16 (with a byte order mark, or without one when its NUL pattern makes
// it certain) are decoded the same way everywhere. Files are opened without blocking, checked
// with fstat (regular files only: a FIFO or a device never blocks or fills memory) and read
// at most up to the limit.
import * as fs from 'node:fs';
import { DEFAULT_MAX_FILE_SIZE, sizeOverLimitText } from '../engine/sizes.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface ReadText {
  ok: true;
  /** The decoded text, without a byte order mark. */
  text: string;
  /** The file started with a byte order mark (restored when fixes are written). */
  bom: boolean;
  /** How the bytes were decoded (fixes are written back the same way). */
  encoding: TextEncoding;
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
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  ENXIO: 'no such device or address',
  EREADONLY: 'the file is read-only (make it writable to apply fixes)',
};

/** One short phrase for a file-system error, never a stack trace. `verb` is what failed (read or write). */
export function describeFsError(err: unknown, verb: 'read' | 'write' = 'read'): string {
  const e = err as NodeJS.ErrnoException | undefined;
  if (e?.code && ERRNO_TEXT[e.code]) return ERRNO_TEXT[e.code];
  if (e?.code) return `cannot ${verb} (${e.code})`;
  return `cannot ${verb} (${e instanceof Error ? e.message : String(err)})`;
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

/** What a file that is not a regular file is, in a few words. */
export function specialFileKind(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'is a directory';
  if (stat.isFIFO()) return 'is a named pipe (FIFO), not a regular file';
  if (stat.isSocket()) return 'is a socket, not a regular file';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'is a device, not a regular file';
  return 'is not a regular file';
}

/**
 * Decodes bytes as text, or says why it cannot. `complete` is false when the bytes are
 * only the start of the input (reading stopped past the limit).
 */
/** One decoder for every UTF-8 file: without `stream` it keeps no state from one call to the next. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function decodeBytes(bytes: Uint8Array, limit = DEFAULT_MAX_FILE_SIZE, complete = true): ReadOutcome {
  if (bytes.length > limit) return tooLarge(complete ? bytes.length : undefined, limit);
  if (bytes.length === 0) return { ok: false, kind: 'skip', message: 'empty file, skipped' };
  const utf16 = utf16Of(bytes);
  let decoded: { text: string; bom: boolean; encoding: TextEncoding };
  if (utf16) {
    const body = utf16.bom ? bytes.subarray(2) : bytes;
    try {
      decoded = {
        text: new TextDecoder(utf16.encoding, { fatal: true, ignoreBOM: true }).decode(body),
        bom: utf16.bom,
        encoding: utf16.encoding,
      };
    } catch {
      return {
        ok: false,
        kind: 'error',
        message: `not valid ${utf16.encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'}; save the file as UTF-8`,
      };
    }
    if (decoded.text.includes('\0'))
      return { ok: false, kind: 'error', message: 'binary file (contains NUL characters), not linted' };
  } else {
    if (bytes.includes(0)) return { ok: false, kind: 'error', message: 'binary file (contains NUL bytes), not linted' };
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    try {
      // The decoder drops a leading BOM by itself.
      decoded = { text: UTF8.decode(bytes), bom, encoding: 'utf-8' };
    } catch {
      const at = firstInvalidUtf8(bytes);
      const where = at < bytes.length ? ` (first bad byte at offset ${at})` : '';
      return { ok: false, kind: 'error', message: `not valid UTF-8${where}; save the file as UTF-8` };
    }
  }
  if (!decoded.text.trim()) return { ok: false, kind: 'skip', message: 'empty file, skipped' };
  return { ok: true, ...decoded };
}

/**
 * Whether the bytes are UTF-16: a byte order mark says so, or (without one) an even length
 * with a NUL in every other byte of most characters and none in the others, which ASCII-range
 * text saved as UTF-16 always shows and binary data almost never does.
 */
function utf16Of(bytes: Uint8Array): { encoding: 'utf-16le' | 'utf-16be'; bom: boolean } | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const units = bytes.length / 2;
  if (evenNul === 0 && oddNul * 2 > units) return { encoding: 'utf-16le', bom: false };
  if (oddNul === 0 && evenNul * 2 > units) return { encoding: 'utf-16be', bom: false };
  return undefined;
}

/** Text encoded back the way it was read: the same encoding, and the byte order mark if there was one. */
export function encodeText(text: string, encoding: TextEncoding, bom: boolean): Buffer {
  const withBom = (bom ? '\uFEFF' : '') + text;
  if (encoding === 'utf-8') return Buffer.from(withBom, 'utf8');
  const le = Buffer.from(withBom, 'utf16le');
  return encoding === 'utf-16le' ? le : le.swap16();
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
  const read = readFileBytes(absPath, limit);
  if (!read.ok) return read;
  return decodeBytes(read.bytes, limit, read.complete);
}

/** Bytes read from a file, or why not. `complete` is false when reading stopped past the limit. */
export type ReadBytes = { ok: true; bytes: Buffer; complete: boolean } | ReadFailure;

/**
 * Reads at most `limit` + 1 bytes of a regular file. The file is opened without blocking (a
 * FIFO put in its place never stops the caller) and checked with fstat on the open descriptor,
 * so what is read is what was checked; anything but a regular file is refused.
 */
export function readFileBytes(absPath: string, limit = DEFAULT_MAX_FILE_SIZE): ReadBytes {
  let fd: number;
  try {
    fd = fs.openSync(absPath, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { ok: false, kind: 'error', message: describeFsError(err) };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { ok: false, kind: 'error', message: specialFileKind(stat) };
    if (stat.size > limit) return tooLarge(stat.size, limit);
    // Bounded even after the check: a file may grow while it is read.
    const bytes = readAtMost(fd, limit + 1, stat.size + 1);
    return { ok: true, bytes, complete: bytes.length <= limit };
  } catch (err) {
    return { ok: false, kind: 'error', message: describeFsError(err) };
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads at most `max` bytes from an open file (all of it when it is shorter), in chunks of about `hint` bytes. */
function readAtMost(fd: number, max: number, hint: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < max) {
    // The first chunk is the size fstat gave (plus the byte that shows the end); a file that grew gets 64 KiB more at a time.
    const chunk = Buffer.allocUnsafe(Math.min(max - total, chunks.length ? 65_536 : hint));
    const n = fs.readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    total += n;
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}
