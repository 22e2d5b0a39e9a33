// Starts and restarts the bundled language server: dist/server.cjs over IPC on the desktop
// (node-client.ts), dist/browser/server.js in a web worker on the web (browser.ts).
import * as vscode from 'vscode';
import {
  RevealOutputChannelOn,
  State,
  type BaseLanguageClient,
  type LanguageClientOptions,
} from 'vscode-languageclient';
import {
  ChecklistChangedNotification,
  ClientCommands,
  Commands,
  SNIPPET_EDITS_CAPABILITY,
  WATCHED_FILES,
  WorkspaceTrustedNotification,
} from '../../server/src/protocol.js';
import type { LintedEvent } from './checklist-store.js';
import { documentSelector, readFilesSetting } from './selector.js';
import type { PolicyDocumentFilter } from './selector.js';

const CLIENT_ID = 'policylint';

/** Makes the language client for a transport (Node IPC, or a web worker). */
export type ClientFactory = (id: string, name: string, options: LanguageClientOptions) => BaseLanguageClient;

export class PolicyClient implements vscode.Disposable {
  private client: BaseLanguageClient | undefined;
  private readonly perClient: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<LintedEvent>();
  private readonly started = new vscode.EventEmitter<void>();
  /** Fires for every ChecklistChangedNotification from the server. */
  readonly onDidLint = this.changed.event;
  /** Fires each time a (new or restarted) server is ready. */
  readonly onDidStart = this.started.event;
  selector: PolicyDocumentFilter[] = [];
  globs: string[] = [];

  constructor(
    readonly output: vscode.OutputChannel,
    private readonly factory: ClientFactory,
  ) {}

  /** The running client; undefined before start or after a failed start. */
  get current(): BaseLanguageClient | undefined {
    return this.client?.state === State.Running ? this.client : undefined;
  }

  /** Reads `policylint.files`, builds the selector and starts a server for it. */
  async start(): Promise<void> {
    const setting = readFilesSetting(vscode.workspace.getConfiguration('policylint').get('files'));
    if (setting.problem) this.output.appendLine(setting.problem);
    this.globs = setting.globs;
    this.selector = documentSelector(this.globs);
    const client = this.create();
    this.client = client;
    try {
      await client.start();
      this.started.fire();
    } catch (err) {
      const message = `policylint: the language server did not start: ${err instanceof Error ? err.message : String(err)}`;
      this.output.appendLine(message);
      void vscode.window.showErrorMessage(message, 'Show Output').then((pick) => pick && this.output.show());
    }
  }

  /** Restart Server: the same server with a fresh process. */
  async restart(): Promise<void> {
    if (this.client && this.client.state !== State.Stopped) {
      this.output.appendLine('Restarting the policylint language server.');
      await this.client.stop();
      await this.client.start();
      this.started.fire();
    } else {
      await this.stop();
      await this.start();
    }
  }

  /** A new selector (policylint.files changed) needs a new client. */
  async recreate(): Promise<void> {
    this.output.appendLine('policylint.files changed: restarting the language server with the new file patterns.');
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    for (const d of this.perClient.splice(0)) d.dispose();
    if (client && client.state !== State.Stopped) {
      try {
        await client.stop();
      } catch (err) {
        this.output.appendLine(
          `Stopping the language server failed: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
    }
  }

  /** The running client, or an error a command can show. */
  require(): BaseLanguageClient {
    const client = this.current;
    if (!client)
      throw new Error(
        'the policylint language server is not running (see the policylint output; Privacy Policy: Restart Server tries again)',
      );
    return client;
  }

  private create(): BaseLanguageClient {
    const watcher = vscode.workspace.createFileSystemWatcher(WATCHED_FILES);
    this.perClient.push(watcher);
    const clientOptions: LanguageClientOptions = {
      documentSelector: this.selector,
      synchronize: { fileEvents: watcher },
      outputChannel: this.output,
      traceOutputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      // The same name as the server's pull-diagnostics identifier, on purpose: VS Code keys
      // problems by this name, so when a file that Lint Workspace reported (push) is opened
      // and pulled, the pulled diagnostics replace the pushed ones instead of doubling them.
      // (VS Code logs that a collection of that name exists already; that is expected.)
      diagnosticCollectionName: CLIENT_ID,
      // The server reads git (stale-effective-date) only in a trusted workspace.
      initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted },
      middleware: {
        // "Disable … with a reason": the server marks the edit (data.snippet) so the reason is a placeholder to type over.
        provideCodeActions: async (document, range, context, token, next) => {
          const actions = await next(document, range, context, token);
          return actions?.map((a) =>
            a instanceof vscode.CodeAction && (a as { data?: { snippet?: boolean } }).data?.snippet
              ? asSnippetAction(a)
              : a,
          );
        },
        // The code lens runs the server's checklist command; in VS Code the checklist view shows it instead.
        executeCommand: async (command, args, next) => {
          if (command === Commands.showChecklist)
            return vscode.commands.executeCommand(ClientCommands.showChecklist, ...args);
          return next(command, args);
        },
        window: {
          // Rule pages are Markdown files shipped in the extension: open them in the Markdown preview.
          showDocument: async (params, next) => {
            if (!params.external && /^file:.*\.md$/i.test(params.uri)) {
              await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.parse(params.uri));
              return { success: true };
            }
            const result = await next(params, new vscode.CancellationTokenSource().token);
            return 'success' in result ? result : { success: false };
          },
        },
      },
    };
    const client = this.factory(CLIENT_ID, 'policylint', clientOptions);
    client.registerFeature({
      fillClientCapabilities(capabilities) {
        const experimental = (capabilities.experimental ?? {}) as Record<string, unknown>;
        capabilities.experimental = { ...experimental, policylint: { [SNIPPET_EDITS_CAPABILITY]: true } };
      },
      initialize() {},
      getState: () => ({ kind: 'static' }),
      clear() {},
    });
    this.perClient.push(client.onNotification(ChecklistChangedNotification, (e) => this.changed.fire(e)));
    this.perClient.push(
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        if (client.isRunning()) void client.sendNotification(WorkspaceTrustedNotification, { trusted: true });
      }),
    );
    return client;
  }

  dispose(): void {
    void this.stop();
    this.changed.dispose();
    this.started.dispose();
  }
}

/** The same action with its text edits as snippet edits (the reason is a tab stop). */
function asSnippetAction(action: vscode.CodeAction): vscode.CodeAction {
  if (!action.edit) return action;
  const edit = new vscode.WorkspaceEdit();
  for (const [uri, edits] of action.edit.entries()) {
    edit.set(
      uri,
      edits.map((e) => new vscode.SnippetTextEdit(e.range, new vscode.SnippetString(e.newText))),
    );
  }
  action.edit = edit;
  return action;
}
