// The language status item for policies: "Checklist 12/16 · 14 ms" (with a law profile on, the
// counts per profile: "Checklist 12/14 · GDPR 9/10 · 14 ms"), which opens the checklist.
import * as vscode from 'vscode';
import { ClientCommands } from '../../server/src/protocol.js';
import type { ChecklistStore } from './checklist-store.js';
import type { PolicyDocumentFilter } from './selector.js';
import { statusText } from './status-text.js';

export class PolicyStatus implements vscode.Disposable {
  private item: vscode.LanguageStatusItem | undefined;
  private uri: string | undefined;
  private readonly unsubscribe: () => void;

  constructor(private readonly store: ChecklistStore) {
    this.unsubscribe = store.onDidChange((uri) => {
      if (uri === this.uri) this.render();
    });
  }

  /** (Re)creates the item for a document selector (it changes with policylint.files). */
  setSelector(selector: PolicyDocumentFilter[]): void {
    this.item?.dispose();
    const item = vscode.languages.createLanguageStatusItem('policylint.status', selector);
    item.name = 'policylint checklist';
    this.item = item;
    this.render();
  }

  /** The document the item describes (the active policy). */
  show(uri: string | undefined): void {
    this.uri = uri;
    this.render();
  }

  private render(): void {
    const item = this.item;
    if (!item) return;
    const s = statusText(this.uri ? this.store.statsFor(this.uri) : undefined);
    item.text = s.text;
    item.detail = s.detail;
    item.severity = s.incomplete ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    item.command = {
      command: ClientCommands.showChecklist,
      title: 'Show Checklist',
      tooltip: 'Show the policy checklist',
    };
  }

  dispose(): void {
    this.unsubscribe();
    this.item?.dispose();
  }
}
