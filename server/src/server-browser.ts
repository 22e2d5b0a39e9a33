// The policylint language server in a web worker (vscode.dev, github.dev): the same wiring
// and engine as the Node server, over the worker's message port. Documents come from the
// client; config files on disk are not read there (the defaults and settings apply).
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser.js';
import { runServer } from './lsp/run.js';

/** The worker's global scope, as far as it is used here (no DOM lib in this project's types). */
interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: string, listener: (e: { data?: unknown; error?: unknown; message?: string; reason?: unknown }) => void): void;
  removeEventListener(type: string, listener: (e: never) => void): void;
}
declare const self: WorkerScope;
/** The package version, defined by scripts/bundle.mjs. */
declare const __POLICYLINT_VERSION__: string | undefined;
type Port = ConstructorParameters<typeof BrowserMessageReader>[0];
const port = self as unknown as Port;
const version = typeof __POLICYLINT_VERSION__ === 'string' ? __POLICYLINT_VERSION__ : undefined;
const service = runServer(createConnection(new BrowserMessageReader(port), new BrowserMessageWriter(port)), { version });
self.addEventListener('error', (e) => service.logError('uncaught exception', e.error ?? e.message));
self.addEventListener('unhandledrejection', (e) => service.logError('unhandled rejection', e.reason));
