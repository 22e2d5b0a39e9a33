// The extension's commands. Every id in ClientCommands has its handler in `handlers` below
// (the type makes a missing one a compile error; test/client/package.test.ts checks the manifest).
import * as vscode from 'vscode';
import { ExecuteCommandRequest } from 'vscode-languageclient';
import type { Range as LspRange } from 'vscode-languageclient';
import { ClientCommands, Commands, LintDocumentsRequest, ReviewReportRequest } from '../../server/src/protocol.js';
import type { ChecklistNode } from './checklist-model.js';
import { VIEW_ID } from './checklist-view.js';
import { CONFIG_FILE_NAME, defaultConfigText } from './config-template.js';
import type { PolicyClient } from './language-client.js';
import { lintWorkspace, summaryMessage } from './lint-workspace.js';
import type { FileRef } from './lint-workspace.js';
import { readFilesSetting, SEARCH_EXCLUDE } from './selector.js';

type ClientCommandId = (typeof ClientCommands)[keyof typeof ClientCommands];

export interface CommandDeps {
  client: PolicyClient;
  /** The document the checklist and the status describe (the active policy), if any. */
  activePolicy(): vscode.TextDocument | undefined;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Runs a command body and turns a failure into one error message (and a line in the output). */
function guarded<A extends unknown[]>(deps: CommandDeps, name: string, body: (...args: A) => Promise<unknown>) {
  return async (...args: A) => {
    try {
      await body(...args);
    } catch (err) {
      const text = `policylint: ${name} failed: ${message(err)}`;
      deps.client.output.appendLine(text);
      void vscode.window.showErrorMessage(text);
    }
  };
}

async function serverCommand(deps: CommandDeps, command: string, args: unknown[]): Promise<unknown> {
  return deps.client.require().sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
}

/** A document URI from a command argument (string, Uri or checklist node), or the active policy's. */
function targetUri(deps: CommandDeps, arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg instanceof vscode.Uri) return arg.toString();
  if (arg && typeof arg === 'object' && typeof (arg as ChecklistNode).uri === 'string')
    return (arg as ChecklistNode).uri;
  return deps.activePolicy()?.uri.toString();
}

/** One report panel per document, reused when the command runs again. */
const reportPanels = new Map<string, vscode.WebviewPanel>();

/**
 * Shows a review report in a webview: no scripts (the page has none and its content security
 * policy forbids them), and command links only to reveal a line of the document.
 */
