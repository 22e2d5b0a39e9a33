// The `policylint` task type: Lint Workspace as a task, running the policylint CLI in a
// shell, its stylish output read by the `$policylint` problem matcher (package.json).
import * as vscode from 'vscode';

export const TASK_TYPE = 'policylint';

interface PolicylintTaskDefinition extends vscode.TaskDefinition {
  /** Files, folders or globs to lint (default: the workspace folder). */
  paths?: string[];
  /** Extra CLI arguments, e.g. ["--profile", "all"]. */
  args?: string[];
}

function task(folder: vscode.WorkspaceFolder, definition: PolicylintTaskDefinition): vscode.Task {
  const args = [...(definition.args ?? []), ...(definition.paths?.length ? definition.paths : ['.'])];
  const execution = new vscode.ShellExecution('npx', ['--no-install', 'policylint', ...args], {
    cwd: folder.uri.fsPath,
  });
  const t = new vscode.Task(definition, folder, 'Lint Workspace', TASK_TYPE, execution, ['$policylint']);
  t.group = vscode.TaskGroup.Test;
  return t;
}

export function registerTasks(): vscode.Disposable {
  return vscode.tasks.registerTaskProvider(TASK_TYPE, {
    provideTasks: () =>
      (vscode.workspace.workspaceFolders ?? [])
        .filter((f) => f.uri.scheme === 'file')
        .map((f) => task(f, { type: TASK_TYPE })),
    resolveTask: (t) => {
      const folder =
        typeof t.scope === 'object' ? (t.scope as vscode.WorkspaceFolder) : vscode.workspace.workspaceFolders?.[0];
      return folder && folder.uri.scheme === 'file'
        ? task(folder, t.definition as PolicylintTaskDefinition)
        : undefined;
    },
  });
}
