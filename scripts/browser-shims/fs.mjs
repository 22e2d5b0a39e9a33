// node:fs in the web-worker server bundle. There is no file system; the only files are the
// ones the web extension's client reads through vscode.workspace.fs and sends to the server
// (config files: the policylint/workspaceFiles notification, see server/src/server-browser.ts),
// kept here in memory by path. Any other path fails the way a missing file does, and the
// server falls back to defaults. Only the synchronous calls the shared Node-side code makes
// (the file reader and the config loader) are provided.
const files = new Map();
/** The URI each virtual file came from, by path (pathToFileURL in url.mjs gives it back). */
const uris = new Map();
const open = new Map();
let nextFd = 3;

/**
 * Puts a file's bytes (or UTF-8 text) at `path`, or removes it (null or undefined).
 * `uri` is the client's name for it, when it has one. Called by the worker entry.
 */
export function setVirtualFile(path, bytes, uri) {
  // A deleted file keeps its URI: its diagnostics are cleared on that URI afterwards.
  if (bytes === null || bytes === undefined) {
    files.delete(path);
    return;
  }
  files.set(path, typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);
  if (uri) uris.set(path, uri);
  else uris.delete(path);
}

/** The URI the file at `path` was sent as, if it was. */
export const virtualFileUri = (path) => uris.get(path);

const missing = (path) =>
  Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT', path });
const isDirectory = (path) => {
  const prefix = path.endsWith('/') ? path : `${path}/`;
  for (const p of files.keys()) if (p.startsWith(prefix)) return true;
  return false;
};

function stats(path) {
  const bytes = files.get(path);
  if (bytes === undefined && !isDirectory(path)) throw missing(path);
  const file = bytes !== undefined;
  return {
    size: file ? bytes.length : 0,
    mtimeMs: 0,
    isFile: () => file,
    isDirectory: () => !file,
    isFIFO: () => false,
    isSocket: () => false,
    isCharacterDevice: () => false,
    isBlockDevice: () => false,
    isSymbolicLink: () => false,
  };
}

export const constants = { O_RDONLY: 0, O_NONBLOCK: 0 };
export const existsSync = (path) => files.has(path) || isDirectory(path);
export const statSync = (path) => stats(path);
export const lstatSync = statSync;
export const realpathSync = (path) => {
  stats(path);
  return path;
};
export function openSync(path) {
  stats(path);
  const fd = nextFd++;
  open.set(fd, { path, position: 0 });
  return fd;
}
export function fstatSync(fd) {
  const f = open.get(fd);
  if (!f) throw Object.assign(new Error('EBADF: bad file descriptor'), { code: 'EBADF' });
  return stats(f.path);
}
export function readSync(fd, buffer, offset, length) {
  const f = open.get(fd);
  if (!f) throw Object.assign(new Error('EBADF: bad file descriptor'), { code: 'EBADF' });
  const bytes = files.get(f.path) ?? new Uint8Array(0);
  const n = Math.max(0, Math.min(length, bytes.length - f.position));
  buffer.set(bytes.subarray(f.position, f.position + n), offset);
  f.position += n;
  return n;
}
export const closeSync = (fd) => void open.delete(fd);
export function readFileSync(path, options) {
  const bytes = files.get(path);
  if (bytes === undefined) throw missing(path);
  const encoding = typeof options === 'string' ? options : options?.encoding;
  return encoding ? new TextDecoder().decode(bytes) : bytes;
}
const rejected = (path) => Promise.reject(missing(path));
export const promises = { stat: rejected, open: rejected, readFile: rejected, lstat: rejected };
export default {
  constants,
  promises,
  existsSync,
  statSync,
  lstatSync,
  readFileSync,
  openSync,
  fstatSync,
  readSync,
  closeSync,
  realpathSync,
  setVirtualFile,
  virtualFileUri,
};
