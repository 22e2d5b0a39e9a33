// Reading a policy from disk or stdin, refusing what cannot be linted with one clear
// sentence: missing, unreadable, too large, binary, not UTF-8, empty.
import * as fs from 'node:fs';

/** Files above this size are not linted. */
export const MAX_FILE_BYTES = 10_000_000;
const MB = 1_000_000;

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

export function formatMB(bytes: number): string {
  const mb = bytes / MB;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

function tooLarge(bytes: number): ReadFailure {
  return { ok: false, kind: 'error', message: `too large to lint (${formatMB(bytes)} > ${formatMB(MAX_FILE_BYTES)})` };
}

/** Decodes bytes as UTF-8 text, or says why it cannot. */
export function decodeBytes(bytes: Uint8Array): ReadOutcome {
  if (bytes.length > MAX_FILE_BYTES) return tooLarge(bytes.length);
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
export function readPolicyFile(absPath: string): ReadOutcome {
  try {
    const stat = fs.statSync(absPath);
    if (stat.isDirectory()) return { ok: false, kind: 'error', message: 'is a directory' };
    if (stat.size > MAX_FILE_BYTES) return tooLarge(stat.size);
    return decodeBytes(fs.readFileSync(absPath));
  } catch (err) {
    return { ok: false, kind: 'error', message: describeFsError(err) };
  }
}
