// Which documents are policies: the Privacy Policy language, and Markdown files whose path
// matches the `policylint.files` globs. Pure (no vscode import) so it can be unit-tested.

/** The default of `policylint.files` (package.json declares the same list). */
export const DEFAULT_FILES: readonly string[] = [
  '**/*privacy*.md',
  '**/*Privacy*.md',
  '**/*PRIVACY*.md',
  '**/*.policy.md',
];

export const POLICY_LANGUAGE = 'privacy-policy';

/** A document filter as vscode and vscode-languageclient take it. */
export interface PolicyDocumentFilter {
  language: string;
  scheme?: string;
  pattern?: string;
}

/**
 * Reads the `policylint.files` setting. Anything that is not an array of non-empty strings
 * falls back to the default, with a problem to log, so a typo never silently turns linting off.
 */
export function readFilesSetting(value: unknown): { globs: string[]; problem?: string } {
  if (value === undefined || value === null) return { globs: [...DEFAULT_FILES] };
  if (!Array.isArray(value)) {
    return {
      globs: [...DEFAULT_FILES],
      problem: `policylint.files must be an array of glob patterns, got ${describe(value)}; using the default`,
    };
  }
  const globs = value.filter((g): g is string => typeof g === 'string' && g.trim() !== '').map((g) => g.trim());
  const dropped = value.length - globs.length;
  const problem = dropped
    ? `policylint.files: ignored ${dropped} entr${dropped === 1 ? 'y' : 'ies'} that ${dropped === 1 ? 'is' : 'are'} not a non-empty string`
    : undefined;
  return { globs: [...new Set(globs)], problem };
}

function describe(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v;
}

/**
 * The client's document selector. The Privacy Policy language with no scheme restriction:
 * files, untitled documents and open documents on virtual file systems. Markdown by path
 * pattern, also without a scheme restriction, so that virtual file systems work too.
 */
export function documentSelector(globs: readonly string[]): PolicyDocumentFilter[] {
  return [{ language: POLICY_LANGUAGE }, ...globs.map((pattern) => ({ language: 'markdown', pattern }))];
}

/** Folders never searched by Lint Workspace. */
export const SEARCH_EXCLUDE = '**/node_modules/**';
