// The desktop client: the bundled server (dist/server.cjs) in a Node process over IPC.
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node.js';
import type { ClientFactory } from './language-client.js';

export function nodeClientFactory(context: vscode.ExtensionContext): ClientFactory {
  return (id, name, options) => {
    const module = context.asAbsolutePath('dist/server.cjs');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
    };
    return new LanguageClient(id, name, serverOptions, options);
  };
}
