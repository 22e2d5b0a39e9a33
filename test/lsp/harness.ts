// A small typed LSP client for the tests: spawns `node dist/server.cjs --stdio`, answers
// the server's requests (configuration, applyEdit, registrations), records what the
// server sends, and resolves promises on events (never sleeps).
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import {
  ApplyWorkspaceEditRequest,
  CodeLensRefreshRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShowDocumentRequest,
  type ShowDocumentParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type LogMessageParams,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node.js';
import { ChecklistChangedNotification } from '../../server/src/protocol.js';

export const SERVER = path.resolve('dist/server.cjs');

/** How long a wait may take before the test fails with a message saying what never came. */
const WAIT_LIMIT_MS = 15_000;

export interface HarnessOptions {
  /** Declare textDocument.diagnostic (LSP 3.17 pull diagnostics). */
  pull?: boolean;
  /** The `policylint` settings section answered for every scope (override per scope with `scoped`). */
  settings?: Record<string, unknown>;
  /** Environment for the server process. */
  env?: Record<string, string>;
  /** Declare workspace.workspaceEdit.documentChanges. */
  documentChanges?: boolean;
  /** The script to run (dist/server.cjs by default) and the transport. */
  script?: string;
  transport?: 'stdio' | 'ipc';
  /** Sent as InitializeParams.initializationOptions (e.g. { workspaceTrusted: true }). */
  initializationOptions?: Record<string, unknown>;
  /** Declare window.showDocument (answered with success, and recorded). */
  showDocument?: boolean;
  /** Declare experimental.policylint.snippetEdits (what VS Code's client declares). */
  snippetEdits?: boolean;
}

export interface OpenDoc {
  uri: string;
  /** Index in `events` when the document was opened. */
  openedAt: number;
  languageId: string;
  version: number;
  text: string;
}

type Event =
  | { kind: 'diagnostics'; params: PublishDiagnosticsParams }
  | { kind: 'showMessage'; params: ShowMessageParams }
  | { kind: 'log'; params: LogMessageParams }
  | { kind: 'checklistChanged'; params: { uri: string; version: number | null; grouped?: string } }
  | { kind: 'refresh'; method: string }
  | { kind: 'applyEdit'; edit: WorkspaceEdit }
  | { kind: 'showDocument'; params: ShowDocumentParams };

export function fileUri(p: string): string {
  return pathToFileURL(path.resolve(p)).href;
}

/** Line starts for LSP positions (lines end at \r\n, \n or \r). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') i++;
    if (c === '\r' || c === '\n') starts.push(i + 1);
  }
  return starts;
}

export function offsetAt(text: string, p: Position, starts = lineStarts(text)): number {
  if (p.line >= starts.length) return text.length;
  const lineEnd = p.line + 1 < starts.length ? starts[p.line + 1] : text.length;
  return Math.min(starts[p.line] + p.character, lineEnd);
}

export function positionAt(text: string, offset: number): Position {
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: offset - starts[line] };
}

/** Applies LSP text edits (all against the same text) and returns the new text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStarts(text);
  const spans = edits
    .map((e, i) => ({
      start: offsetAt(text, e.range.start, starts),
      end: offsetAt(text, e.range.end, starts),
      newText: e.newText,
      i,
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  let out = '';
  let cursor = 0;
  for (const s of spans) {
    if (s.start < cursor) throw new Error(`overlapping edits at offset ${s.start}`);
    out += text.slice(cursor, s.start) + s.newText;
    cursor = s.end;
  }
  return out + text.slice(cursor);
}

/** The text edits a workspace edit makes to one document (changes or documentChanges). */
export function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  const out: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const dc of edit.documentChanges ?? []) {
    if ('textDocument' in dc && dc.textDocument.uri === uri) out.push(...(dc.edits as TextEdit[]));
  }
  return out;
}

export class Harness {
  readonly conn: ProtocolConnection;
  readonly events: Event[] = [];
  readonly docs = new Map<string, OpenDoc>();
  /** Every workspace/configuration item the server asked for. */
  readonly configurationRequests: { scopeUri?: string; section?: string }[] = [];
  /** The `policylint` section per scope URI; `settings` for every other scope. */
  readonly scoped = new Map<string, Record<string, unknown>>();
  settings: Record<string, unknown>;
  private readonly listeners = new Set<() => void>();
  private exited: Promise<number | null>;

