// node:path (POSIX) in the web-worker server bundle, for the few path operations on URIs' paths.
export const sep = '/';
const norm = (p) => {
  const abs = p.startsWith('/');
  const out = [];
  for (const part of p.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return (abs ? '/' : '') + out.join('/') || (abs ? '/' : '.');
};
export const normalize = norm;
export const join = (...parts) => norm(parts.filter(Boolean).join('/'));
export const resolve = (...parts) => {
  let p = '';
  for (const part of parts) p = part.startsWith('/') ? part : `${p}/${part}`;
  return norm(p.startsWith('/') ? p : `/${p}`);
};
export const dirname = (p) => {
  const n = norm(p);
  const i = n.lastIndexOf('/');
  return i <= 0 ? (n.startsWith('/') ? '/' : '.') : n.slice(0, i);
};
export const basename = (p, ext) => {
  const b = norm(p).split('/').pop() ?? '';
  return ext && b.endsWith(ext) ? b.slice(0, -ext.length) : b;
};
export const extname = (p) => {
  const b = basename(p);
  const i = b.lastIndexOf('.');
  return i > 0 ? b.slice(i) : '';
};
export const isAbsolute = (p) => p.startsWith('/');
export const relative = (from, to) => {
  const a = resolve(from).split('/').filter(Boolean);
  const b = resolve(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
};
export const parse = (p) => {
  const base = basename(p);
  const ext = extname(p);
  return {
    root: p.startsWith('/') ? '/' : '',
    dir: dirname(p),
    base,
    ext,
    name: ext ? base.slice(0, -ext.length) : base,
  };
};
export const posix = { sep, normalize, join, resolve, dirname, basename, extname, isAbsolute, relative, parse };
export default posix;
