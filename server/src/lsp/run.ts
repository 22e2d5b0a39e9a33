// The language server's LSP wiring, for any transport: the Node entry (server.ts) and the
// web-worker entry (server-browser.ts) pass their connection. Every check and fix is the
// engine's; the helpers beside this file convert between the engine and LSP.
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  FileChangeType,
  FoldingRangeRequest,
  HoverRequest,
  type Connection,
  ErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ChecklistRequest,
  LintDocumentsRequest,
  ReviewReportRequest,
  SNIPPET_EDITS_CAPABILITY,
  WATCHED_FILES,
  WorkspaceTrustedNotification,
} from '../protocol.js';
import { CONFIG_FILE_NAMES } from '../node/config-files.js';
import type { Faults } from '../engine/faults.js';
import { reviewReport } from './report.js';
import { CODE_ACTION_KINDS, codeActions, type ConfigAccess } from './codeActions.js';
import {
  checklist,
  COMMAND_IDS,
  executeCommand,
  invalidParams,
  lintDocuments,
  PARAMS,
  paramsProblem,
  type Shape,
} from './commands.js';
import { codeLenses } from './checklist.js';
import { COMPLETION_TRIGGERS, completions } from './completion.js';
import { hover } from './hover.js';
import { documentSymbols, foldingRanges } from './outline.js';
import { fsPathOf } from './selection.js';
import { PolicyService } from './service.js';
import type { Analysis } from './analysis.js';

