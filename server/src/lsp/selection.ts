// Which documents are policies: the privacy-policy language (untitled ones included),
// and Markdown whose path matches `policylint.files`, case-insensitively.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import { POLICY_FILE_PATTERN } from '../engine/index.js';

export const POLICY_LANGUAGE = 'privacy-policy';

const matchers = new Map<string, (p: string) => boolean>();

function matcher(globs: readonly string[]): (p: string) => boolean {
  const key = JSON.stringify(globs);
  let m = matchers.get(key);
  if (!m) {
    m = globs.length ? picomatch([...globs], { nocase: true, dot: true }) : () => false;
    matchers.set(key, m);
  }
  return m;
}

/** How the web-worker server names a non-file URI's path (setVirtualPaths); none in Node. */
let virtualPathOf: ((uri: string) => string | undefined) | undefined;

/**
 * For the web-worker server only (server-browser.ts): gives URIs of other schemes a path too,
 * in the worker's in-memory file system, so config discovery walks up their folders.
 */
export function setVirtualPaths(pathOf: (uri: string) => string | undefined): void {
  virtualPathOf = pathOf;
}

/** The file-system path of a file: URI, or undefined for any other scheme (unless setVirtualPaths maps it). */
export function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return virtualPathOf?.(uri);
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The path part of any URI, with forward slashes ("/folder/privacy.md"). */
export function uriPath(uri: string): string {
  const fsPath = fsPathOf(uri);
  if (fsPath) return fsPath.split(path.sep).join('/');
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}

export function isPolicyDocument(uri: string, languageId: string, files: readonly string[]): boolean {
  if (languageId === POLICY_LANGUAGE) return true;
  // Clients that do not know Markdown send an empty or plaintext language id (Neovim with
  // no filetype): the name decides then, as for Markdown.
  if (
    languageId !== 'markdown' &&
    languageId !== 'plaintext' &&
    languageId !== '' &&
    languageId !== undefined &&
    languageId !== null
  )
    return false;
  const p = uriPath(uri);
  const m = matcher(files);
  return m(p) || m(p.slice(p.lastIndexOf('/') + 1));
}

/** The language a document not open in the editor would have, from its name. */
export function languageFromPath(uri: string): string {
  return POLICY_FILE_PATTERN.test(uriPath(uri)) ? POLICY_LANGUAGE : 'markdown';
}
