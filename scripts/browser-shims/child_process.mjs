// node:child_process in the web-worker server bundle: there are no processes to run; git
// (stale-effective-date) fails the way a missing git does, and the rule says nothing.
const missing = () => Object.assign(new Error('no processes in the browser'), { code: 'ENOENT' });
export const execFile = (_file, _args, _options, callback) => {
  const cb = typeof _options === 'function' ? _options : callback;
  queueMicrotask(() => cb?.(missing(), '', ''));
  return { on() {}, kill() {} };
};
export const execFileSync = () => {
  throw missing();
};
export default { execFile, execFileSync };