/** Wires every handler to `connection` and starts listening. */
export function runServer(connection: Connection, options: { version?: string; faults?: Faults } = {}): PolicyService {
  const version = options.version ?? 'unknown';
  /** The open documents. A didOpen without text (a client's bug) opens an empty document, with one warning. */
  const documents = new TextDocuments<TextDocument>({
    create(uri, languageId, version, content) {
      if (typeof content !== 'string') {
        connection.console.warn(
          `policylint: ${uri} was opened without its text (got ${content === null ? 'null' : typeof content}); taken as empty`,
        );
      }
      return TextDocument.create(uri, languageId, version, typeof content === 'string' ? content : '');
    },
    update: (document, changes, version) => TextDocument.update(document, changes, version),
  });
  const service = new PolicyService(connection, documents, options.faults);
  let watchFilesDynamically = false;
  let shutDown = false;
  connection.onShutdown(() => {
    shutDown = true;
  });
  let configurationDynamically = false;

  /**
   * Runs a request handler. Params that do not have the shape the handler reads are answered
   * with an InvalidParams error naming what is wrong (nothing logged: the fault is the
   * client's); any other exception is logged and answered with `fallback`, never taking the
   * server down.
   */
  function guarded<P extends unknown[], R>(
    method: string,
    shape: Shape | undefined,
    fallback: R,
    fn: (...args: P) => R | Promise<R>,
  ): (...args: P) => Promise<R> {
    return async (...args: P) => {
      // LSP: after shutdown, every request but exit is an InvalidRequest error.
      if (shutDown)
        throw new ResponseError(
          ErrorCodes.InvalidRequest,
          `${method}: the server is shutting down (shutdown was received)`,
        );
      const problem = shape && paramsProblem(shape, args[0]);
      if (problem) throw invalidParams(method, problem);
      try {
        return await fn(...args);
      } catch (err) {
        // Errors meant for the client (bad command arguments, a file that cannot be read) go back as errors.
        if (err instanceof ResponseError) throw err;
        service.logError(method, err);
        return fallback;
      }
    };
  }

  /** Runs a notification handler: params of the wrong shape are ignored with one warning (there is no one to answer). */
  function notified<P extends unknown[]>(
    method: string,
    shape: Shape,
    fn: (...args: P) => void,
  ): (...args: P) => Promise<void> {
    const run = guarded(method, shape, undefined, fn);
    return (...args: P) =>
      run(...args).catch((err: Error) => connection.console.warn(`policylint: ignored ${err.message}`));
  }

  /** A feature on the current analysis of an open policy document. */
  function onAnalysis<R>(uri: string, fallback: R, fn: (a: Analysis) => R): Promise<R> {
    return service.current(uri).then((a) => (a?.selected && a.result ? fn(a) : fallback));
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    // Git is read (stale-effective-date) only when the client says the workspace is trusted.
    const init = params.initializationOptions as { workspaceTrusted?: unknown } | undefined;
    service.baselines.setTrusted(init?.workspaceTrusted === true);
    service.support.configuration = !!caps.workspace?.configuration;
    service.support.pullDiagnostics = !!caps.textDocument?.diagnostic;
    service.support.diagnosticRefresh = !!caps.workspace?.diagnostics?.refreshSupport;
    service.support.codeLensRefresh = !!caps.workspace?.codeLens?.refreshSupport;
    service.support.documentChanges = !!caps.workspace?.workspaceEdit?.documentChanges;
    service.support.showDocument = !!caps.window?.showDocument?.support;
    const experimental = caps.experimental as { policylint?: Record<string, unknown> } | undefined;
    service.support.snippetEdits = experimental?.policylint?.[SNIPPET_EDITS_CAPABILITY] === true;
    watchFilesDynamically = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    configurationDynamically = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
        documentSymbolProvider: { label: 'policylint' },
        foldingRangeProvider: true,
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: COMMAND_IDS },
        diagnosticProvider: service.support.pullDiagnostics
          ? { identifier: 'policylint', interFileDependencies: false, workspaceDiagnostics: false }
          : undefined,
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'policylint-language-server', version },
    };
  });

  connection.onInitialized(() => {
    if (configurationDynamically) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'policylint' });
    }
    if (watchFilesDynamically) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: WATCHED_FILES }],
      });
    }
    connection.console.info('policylint language server started');
  });

  // ---------------------------------------------------------------- documents

  documents.onDidOpen(
    guarded('didOpen', undefined, undefined, (e) => service.opened(e.document.uri, e.document.version)),
  );
  documents.onDidChangeContent(
    guarded('didChange', undefined, undefined, (e) => {
      // onDidChangeContent also fires on open (version 1 is handled there).
      if (service.isOpenEvent(e.document)) return;
      service.changed(e.document.uri);
    }),
  );
  documents.onDidSave(guarded('didSave', undefined, undefined, (e) => service.saved(e.document.uri)));
  documents.onDidClose(guarded('didClose', undefined, undefined, (e) => service.closed(e.document.uri)));

  connection.languages.diagnostics.on(
    guarded(
      DocumentDiagnosticRequest.method,
      PARAMS.pullDiagnostics,
      { kind: 'full' as const, items: [] },
      (params, token) => service.pull(params.textDocument.uri, params.previousResultId, token),
    ),
  );

  // ---------------------------------------------------------------- settings and config files

  connection.onDidChangeConfiguration(
    guarded(DidChangeConfigurationNotification.method, undefined, undefined, (params: unknown) => {
      // Whatever the payload, the cached settings are dropped and asked again; a malformed one is one log line.
      const settings = params && typeof params === 'object' ? (params as { settings?: unknown }).settings : undefined;
      const problem =
        params && typeof params === 'object' ? service.settings.changed(settings) : 'the params must be an object';
      if (!(params && typeof params === 'object')) service.settings.changed(undefined);
      if (problem)
        connection.console.warn(
          `policylint: ignored malformed settings in ${DidChangeConfigurationNotification.method}: ${problem}`,
        );
      service.relintAll();
    }),
  );

  connection.onDidChangeWatchedFiles(
    notified(DidChangeWatchedFilesNotification.method, PARAMS.watchedFiles, (params) => {
      for (const change of params.changes) {
        const file = fsPathOf(change.uri);
        // An ignore file only makes the documents be linted again (relintAll reads ignore files anew).
        if (file && (CONFIG_FILE_NAMES as readonly string[]).includes(path.basename(file)))
          service.configs.fileChanged(file, change.type === FileChangeType.Deleted);
      }
      service.relintAll();
    }),
  );

  // ---------------------------------------------------------------- language features

  /** The config file of an analysed document and its text (the open editor's, else the disk's), for quick-fixes that edit it. */
  const configAccess = (a: Analysis): ConfigAccess => ({
    file: () => service.configs.get(a.uri, a.settings).file,
    text: (file) => documents.get(pathToFileURL(file).href)?.getText() ?? service.configs.textOf(file),
  });

  connection.onCodeAction(
    guarded(CodeActionRequest.method, PARAMS.codeAction, [], (params) =>
      onAnalysis(params.textDocument.uri, [], (a) => codeActions(params, a, service.support, configAccess(a))),
    ),
  );
  connection.onDocumentSymbol(
    guarded(DocumentSymbolRequest.method, PARAMS.textDocument, [], (params) =>
      onAnalysis(params.textDocument.uri, [], documentSymbols),
    ),
  );
  connection.onFoldingRanges(
    guarded(FoldingRangeRequest.method, PARAMS.textDocument, [], (params) =>
      onAnalysis(params.textDocument.uri, [], foldingRanges),
    ),
  );
  connection.onHover(
    guarded(HoverRequest.method, PARAMS.atPosition, null, (params) =>
      onAnalysis(params.textDocument.uri, null, (a) => hover(a, params.position)),
    ),
  );
  connection.onCompletion(
    guarded(CompletionRequest.method, PARAMS.atPosition, [], (params) =>
      onAnalysis(params.textDocument.uri, [], (a) => completions(a, params.position)),
    ),
  );
  connection.onCodeLens(
    guarded(CodeLensRequest.method, PARAMS.textDocument, [], (params) =>
      onAnalysis(params.textDocument.uri, [], codeLenses),
    ),
  );

  connection.onRequest(
    ChecklistRequest,
    guarded(ChecklistRequest.method, PARAMS.checklist, null, (params) => checklist(service, params.uri)),
  );
  connection.onRequest(
    LintDocumentsRequest,
    guarded(LintDocumentsRequest.method, PARAMS.lintDocuments, { results: [] }, (params, token) =>
      lintDocuments(service, params, token),
    ),
  );
  connection.onRequest(
    ReviewReportRequest,
    guarded(ReviewReportRequest.method, PARAMS.checklist, null, (params) => reviewReport(service, params.uri, version)),
  );
  connection.onNotification(
    WorkspaceTrustedNotification,
    notified(WorkspaceTrustedNotification.method, PARAMS.trusted, (params) => {
      service.baselines.setTrusted(params.trusted);
      service.relintAll();
    }),
  );
  connection.onExecuteCommand(
    guarded(ExecuteCommandRequest.method, PARAMS.executeCommand, false, (params) => executeCommand(service, params)),
  );

  documents.listen(connection);
  connection.listen();
  return service;
}
