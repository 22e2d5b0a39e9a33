// The policylint VS Code extension: starts the language server and wires the commands, the
// checklist view and the status item to it. Logic that needs no vscode lives in the pure
// modules beside this file (selector, status-text, checklist-model, checklist-store,
// lint-workspace, config-template), which test/client tests directly.
import * as vscode from 'vscode';
import { ChecklistRequest } from '../../server/src/protocol.js';
import { ChecklistStore } from './checklist-store.js';
import { ChecklistView } from './checklist-view.js';
import { registerCommands } from './commands.js';
import { PolicyClient, type ClientFactory } from './language-client.js';
import { nodeClientFactory } from './node-client.js';
import { PolicyStatus } from './status-item.js';
import { registerTasks } from './tasks.js';

/** Context key: the active editor shows a policy (the checklist view's `when`). */
const ACTIVE_IS_POLICY = 'policylint.activeIsPolicy';

let host: PolicyClient | undefined;

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateWith(context, nodeClientFactory(context), { tasks: true });
}

/** The extension on a transport; `tasks`: the policylint task type (it needs a shell: desktop only). */
export async function activateWith(
  context: vscode.ExtensionContext,
  factory: ClientFactory,
  options: { tasks: boolean },
): Promise<void> {
  const output = vscode.window.createOutputChannel('policylint');
  const client = new PolicyClient(output, factory);
  host = client;
  const store = new ChecklistStore(
    (uri) => client.require().sendRequest(ChecklistRequest, { uri }),
    (uri, err) =>
      output.appendLine(`Could not get the checklist of ${uri}: ${err instanceof Error ? err.message : String(err)}`),
  );
  const view = new ChecklistView(store);
  const status = new PolicyStatus(store);
  context.subscriptions.push(output, client, view, status);

  /** The document the view and the status describe: the active editor's, when it is a policy. */
  let active: vscode.TextDocument | undefined;
  const isPolicy = (doc: vscode.TextDocument | undefined) => !!doc && vscode.languages.match(client.selector, doc) > 0;
  const follow = (editor: vscode.TextEditor | undefined) => {
    // Output panels and similar are editors too; they leave the checklist as it was.
    if (editor && editor.document.uri.scheme === 'output') return;
    active = isPolicy(editor?.document) ? editor!.document : undefined;
    void vscode.commands.executeCommand('setContext', ACTIVE_IS_POLICY, !!active);
    const uri = active?.uri.toString();
    status.show(uri);
    if (client.current) view.show(uri);
  };

  const refreshAll = () => {
    store.clear();
    status.setSelector(client.selector);
    follow(vscode.window.activeTextEditor);
  };

  context.subscriptions.push(
    ...registerCommands({ client, activePolicy: () => active }),
    ...(options.tasks ? [registerTasks()] : []),
    vscode.window.onDidChangeActiveTextEditor(follow),
    client.onDidLint((e) => {
      store.noteLinted(e);
      if (e.uri === active?.uri.toString()) void store.refresh(e.uri);
    }),
    // Each (re)start: a fresh server knows nothing the store had; the selector may be new.
    client.onDidStart(refreshAll),
    vscode.workspace.onDidCloseTextDocument((doc) => store.forget(doc.uri.toString())),
    // A document can become a policy without an editor change: a new language, a rename.
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (doc === vscode.window.activeTextEditor?.document) follow(vscode.window.activeTextEditor);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('policylint.files')) return;
      await client.recreate();
      if (!client.current) refreshAll();
    }),
  );

  await client.start();
  if (!client.current) refreshAll();
}

export async function deactivate(): Promise<void> {
  await host?.stop();
  host = undefined;
}
