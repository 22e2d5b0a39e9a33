// The web extension (vscode.dev, github.dev, code-server's web worker host): the same
// extension, its server (dist/browser/server.js, the same engine) in a web worker.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser.js';
import { activateWith, deactivate } from './extension.js';

/** The web extension host's Worker (this project builds without the DOM types). */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateWith(
    context,
    (id, name, options) => {
      const main = vscode.Uri.joinPath(context.extensionUri, 'dist/browser/server.js');
      const worker = new Worker(main.toString(true));
      return new LanguageClient(id, name, options, worker);
    },
    { tasks: false },
  );
}

export { deactivate };
