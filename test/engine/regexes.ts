// Every regular expression the engine uses, for the ReDoS checks: the literals in its
// source (read with the TypeScript compiler API) and the ones it builds at run time with
// `new RegExp(...)` (recorded by regex-probe.ts in a fresh process, see probeRegexes).
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Diagnostics } from 'recheck';
import ts from 'typescript';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const ENGINE_SRC = path.join(REPO_ROOT, 'server/src/engine');

export interface FoundRegex {
  /** Where it is written or built: "server/src/engine/facts.ts:78". */
  where: string;
  source: string;
  flags: string;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** The helpers of regex.ts that build a pattern from parts (alt, seq, bar, anyOf, oneOf, pattern). */
const HELPERS = new Set(['alt', 'seq', 'bar', 'anyOf', 'oneOf', 'pattern']);

/**
 * Whether a literal is a part given to a regex.ts helper: only a fragment of a pattern (its flags
 * are ignored), checked as part of the whole one, which `new RegExp` builds and the probe records.
 */
function isHelperPart(node: ts.Node): boolean {
  const call = node.parent;
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return false;
  return HELPERS.has(call.expression.text) && call.arguments.includes(node as ts.Expression);
}

/** The regular expression literals in the engine's TypeScript source (not the parts given to the regex.ts helpers). */
export function literalRegexes(dir = ENGINE_SRC): FoundRegex[] {
  const found: FoundRegex[] = [];
  for (const file of tsFiles(dir)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral && !isHelperPart(node)) {
        const text = (node as ts.RegularExpressionLiteral).text;
        const slash = text.lastIndexOf('/');
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push({
          where: `${path.relative(REPO_ROOT, file)}:${line + 1}`,
          source: text.slice(1, slash),
          flags: text.slice(slash + 1),
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/**
 * The expressions the engine builds with `new RegExp(...)` or `RegExp(...)`, recorded in a
 * child process: the engine's modules are already loaded (and their module-level patterns
 * built) in the test process, so only a fresh process sees every construction.
 */
export async function probeRegexes(): Promise<FoundRegex[]> {
  const probe = fileURLToPath(new URL('./regex-probe.js', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, ['--enable-source-maps', probe], {
    cwd: REPO_ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as FoundRegex[];
}

/** One entry per distinct pattern and flags (the first place it was seen). */
export function distinct(regexes: readonly FoundRegex[]): FoundRegex[] {
  const seen = new Map<string, FoundRegex>();
  for (const r of regexes) if (!seen.has(`${r.flags}/${r.source}`)) seen.set(`${r.flags}/${r.source}`, r);
  return [...seen.values()];
}

/**
 * Whether the pattern repeats anything without an upper bound (`*`, `+`, `{n,}`) outside a
 * character class. Without one, each match attempt reads a bounded number of characters, so
 * scanning a text is linear in its length and recheck has nothing to find.
 */
export function hasUnboundedRepeat(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '*' || c === '+') return true;
    else if (c === '{' && /^\{\d+,\}/.test(source.slice(i, i + 12))) return true;
  }
  return false;
}

/** Runs `fn` over `items`, `width` at a time. */
export async function pool<T, R>(items: readonly T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return out;
}

/** The best of `runs` timings of `fn`, in milliseconds. */
export function timeOf(fn: () => void, runs = 1): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

/** Every match of `re` in `text`, as the engine scans (exec until the last one). */
function scan(re: RegExp, text: string): void {
  re.lastIndex = 0;
  if (!re.global && !re.sticky) return void re.exec(text);
  for (let m = re.exec(text); m; m = re.exec(text)) if (m[0] === '') re.lastIndex++;
}

/**
 * Replays recheck's attack in V8: grows the pump until one scan takes 2 ms (or the input
 * 64,000 characters), then times 4 × the pump. Linear work grows about 4 ×; quadratic 16 ×.
 * A ratio over 10 is measured twice more (best of three runs each) before it counts.
 */
export function replay(
  r: FoundRegex,
  d: Diagnostics & { status: 'vulnerable' },
): { ratio: number; ms: number; length: number } {
  const re = new RegExp(r.source, r.flags);
  const build = (k: number) => d.attack.pumps.map((p) => p.prefix + p.pump.repeat(k)).join('') + d.attack.suffix;
  const unit = Math.max(
    1,
    d.attack.pumps.reduce((n, p) => n + p.pump.length, 0),
  );
  let k = Math.max(1, Math.floor(256 / unit));
  let small = timeOf(() => scan(re, build(k)), 2);
  while (small < 2 && k * unit < 64_000) {
    k *= 2;
    small = timeOf(() => scan(re, build(k)), 2);
  }
  const big = timeOf(() => scan(re, build(4 * k)), 2);
  let ratio = big / Math.max(small, 0.05);
  let ms = big;
  // On a loaded machine one pair of timings can look super-linear; a real one stays so when
  // measured again, so the smallest of three ratios is kept.
  for (let again = 0; again < 2 && ratio > 10; again++) {
    const s = timeOf(() => scan(re, build(k)), 3);
    const b = timeOf(() => scan(re, build(4 * k)), 3);
    if (b / Math.max(s, 0.05) < ratio) {
      ratio = b / Math.max(s, 0.05);
      ms = b;
    }
  }
  return { ratio, ms, length: build(4 * k).length };
}
