// The "Policy Checklist" view in the Explorer: the active policy's checklist items (under a
// node per profile when a law profile is on).
import * as vscode from 'vscode';
import { ClientCommands } from '../../server/src/protocol.js';
import { checklistMessage, checklistNodes, checklistSummary } from './checklist-model.js';
import type { ChecklistNode } from './checklist-model.js';
import type { ChecklistStore } from './checklist-store.js';

export const VIEW_ID = 'policylint.checklist';

export class ChecklistView implements vscode.TreeDataProvider<ChecklistNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly view: vscode.TreeView<ChecklistNode>;
  private readonly unsubscribe: () => void;
  /** The policy the view shows; undefined when no policy editor is active. */
  private uri: string | undefined;

  constructor(private readonly store: ChecklistStore) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: false });
    this.unsubscribe = store.onDidChange((uri) => {
      if (uri === this.uri) this.update();
    });
    this.update();
  }

  get visible(): boolean {
    return this.view.visible;
  }

  /** Shows the checklist of `uri` (or the "open a policy" message) and fetches it. */
  show(uri: string | undefined): void {
    const changed = uri !== this.uri;
    this.uri = uri;
    if (changed) this.update();
    if (uri) void this.store.refresh(uri);
  }

  private update(): void {
    const resp = this.uri ? this.store.get(this.uri) : undefined;
    this.view.message = checklistMessage(resp, this.uri !== undefined);
    this.view.description = checklistSummary(resp);
    this.emitter.fire();
  }

  getChildren(element?: ChecklistNode): ChecklistNode[] {
    if (element) return element.children ?? [];
    if (!this.uri) return [];
    return checklistNodes(this.store.get(this.uri));
  }

  getTreeItem(node: ChecklistNode): vscode.TreeItem {
    const item = new vscode.TreeItem(
      node.label,
      node.children ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
    );
    item.id = node.id;
    item.description = node.description;
    const tooltip = new vscode.MarkdownString(node.tooltip);
    tooltip.supportThemeIcons = false;
    item.tooltip = tooltip;
    item.iconPath = new vscode.ThemeIcon(node.icon.id, new vscode.ThemeColor(node.icon.color));
    item.contextValue = node.contextValue;
    item.accessibilityInformation = { label: `${node.label}, ${node.description}` };
    if (node.reveal) {
      item.command = {
        command: ClientCommands.revealEvidence,
        title: 'Reveal Evidence',
        arguments: [node.uri, node.reveal],
      };
    }
    return item;
  }

  dispose(): void {
    this.unsubscribe();
    this.view.dispose();
    this.emitter.dispose();
  }
}