  private constructor(
    readonly proc: ChildProcess,
    options: HarnessOptions,
  ) {
    this.settings = options.settings ?? {};
    this.conn =
      options.transport === 'ipc'
        ? createProtocolConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc))
        : createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    this.exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
    const record = (e: Event) => {
      this.events.push(e);
      for (const l of [...this.listeners]) l();
    };
    this.conn.onNotification(PublishDiagnosticsNotification.type, (params) => record({ kind: 'diagnostics', params }));
    this.conn.onNotification(ShowMessageNotification.type, (params) => record({ kind: 'showMessage', params }));
    this.conn.onNotification(LogMessageNotification.type, (params) => record({ kind: 'log', params }));
    this.conn.onNotification(ChecklistChangedNotification, (params) => record({ kind: 'checklistChanged', params }));
    this.conn.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => {
        this.configurationRequests.push(item);
        if (item.section !== 'policylint') return null;
        return (item.scopeUri && this.scoped.get(item.scopeUri)) || this.settings;
      }),
    );
    this.conn.onRequest(RegistrationRequest.type, () => undefined);
    this.conn.onRequest(DiagnosticRefreshRequest.type, () =>
      record({ kind: 'refresh', method: DiagnosticRefreshRequest.method }),
    );
    this.conn.onRequest(CodeLensRefreshRequest.type, () =>
      record({ kind: 'refresh', method: CodeLensRefreshRequest.method }),
    );
    // Edits are recorded, not applied: the test applies them (applyAndSend) like an editor would.
    this.conn.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      record({ kind: 'applyEdit', edit: params.edit });
      return { applied: true };
    });
    this.conn.onRequest(ShowDocumentRequest.type, (params) => {
      record({ kind: 'showDocument', params });
      return { success: true };
    });
    this.conn.listen();
  }

  static async start(options: HarnessOptions = {}): Promise<Harness> {
    const ipc = options.transport === 'ipc';
    const proc = spawn(process.execPath, [options.script ?? SERVER, ipc ? '--node-ipc' : '--stdio'], {
      stdio: ipc ? ['ignore', 'ignore', 'pipe', 'ipc'] : ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    const h = new Harness(proc, options);
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: true,
        applyEdit: true,
        workspaceEdit: { documentChanges: options.documentChanges ?? false },
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        diagnostics: { refreshSupport: true },
        codeLens: { refreshSupport: true },
      },
      textDocument: {
        synchronization: { didSave: true, dynamicRegistration: false },
        publishDiagnostics: {
          relatedInformation: true,
          versionSupport: true,
          codeDescriptionSupport: true,
          dataSupport: true,
          tagSupport: { valueSet: [1, 2] },
        },
        codeAction: {
          dataSupport: true,
          isPreferredSupport: true,
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
        },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true } },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
      ...(options.showDocument ? { window: { showDocument: { support: true } } } : {}),
      ...(options.snippetEdits ? { experimental: { policylint: { snippetEdits: true } } } : {}),
    };
    const init = await h.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities,
      workspaceFolders: null,
      initializationOptions: options.initializationOptions,
    });
    h.initializeResult = init;
    await h.conn.sendNotification(InitializedNotification.type, {});
    return h;
  }

  initializeResult: InitializeResult | undefined;

  async stop(): Promise<void> {
    if (this.proc.exitCode === null) {
      try {
        await this.conn.sendRequest(ShutdownRequest.type);
        await this.conn.sendNotification(ExitNotification.type);
      } catch {
        this.proc.kill();
      }
    }
    await this.exited;
    this.conn.dispose();
  }

  // ------------------------------------------------------------ events

  /** Resolves with the first value `pick` returns for a recorded event, now or later. */
  waitFor<T>(what: string, pick: (e: Event) => T | undefined, from = 0): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let i = from;
      const check = (): boolean => {
        for (; i < this.events.length; i++) {
          const v = pick(this.events[i]);
          if (v !== undefined) {
            resolve(v);
            return true;
          }
        }
        return false;
      };
      if (check()) return;
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`timed out waiting for ${what}`));
      }, WAIT_LIMIT_MS);
      const listener = () => {
        if (check()) {
          clearTimeout(timer);
          this.listeners.delete(listener);
        }
      };
      this.listeners.add(listener);
    });
  }

  /**
   * The diagnostics published for `uri` at exactly `version` (the open document's current
   * version by default; `undefined` for any), looking at events from index `from` (by
   * default, since the document was last opened).
   */
  diagnostics(
    uri: string,
    version: number | undefined = this.docs.get(uri)?.version,
    from = this.docs.get(uri)?.openedAt ?? 0,
  ): Promise<Diagnostic[]> {
    return this.waitFor(
      `diagnostics for ${uri} v${version}`,
      (e) =>
        e.kind === 'diagnostics' && e.params.uri === uri && (version === undefined || e.params.version === version)
          ? e.params.diagnostics
          : undefined,
      from,
    );
  }

  /** Every diagnostics publication for `uri` so far. */
  publications(uri: string): PublishDiagnosticsParams[] {
    return this.events.flatMap((e) => (e.kind === 'diagnostics' && e.params.uri === uri ? [e.params] : []));
  }

  showMessages(): ShowMessageParams[] {
    return this.events.flatMap((e) => (e.kind === 'showMessage' ? [e.params] : []));
  }

  logs(): string[] {
    return this.events.flatMap((e) => (e.kind === 'log' ? [e.params.message] : []));
  }

  // ------------------------------------------------------------ documents

  async open(uri: string, text: string, languageId = 'privacy-policy'): Promise<OpenDoc> {
    const doc = { uri, languageId, version: 1, text, openedAt: this.events.length };
    this.docs.set(uri, doc);
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    return doc;
  }

  /** Sends the whole new text as one change; returns the new version. */
  async setText(uri: string, text: string): Promise<number> {
    const doc = this.doc(uri);
    doc.text = text;
    doc.version++;
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: doc.version },
      contentChanges: [{ text }],
    });
    return doc.version;
  }

  /** Sends one incremental change; returns the new version. */
  async edit(uri: string, edit: TextEdit): Promise<number> {
    const doc = this.doc(uri);
    doc.text = applyTextEdits(doc.text, [edit]);
    doc.version++;
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: doc.version },
      contentChanges: [{ range: edit.range, text: edit.newText }],
    });
    return doc.version;
  }

  /** Applies a workspace edit locally, sends the result as a change, and returns the new version. */
  async applyAndSend(uri: string, edit: WorkspaceEdit): Promise<{ before: string; after: string; version: number }> {
    const before = this.doc(uri).text;
    const after = applyTextEdits(before, editsFor(edit, uri));
    const version = await this.setText(uri, after);
    return { before, after, version };
  }

  async save(uri: string): Promise<void> {
    await this.conn.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { policylint: settings } });
  }

  async configFileChanged(file: string, type: FileChangeType = FileChangeType.Changed): Promise<void> {
    await this.conn.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: fileUri(file), type }],
    });
  }

  doc(uri: string): OpenDoc {
    const d = this.docs.get(uri);
    if (!d) throw new Error(`${uri} is not open`);
    return d;
  }
}
