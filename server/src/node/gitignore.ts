// The patterns of an ignore file in gitignore syntax (.gitignore, .policylintignore), and
// whether one matches a path. Pure. No regular expression is built from the patterns: each
// is matched by a wildcard walk that backtracks only to the last star, so a match costs at
// most (pattern length × path length) steps whatever the pattern (no ReDoS).
//
// What is supported, as git does it: blank lines and `#` comments; `\` escapes (`\#`, `\!`,
// `\ ` for a trailing space); `!` re-includes; a trailing `/` matches folders only; a `/` at
// the start or in the middle anchors the pattern at the file's folder, otherwise it matches
// at any depth; `*` and `?` (never across `/`), `[abc]`, `[a-z]`, `[!a-z]`; `**/` any folders
// in front, `/**` everything inside, `/**/` zero or more folders.

export interface IgnoreRule {
  /** The line as written (for messages). */
  pattern: string;
  /** 1-based line number in its file. */
  line: number;
  /** A `!` pattern: a match re-includes the path. */
  negate: boolean;
  /** A pattern ending in `/`: matches folders only. */
  dirOnly: boolean;
  segments: Segment[];
}

/** A path segment's pattern: `**` (any number of segments), or the tokens one segment must match. */
type Segment = '**' | Token[];
type Token =
  | { t: 'star' }
  | { t: 'one' }
  | { t: 'char'; c: string }
  | { t: 'class'; negate: boolean; items: [string, string][] };

/** The rules of an ignore file's text, in order (the last rule that matches a path decides). */
export function parseIgnoreFile(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  text.split(/\r?\n|\r/).forEach((raw, i) => {
    const rule = parseLine(raw, i + 1);
    if (rule) rules.push(rule);
  });
  return rules;
}

function parseLine(raw: string, line: number): IgnoreRule | undefined {
  let p = raw;
  // Trailing spaces go, unless escaped with a backslash.
  let end = p.length;
  while (end > 0 && p[end - 1] === ' ' && p[end - 2] !== '\\') end--;
  p = p.slice(0, end);
  if (!p || p.startsWith('#')) return undefined;
  const pattern = p;
  const negate = p.startsWith('!');
  if (negate) p = p.slice(1);
  const dirOnly = p.endsWith('/') && !p.endsWith('\\/');
  while (p.endsWith('/')) p = p.slice(0, -1);
  if (!p) return undefined;
  const anchored = p.includes('/');
  const parts = p.split('/').filter(Boolean);
  if (!parts.length) return undefined;
  const segments: Segment[] = parts.map((s) => (s === '**' ? '**' : tokenize(s)));
  if (!anchored) segments.unshift('**');
  // `dir/**` takes in what is inside dir, not dir itself: at least one more segment.
  if (segments[segments.length - 1] === '**' && segments.length > 1)
    segments.splice(segments.length - 1, 0, [{ t: 'star' }]);
  return { pattern, line, negate, dirOnly, segments: collapse(segments) };
}

/** Drops repeated `**` segments (`**\/**` is `**`). */
function collapse(segments: Segment[]): Segment[] {
  return segments.filter((s, i) => !(s === '**' && segments[i - 1] === '**'));
}

function tokenize(segment: string): Token[] {
  const chars = Array.from(segment);
  const tokens: Token[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '\\' && i + 1 < chars.length) tokens.push({ t: 'char', c: chars[++i] });
    else if (c === '*') {
      if (tokens[tokens.length - 1]?.t !== 'star') tokens.push({ t: 'star' });
    } else if (c === '?') tokens.push({ t: 'one' });
    else if (c === '[') {
      const cls = parseClass(chars, i);
      if (cls) {
        tokens.push(cls.token);
        i = cls.end;
      } else tokens.push({ t: 'char', c });
    } else tokens.push({ t: 'char', c });
  }
  return tokens;
}

/** A bracket expression starting at `chars[start]` ("["), or undefined when it is not closed. */
function parseClass(chars: string[], start: number): { token: Token; end: number } | undefined {
  let i = start + 1;
  const negate = chars[i] === '!' || chars[i] === '^';
  if (negate) i++;
  const items: [string, string][] = [];
  let first = true;
  for (; i < chars.length; i++) {
    let c = chars[i];
    if (c === ']' && !first) return { token: { t: 'class', negate, items }, end: i };
    first = false;
    if (c === '\\' && i + 1 < chars.length) c = chars[++i];
    if (chars[i + 1] === '-' && i + 2 < chars.length && chars[i + 2] !== ']') {
      let to = chars[i + 2];
      i += 2;
      if (to === '\\' && i + 1 < chars.length) to = chars[++i];
      items.push([c, to]);
    } else items.push([c, c]);
  }
  return undefined;
}

function tokenMatches(token: Token, c: string): boolean {
  switch (token.t) {
    case 'one':
      return true;
    case 'char':
      return token.c === c;
    case 'class': {
      const inside = token.items.some(([from, to]) => from <= c && c <= to);
      return inside !== token.negate;
    }
    default:
      return false;
  }
}

/**
 * Whether `items` match the pattern `pattern`, where `isStar(p)` marks the pattern elements
 * that match any run of items (none included) and `one(p, item)` tests the others. The walk
 * backtracks only to the last star: O(pattern × items) calls of `one`.
 */
function wildMatch<P, I>(
  pattern: readonly P[],
  items: readonly I[],
  isStar: (p: P) => boolean,
  one: (p: P, item: I) => boolean,
): boolean {
  let pi = 0;
  let ii = 0;
  let starP = -1;
  let starI = 0;
  while (ii < items.length) {
    if (pi < pattern.length && isStar(pattern[pi])) {
      starP = pi++;
      starI = ii;
    } else if (pi < pattern.length && one(pattern[pi], items[ii])) {
      pi++;
      ii++;
    } else if (starP >= 0) {
      pi = starP + 1;
      ii = ++starI;
    } else return false;
  }
  while (pi < pattern.length && isStar(pattern[pi])) pi++;
  return pi === pattern.length;
}

const isStarToken = (t: Token) => t.t === 'star';
const isGlobstar = (s: Segment) => s === '**';
const segmentMatches = (s: Segment, name: string) =>
  s !== '**' && wildMatch(s, Array.from(name), isStarToken, tokenMatches);

/** Whether a rule matches a path (its segments, relative to the ignore file's folder). */
export function ruleMatches(rule: IgnoreRule, parts: readonly string[], isDir: boolean): boolean {
  if (rule.dirOnly && !isDir) return false;
  return wildMatch(rule.segments, parts, isGlobstar, segmentMatches);
}

/** The last rule that matches the path (a `!` rule included), or undefined. */
export function lastMatch(
  rules: readonly IgnoreRule[],
  parts: readonly string[],
  isDir: boolean,
): IgnoreRule | undefined {
  for (let i = rules.length - 1; i >= 0; i--) if (ruleMatches(rules[i], parts, isDir)) return rules[i];
  return undefined;
}
