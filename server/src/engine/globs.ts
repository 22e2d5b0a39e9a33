// Glob patterns of a config (`ignores`, an override's `files`) against a path relative to the
// config's folder, written with "/". Pure: the caller works out the relative path.
//   - a pattern with a "/" in it (not at its end) is anchored at the config's folder:
//     "legal/eu/**", "/drafts";
//   - a pattern without one matches a file or folder of that name anywhere: "*.draft.md", "archive";
//   - a pattern matches a file when it matches the file's path or one of its folders,
//     so "legal/eu" and "legal/eu/**" both take in everything below legal/eu.
import picomatch from 'picomatch';

export type PathMatcher = (relPath: string) => boolean;

/** A test of relative paths against the patterns (none: matches nothing). */
export function globMatcher(patterns: readonly string[]): PathMatcher {
  const globs = patterns.filter((p) => typeof p === 'string' && p.trim()).map(normalizePattern);
  if (!globs.length) return () => false;
  let test: (p: string) => boolean;
  try {
    test = picomatch(globs, { dot: true, windows: false });
  } catch {
    test = () => false; // validation reports a broken pattern; it matches nothing
  }
  return (relPath: string) => {
    const parts = relPath
      .replace(/\\/g, '/')
      .split('/')
      .filter((p) => p && p !== '.');
    // A path outside the config's folder is never matched by its patterns.
    if (!parts.length || parts[0] === '..') return false;
    for (let n = parts.length; n >= 1; n--) if (test(parts.slice(0, n).join('/'))) return true;
    return false;
  };
}

function normalizePattern(pattern: string): string {
  let p = pattern.trim().replace(/\\/g, '/');
  let end = p.length;
  while (end > 0 && p[end - 1] === '/') end--;
  p = p.slice(0, end);
  if (p.startsWith('./')) p = p.slice(2);
  const anchored = p.includes('/');
  p = p.replace(/^\/+/, '');
  return anchored || p.startsWith('**') ? p : `**/${p}`;
}
