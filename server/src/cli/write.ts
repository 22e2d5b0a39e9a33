// Writing files atomically: a temporary file in the same directory, then a rename, so a
// reader (or a crash) never sees half a policy. The file keeps its mode, owner, group and
// hard links; a symbolic link keeps pointing at the same file; a read-only file is refused;
// a write that fails (a full disk) leaves the file's bytes as they were.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

/** The error thrown for a file that is not writable: the caller reports it, the file is left alone. */
export class ReadOnlyFileError extends Error {
  readonly code = 'EREADONLY';
  constructor(file: string) {
    super(`${file} is read-only; make it writable to apply fixes`);
  }
}

/**
 * The one call that puts bytes into an open file (`fs.writeSync`'s shape). Tests pass their
 * own to make a write fail part-way, as a full disk does; nothing else replaces it.
 */
export type WriteBytes = (fd: number, bytes: Uint8Array, offset: number, length: number, position: number) => number;

/** Writes all of `bytes` at the start of `fd`, however many calls it takes. */
function writeAll(fd: number, bytes: Uint8Array, write: WriteBytes): void {
  for (let done = 0; done < bytes.length; ) done += write(fd, bytes, done, bytes.length - done, done);
}

/**
 * Rewrites a file in place (same inode: its owner, group, mode and other names stay). The
 * new bytes go over the old ones before the file is cut to length, so the old blocks stay
 * allocated; if the write fails part-way, the original bytes are written back over them
 * (which needs no new space) and the file is cut back to its old length.
 */
function rewriteInPlace(file: string, bytes: Uint8Array, original: Uint8Array, write: WriteBytes): void {
  const fd = fs.openSync(file, 'r+');
  try {
    try {
      writeAll(fd, bytes, write);
      fs.ftruncateSync(fd, bytes.length);
      fs.fsyncSync(fd);
    } catch (err) {
      try {
        writeAll(fd, original, fs.writeSync);
        fs.ftruncateSync(fd, original.length);
      } catch {
        // nothing more can be done; the first error is the one to report
      }
      throw err;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes `data` to `target`. The data always goes to a temporary file first (a full disk fails
 * there, with the target unchanged). A file that is read-only is refused. When renaming the
 * temporary file over the target would lose something (the target has other hard links, or
 * another owner or group than a new file would get), the temporary file is removed and the
 * target rewritten in place, which keeps its inode, owner, group, mode and links (and puts
 * its bytes back if that write fails); otherwise the rename makes it atomic.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array, write: WriteBytes = fs.writeSync): void {
  let real = target;
  let stat: fs.Stats | undefined;
  try {
    real = fs.realpathSync(target);
    stat = fs.statSync(real);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const mode = stat ? stat.mode & 0o7777 : undefined;
  // Root may write anything: the mode bits say whether the owner meant the file to stay as it is.
  if (stat && (mode! & 0o222) === 0) throw new ReadOnlyFileError(target);
  if (stat) fs.accessSync(real, fs.constants.W_OK);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const dir = path.dirname(real);
  const tmp = path.join(dir, `.${path.basename(real)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let tmpExists = false;
  try {
    const fd = fs.openSync(tmp, 'wx', mode ?? 0o666);
    tmpExists = true;
    try {
      writeAll(fd, bytes, write);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (mode !== undefined) fs.chmodSync(tmp, mode); // open's mode is filtered by the umask
    const tmpStat = fs.statSync(tmp);
    if (stat?.isFile() && (stat.nlink > 1 || stat.uid !== tmpStat.uid || stat.gid !== tmpStat.gid)) {
      // The temporary write proved there is room; removing it gives that room to the rewrite.
      const original = fs.readFileSync(real);
      fs.unlinkSync(tmp);
      tmpExists = false;
      rewriteInPlace(real, bytes, original, write);
    } else {
      fs.renameSync(tmp, real);
      tmpExists = false;
    }
  } catch (err) {
    if (tmpExists) {
      try {
        fs.unlinkSync(tmp);
      } catch {
        // already gone
      }
    }
    throw err;
  }
}

/** Whether every line break in `text` is CRLF (and there is at least one). */
export function usesOnlyCrlf(text: string): boolean {
  let lf = 0;
  let crlf = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    lf++;
    if (text.charCodeAt(i - 1) === 13) crlf++;
  }
  return lf > 0 && lf === crlf;
}

/** Whether every line break in `text` is a lone CR (old Mac files), and there is at least one. */
export function usesOnlyCr(text: string): boolean {
  return text.includes('\r') && !text.includes('\n');
}

/**
 * The bytes to write back after fixing: a file that used only CRLF keeps only CRLF, one that
 * used only lone CRs keeps only CRs (even if a fix brought another line break), and a UTF-8
 * byte order mark that was there is put back.
 */
export function encodeFixed(original: string, fixed: string, bom: boolean): string {
  const text = usesOnlyCrlf(original)
    ? fixed.replace(/\r\n|\r|\n/g, '\r\n')
    : usesOnlyCr(original)
      ? fixed.replace(/\r\n|\n/g, '\r')
      : fixed;
  return (bom ? '\uFEFF' : '') + text;
}
