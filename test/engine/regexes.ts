// Every regular expression the engine uses, for the ReDoS checks: the literals in its
// source (read with the TypeScript compiler API) and the ones it builds at run time with
// `new RegExp(...)` (recorded by regex-probe.ts in a fresh process, see probeRegexes).
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
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

/** The regular expression literals in the engine's TypeScript source. */
export function literalRegexes(dir = ENGINE_SRC): FoundRegex[] {
  const found: FoundRegex[] = [];
  for (const file of tsFiles(dir)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = (node as ts.RegularExpressionLiteral).text;
        const slash = text.lastIndexOf('/');
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push({ where: `${path.relative(REPO_ROOT, file)}:${line + 1}`, source: text.slice(1, slash), flags: text.slice(slash + 1) });
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
