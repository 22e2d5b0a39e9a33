// The policylint language server: LSP wiring only. Every check and fix is the engine's;
// the helpers in ./lsp convert between the engine and LSP. The transport comes from argv
// (--stdio, --node-ipc, --socket=N).
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ChecklistRequest, LintDocumentsRequest } from './protocol.js';
import { CODE_ACTION_KINDS, codeActions } from './lsp/codeActions.js';
import { checklist, COMMAND_IDS, executeCommand, lintDocuments } from './lsp/commands.js';
import { codeLenses } from './lsp/checklist.js';
import { COMPLETION_TRIGGERS, completions } from './lsp/completion.js';
import { hover } from './lsp/hover.js';
import { documentSymbols, foldingRanges } from './lsp/outline.js';
import { fsPathOf } from './lsp/selection.js';
import { PolicyService } from './lsp/service.js';
import type { Analysis } from './lsp/analysis.js';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = new PolicyService(connection, documents, process.env.POLICYLINT_TEST_THROW_IN_RULE || undefined);
let watchFilesDynamically = false;
let configurationDynamically = false;

/** Runs a handler; an exception is logged and answered with `fallback`, never taking the server down. */
function guarded<P extends unknown[], R>(name: string, fallback: R, fn: (...args: P) => R | Promise<R>): (...args: P) => Promise<R> {
  return async (...args: P) => {
    try {
      return await fn(...args);
    } catch (err) {
      // Errors meant for the client (bad command arguments) go back as errors.
      if (err instanceof ResponseError) throw err;
      service.logError(name, err);
      return fallback;
    }
  };
}

/** A feature on the current analysis of an open policy document. */
function onAnalysis<R>(uri: string, fallback: R, fn: (a: Analysis) => R): Promise<R> {
  return service.current(uri).then((a) => (a?.selected && a.result ? fn(a) : fallback));
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities;
  service.support.configuration = !!caps.workspace?.configuration;
  service.support.pullDiagnostics = !!caps.textDocument?.diagnostic;
  service.support.diagnosticRefresh = !!caps.workspace?.diagnostics?.refreshSupport;
  service.support.codeLensRefresh = !!caps.workspace?.codeLens?.refreshSupport;
  service.support.documentChanges = !!caps.workspace?.workspaceEdit?.documentChanges;
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
    serverInfo: { name: 'policylint-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (configurationDynamically) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'policylint' });
  }
  if (watchFilesDynamically) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.policylintrc.json' }] });
  }
  connection.console.info('policylint language server started');
});

// ---------------------------------------------------------------- documents

documents.onDidOpen(guarded('didOpen', undefined, (e) => service.opened(e.document.uri, e.document.version)));
documents.onDidChangeContent(
  guarded('didChange', undefined, (e) => {
    // onDidChangeContent also fires on open (version 1 is handled there).
    if (service.isOpenEvent(e.document)) return;
    service.changed(e.document.uri);
  }),
);
documents.onDidSave(guarded('didSave', undefined, (e) => service.saved(e.document.uri)));
documents.onDidClose(guarded('didClose', undefined, (e) => service.closed(e.document.uri)));

connection.languages.diagnostics.on(
  guarded('pull diagnostics', { kind: 'full' as const, items: [] }, (params, token) => service.pull(params.textDocument.uri, params.previousResultId, token)),
);

// ---------------------------------------------------------------- settings and config files

connection.onDidChangeConfiguration(
  guarded('didChangeConfiguration', undefined, (params) => {
    service.settings.changed(params.settings);
    service.relintAll();
  }),
);

connection.onDidChangeWatchedFiles(
  guarded('didChangeWatchedFiles', undefined, (params) => {
    for (const change of params.changes) {
      const file = fsPathOf(change.uri);
      if (file) service.configs.fileChanged(file, change.type === FileChangeType.Deleted);
    }
    service.relintAll();
  }),
);

// ---------------------------------------------------------------- language features

connection.onCodeAction(
  guarded('codeAction', [], (params) => onAnalysis(params.textDocument.uri, [], (a) => codeActions(params, a, service.support.documentChanges))),
);
connection.onDocumentSymbol(guarded('documentSymbol', [], (params) => onAnalysis(params.textDocument.uri, [], documentSymbols)));
connection.onFoldingRanges(guarded('foldingRange', [], (params) => onAnalysis(params.textDocument.uri, [], foldingRanges)));
connection.onHover(guarded('hover', null, (params) => onAnalysis(params.textDocument.uri, null, (a) => hover(a, params.position))));
connection.onCompletion(guarded('completion', [], (params) => onAnalysis(params.textDocument.uri, [], (a) => completions(a, params.position))));
connection.onCodeLens(guarded('codeLens', [], (params) => onAnalysis(params.textDocument.uri, [], codeLenses)));

connection.onRequest(ChecklistRequest, guarded('checklist', null, (params) => checklist(service, params.uri)));
connection.onRequest(
  LintDocumentsRequest,
  guarded('lintDocuments', { results: [] }, (params, token) => lintDocuments(service, params, token)),
);
connection.onExecuteCommand(guarded('command', false, (params) => executeCommand(service, params)));

process.on('uncaughtException', (err) => service.logError('uncaught exception', err));
process.on('unhandledRejection', (err) => service.logError('unhandled rejection', err));

documents.listen(connection);
connection.listen();
