// The policylint language server in a web worker (vscode.dev, github.dev): the same wiring
// and engine as the Node server, over the worker's message port. Documents come from the
// client; so do config files (policylint/workspaceFiles: the client reads them through
// vscode.workspace.fs), kept in the worker's in-memory file system (scripts/browser-shims/fs.mjs
// stands in for node:fs in this bundle). Each URI gets a path there, `/scheme/authority/path`,
// so the same config discovery as on disk walks up a document's folders.
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser.js';
import { WorkspaceFilesNotification, type WorkspaceFilesParams } from './protocol.js';
import { is, paramsProblem, type Shape } from './lsp/commands.js';
import { runServer } from './lsp/run.js';
import { setVirtualPaths } from './lsp/selection.js';

/** The worker's global scope, as far as it is used here (no DOM lib in this project's types). */
interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(
    type: string,
    listener: (e: { data?: unknown; error?: unknown; message?: string; reason?: unknown }) => void,
  ): void;
  removeEventListener(type: string, listener: (e: never) => void): void;
}
declare const self: WorkerScope;
/** The package version, defined by scripts/bundle.mjs. */
declare const __POLICYLINT_VERSION__: string | undefined;
type Port = ConstructorParameters<typeof BrowserMessageReader>[0];

/** What the fs shim adds to node:fs (absent under Node, where this entry does not run). */
const virtualFs = nodeFs as unknown as { setVirtualFile?: (file: string, text: string | null, uri?: string) => void };

/**
 * The path of a URI in the worker's file system: `scheme://authority/path` is
 * `/scheme/authority/path` (file:///a/b is /file/a/b); undefined for a URI without an
 * authority part (untitled:Untitled-1) or one that does not decode.
 */
export function virtualPathOf(uri: string): string | undefined {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/.exec(uri);
  if (!m) return undefined;
  try {
    return path.posix.normalize(`/${m[1].toLowerCase()}/${decodeURIComponent(m[2])}/${decodeURIComponent(m[3])}`);
  } catch {
    return undefined;
  }
}

const textOrNull: Shape = (v, where) => (v === null ? undefined : is.text(v, where));
const WORKSPACE_FILES: Shape = is.object({ files: is.array(is.object({ uri: is.nonEmpty, text: textOrNull })) });

setVirtualPaths(virtualPathOf);
const port = self as unknown as Port;
const version = typeof __POLICYLINT_VERSION__ === 'string' ? __POLICYLINT_VERSION__ : undefined;
const connection = createConnection(new BrowserMessageReader(port), new BrowserMessageWriter(port));
const service = runServer(connection, { version });
self.addEventListener('error', (e) => service.logError('uncaught exception', e.error ?? e.message));
self.addEventListener('unhandledrejection', (e) => service.logError('unhandled rejection', e.reason));

// Config files from the client: stored, their cached configs and problems dropped (as when a
// watched file changes on disk), and the open documents linted again.
connection.onNotification(WorkspaceFilesNotification, (params: unknown) => {
  const method = WorkspaceFilesNotification.method;
  const problem = paramsProblem(WORKSPACE_FILES, params);
  if (problem) return connection.console.warn(`policylint: ignored ${method}: ${problem}`);
  try {
    if (!virtualFs.setVirtualFile) throw new Error('this bundle has no in-memory file system');
    for (const { uri, text } of (params as WorkspaceFilesParams).files) {
      const file = virtualPathOf(uri);
      if (!file) {
        connection.console.warn(`policylint: ignored ${uri} in ${method}: not a URI with a path`);
        continue;
      }
      virtualFs.setVirtualFile(file, text, uri);
      service.configs.fileChanged(file, text === null);
    }
    service.relintAll();
  } catch (err) {
    service.logError(method, err);
  }
});
