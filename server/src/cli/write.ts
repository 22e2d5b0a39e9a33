// Writing files atomically: a temporary file in the same directory, then a rename, so a
// reader (or a crash) never sees half a policy. The file keeps its mode, owner, group and
// hard links; a symbolic link keeps pointing at the same file; a read-only file is refused.
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
 * Writes `data` to `target`. The data always goes to a temporary file first (a full disk fails
 * there, with the target unchanged). A file that is read-only is refused. When renaming the
 * temporary file over the target would lose something (the target has other hard links, or
 * another owner or group than a new file would get), the target is then rewritten in place,
 * which keeps its inode, owner, group, mode and links; otherwise the rename makes it atomic.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
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
  const dir = path.dirname(real);
  const tmp = path.join(dir, `.${path.basename(real)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(tmp, data, { flag: 'wx', mode: mode ?? 0o666 });
    if (mode !== undefined) fs.chmodSync(tmp, mode); // writeFileSync's mode is filtered by the umask
    const tmpStat = fs.statSync(tmp);
    if (stat && (stat.nlink > 1 || stat.uid !== tmpStat.uid || stat.gid !== tmpStat.gid)) {
      fs.writeFileSync(real, data);
      fs.unlinkSync(tmp);
    } else {
      fs.renameSync(tmp, real);
    }
  } catch (err) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // the temporary file was never created, or is already gone
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
  const text = usesOnlyCrlf(original) ? fixed.replace(/\r\n|\r|\n/g, '\r\n') : usesOnlyCr(original) ? fixed.replace(/\r\n|\n/g, '\r') : fixed;
  return (bom ? '\uFEFF' : '') + text;
}