function showReport(uri: string, html: string): void {
  let panel = reportPanels.get(uri);
  if (!panel) {
    const name = vscode.Uri.parse(uri).path.split('/').pop() ?? uri;
    panel = vscode.window.createWebviewPanel('policylint.reviewReport', `Review: ${name}`, vscode.ViewColumn.Beside, {
      enableScripts: false,
      enableCommandUris: [ClientCommands.revealEvidence],
      localResourceRoots: [],
    });
    reportPanels.set(uri, panel);
    panel.onDidDispose(() => reportPanels.delete(uri));
  } else {
    panel.reveal(vscode.ViewColumn.Beside);
  }
  panel.webview.html = html;
}

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const handlers: Record<ClientCommandId, (...args: never[]) => Promise<void>> = {
    [ClientCommands.lintWorkspace]: guarded(deps, 'Lint Workspace', () => runLintWorkspace(deps)),

    [ClientCommands.insertMissingSections]: guarded(deps, 'Insert Missing Sections', async (arg?: unknown) => {
      const uri = targetUri(deps, arg);
      if (!uri)
        return void vscode.window.showInformationMessage(
          'policylint: open a privacy policy to insert its missing sections.',
        );
      await serverCommand(deps, Commands.insertMissingSections, [uri]);
    }),

    [ClientCommands.showChecklist]: guarded(deps, 'Show Checklist', async (uri?: unknown) => {
      // The code lens passes its document, which may be in an editor that is not active.
      if (typeof uri === 'string' && uri !== deps.activePolicy()?.uri.toString())
        await vscode.window.showTextDocument(vscode.Uri.parse(uri));
      if (!deps.activePolicy())
        return void vscode.window.showInformationMessage('policylint: open a privacy policy to see its checklist.');
      await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
    }),

    [ClientCommands.openReviewReport]: guarded(deps, 'Open Review Report', async (arg?: unknown) => {
      const uri = targetUri(deps, arg);
      if (!uri)
        return void vscode.window.showInformationMessage('policylint: open a privacy policy to see its review report.');
      const report = await deps.client.require().sendRequest(ReviewReportRequest, { uri });
      if (!report)
        return void vscode.window.showInformationMessage(
          'policylint: this document is not linted as a privacy policy, so it has no review report.',
        );
      showReport(uri, report.html);
    }),

    [ClientCommands.createConfig]: guarded(deps, 'Create Config File', () => createConfigFile()),

    [ClientCommands.restartServer]: guarded(deps, 'Restart Server', async () => {
      await deps.client.restart();
    }),

    [ClientCommands.showOutput]: guarded(deps, 'Show Output', async () => {
      deps.client.output.show(true);
    }),

    [ClientCommands.showDocs]: guarded(deps, 'Show Rule Documentation', async (url?: unknown) => {
      if (typeof url !== 'string' || !/^https?:\/\//i.test(url))
        throw new Error(`expected a documentation URL, got ${JSON.stringify(url)}`);
      await vscode.env.openExternal(vscode.Uri.parse(url));
    }),

    [ClientCommands.disableWithReason]: guarded(
      deps,
      'Disable Rule',
      async (uri?: unknown, ruleId?: unknown, scope?: unknown, line?: unknown) => {
        if (
          typeof uri !== 'string' ||
          typeof ruleId !== 'string' ||
          (scope !== 'line' && scope !== 'file') ||
          typeof line !== 'number'
        ) {
          throw new Error(
            `expected (uri, ruleId, "line" | "file", line), got ${JSON.stringify([uri, ruleId, scope, line])}`,
          );
        }
        const reason = await vscode.window.showInputBox({
          title: `Disable ${ruleId} ${scope === 'file' ? 'for this file' : 'for this line'}`,
          prompt: 'Why is the rule disabled here? The reason is written into the comment for the next reader.',
          placeHolder: 'e.g. the legal team reviewed this wording',
          ignoreFocusOut: true,
        });
        if (reason === undefined) return;
        await serverCommand(deps, Commands.disableRule, [uri, ruleId, scope, line, reason.trim() || undefined]);
      },
    ),

    [ClientCommands.revealEvidence]: guarded(deps, 'Reveal Evidence', async (uri?: unknown, range?: unknown) => {
      if (typeof uri !== 'string' || !isLspRange(range))
        throw new Error(`expected (uri, range), got ${JSON.stringify([uri, range])}`);
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
      // From the review report (a webview beside the editor): show the line where the document already is.
      const column = vscode.window.visibleTextEditors.find(
        (e) => e.document.uri.toString() === doc.uri.toString(),
      )?.viewColumn;
      const editor = await vscode.window.showTextDocument(doc, { selection, preserveFocus: false, viewColumn: column });
      editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),

    [ClientCommands.insertSection]: guarded(deps, 'Insert Section', async (arg?: unknown, id?: unknown) => {
      const node = arg && typeof arg === 'object' ? (arg as Partial<ChecklistNode>) : undefined;
      const uri = node?.uri ?? (typeof arg === 'string' ? arg : undefined);
      const itemId = node?.itemId ?? (typeof id === 'string' ? id : undefined);
      if (!uri || !itemId)
        throw new Error(`expected a checklist item or (uri, itemId), got ${JSON.stringify([arg, id])}`);
      await serverCommand(deps, Commands.insertSection, [uri, itemId]);
    }),
  };
  return Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}

function isLspRange(r: unknown): r is LspRange {
  const p = (x: unknown) =>
    !!x &&
    typeof (x as { line: unknown }).line === 'number' &&
    typeof (x as { character: unknown }).character === 'number';
  return !!r && typeof r === 'object' && p((r as LspRange).start) && p((r as LspRange).end);
}

async function runLintWorkspace(deps: CommandDeps): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length)
    return void vscode.window.showInformationMessage('policylint: open a folder to lint the policies in it.');
  const client = deps.client.require();
  const globsUsed = new Set<string>();
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'policylint: Lint Workspace', cancellable: true },
    async (progress, token) => {
      let reported = 0;
      return lintWorkspace({
        findFiles: async () => {
          const files: FileRef[] = [];
          for (const folder of folders) {
            const setting = readFilesSetting(vscode.workspace.getConfiguration('policylint', folder.uri).get('files'));
            if (setting.problem) deps.client.output.appendLine(`${folder.name}: ${setting.problem}`);
            for (const glob of setting.globs) {
              globsUsed.add(glob);
              const uris = await vscode.workspace.findFiles(
                new vscode.RelativePattern(folder, glob),
                SEARCH_EXCLUDE,
                undefined,
                token,
              );
              for (const uri of uris)
                files.push({ uri: uri.toString(), label: vscode.workspace.asRelativePath(uri, folders.length > 1) });
            }
          }
          return files.sort((a, b) => a.label.localeCompare(b.label));
        },
        openText: (file) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.uri)?.getText(),
        readFile: (file) => Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.parse(file.uri))),
        lintBatch: (documents) => client.sendRequest(LintDocumentsRequest, { documents }, token),
        progress: (done, total) => {
          const increment = total ? ((done - reported) / total) * 100 : 0;
          reported = done;
          progress.report({ message: `${done}/${total}`, increment });
        },
        isCancelled: () => token.isCancellationRequested,
        log: (line) => deps.client.output.appendLine(line),
      });
    },
  );
  const { text, severity } = summaryMessage(summary, [...globsUsed]);
  deps.client.output.appendLine(text);
  const buttons = summary.linted ? ['Open Problems', 'Show Output'] : ['Show Output'];
  const show =
    severity === 'error'
      ? vscode.window.showErrorMessage
      : severity === 'warning'
        ? vscode.window.showWarningMessage
        : vscode.window.showInformationMessage;
  const pick = await show(text, ...buttons);
  if (pick === 'Open Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
  if (pick === 'Show Output') deps.client.output.show();
}

async function createConfigFile(): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length)
    return void vscode.window.showInformationMessage(
      `policylint: open a folder to create a ${CONFIG_FILE_NAME} in it.`,
    );
  const folder =
    folders.length === 1
      ? folders[0]
      : await vscode.window.showWorkspaceFolderPick({ placeHolder: `Folder to create ${CONFIG_FILE_NAME} in` });
  if (!folder) return;
  const target = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
  if (await exists(target)) {
    await vscode.window.showTextDocument(target);
    void vscode.window.showInformationMessage(
      `policylint: ${vscode.workspace.asRelativePath(target)} already exists; it was opened, not overwritten.`,
    );
    return;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(defaultConfigText()));
  await vscode.window.showTextDocument(target);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch (err) {
    if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') return false;
    throw err;
  }
}
