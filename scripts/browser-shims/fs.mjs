// node:fs in the web-worker server bundle: there is no file system; every call fails the way a
// missing file does, and the server falls back to defaults (documents come from the client).
const fail = () => {
  const err = new Error('no file system in the browser');
  err.code = 'ENOENT';
  throw err;
};
const rejected = () => Promise.reject(Object.assign(new Error('no file system in the browser'), { code: 'ENOENT' }));
export const constants = { O_RDONLY: 0, O_NONBLOCK: 0 };
export const promises = { stat: rejected, open: rejected, readFile: rejected, lstat: rejected };
export const existsSync = () => false;
export const statSync = fail;
export const lstatSync = fail;
export const readFileSync = fail;
export const openSync = fail;
export const fstatSync = fail;
export const readSync = fail;
export const closeSync = () => undefined;
export const realpathSync = fail;
export default { constants, promises, existsSync, statSync, lstatSync, readFileSync, openSync, fstatSync, readSync, closeSync, realpathSync };
