// The typed protocol between the policylint client and server, declared once and
// imported by both (the client through esbuild). Only vscode-languageserver-protocol
// types: no vscode import here.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-protocol';

export type ChecklistStatus = 'present' | 'incomplete' | 'missing';

export interface ChecklistItemInfo {
  id: string;
  title: string;
  status: ChecklistStatus;
  /** Where the evidence is (LSP range, 0-based), when the item is addressed. */
  range?: Range;
  /** The evidence line's text, trimmed. */
  evidence?: string;
  /** The section that covers the item. */
  section?: string;
  /** Why the item is incomplete. */
  reason?: string;
  facts: Record<string, unknown>;
  /** Corpus coverage of the item: "in 3 of 5 sample policies". */
  coverage: { covered: number; total: number };
  /** Whether the active profile requires the item. */
  required: boolean;
  /** True when the server can insert the section (missing items). */
  insertable: boolean;
}

/** One active profile's share of the checklist (the engine's profileCounts), for grouping: "GDPR 9/14". */
export interface ChecklistGroupInfo {
  /** `recommended`, `all` (the corpus items only it turns on), a law profile's id, or `none` (the items no active profile asks for, last). */
  profile: string;
  /** "Checklist", "Other items", the law's label ("GDPR"), or "Not asked for". */
  label: string;
  /** Items present (incomplete ones are not met). */
  met: number;
  total: number;
  /** The ids of its items, in checklist order (an item two laws ask for is in both groups). */
  items: string[];
}

export interface ChecklistResponse {
  uri: string;
  version: number | null;
  looksLikePolicy: boolean;
  items: ChecklistItemInfo[];
  /** Items present / items in the checklist. */
  present: number;
  total: number;
  /** The items per active profile, then those none asks for, when a law profile is on; absent otherwise (the view shows one flat list). */
  groups?: ChecklistGroupInfo[];
  /** The groups' counts as one line, "Checklist 12/14 · GDPR 9/10", when there are groups. */
  grouped?: string;
  /** Milliseconds the last lint of this document took in the engine. */
  elapsedMs: number;
}

/** policylint/checklist: the checklist of one document (open, or read from disk by the server). */
export const ChecklistRequest = new RequestType<{ uri: string }, ChecklistResponse | null, void>(
  'policylint/checklist',
);

/** Sent by the server after it lints a document, so views (checklist, status) can refresh. */
export const ChecklistChangedNotification = new NotificationType<{
  uri: string;
  version: number | null;
  present: number;
  total: number;
  grouped?: string;
  elapsedMs: number;
}>('policylint/checklistChanged');

/** The files the client watches for the server: config files, and the ignore files that change what is linted. */
export const WATCHED_FILES = '**/{.policylintrc.json,.policylintrc.jsonc,.policylintignore,.gitignore}';

export interface LintDocumentsParams {
  /** Documents that are not necessarily open: the client reads them (so virtual file systems work). */
  documents: { uri: string; text: string }[];
}
export interface LintDocumentsResult {
  /** `ignored`: what leaves the file out (.policylintignore, .gitignore, a config's `ignores`); it was not linted. */
  results: {
    uri: string;
    errors: number;
    warnings: number;
    infos: number;
    looksLikePolicy: boolean;
    problem?: string;
    ignored?: string;
  }[];
}
/** policylint/lintDocuments: lint texts the client sends and publish their diagnostics (Lint Workspace). */
export const LintDocumentsRequest = new RequestType<LintDocumentsParams, LintDocumentsResult, void>(
  'policylint/lintDocuments',
);

/** policylint/reviewReport: the review report of an open document, as one self-contained HTML page (links to lines are command URIs of policylint.revealEvidence). */
export const ReviewReportRequest = new RequestType<{ uri: string }, { html: string } | null, void>(
  'policylint/reviewReport',
);

/** Sent by the client when the user trusts the workspace: from then on the server may read git (stale-effective-date). */
export const WorkspaceTrustedNotification = new NotificationType<{ trusted: boolean }>('policylint/workspaceTrusted');

export interface WorkspaceFilesParams {
  /** Files the server cannot read itself, each with its text, or null when it is gone. */
  files: { uri: string; text: string | null }[];
}
/**
 * policylint/workspaceFiles: the web extension's client sends the workspace's config files
 * (.policylintrc.json/.jsonc, read through vscode.workspace.fs) to the server in the web
 * worker, which has no file system: all of them once the server runs, then each one that is
 * created, changed (its new text) or deleted (null). The Node server reads the disk instead.
 */
export const WorkspaceFilesNotification = new NotificationType<WorkspaceFilesParams>('policylint/workspaceFiles');

/** Commands served by workspace/executeCommand. */
export const Commands = {
  /** args: [uri: string] — inserts every missing checklist section (a workspace/applyEdit). */
  insertMissingSections: 'policylint.server.insertMissingSections',
  /** args: [uri: string, itemId: string, choice?: string] — inserts one missing section (whatever its rule's severity; `choice` picks an answer of its template). */
  insertSection: 'policylint.server.insertSection',
  /** args: [uri: string] — applies every safe fix (the same as source.fixAll.policylint). */
  fixAll: 'policylint.server.fixAll',
  /** args: [uri: string, ruleId: string, scope: 'line' | 'file', line: number (0-based), reason?: string] — writes a disable comment. */
  disableRule: 'policylint.server.disableRule',
  /** args: [ruleId: string, uri?: string] — opens the rule's page with window/showDocument (or says where it is). */
  showDocumentation: 'policylint.server.showDocumentation',
  /** args: [uri: string] — the checklist summary as a message (VS Code's client opens its checklist view instead). */
  showChecklist: 'policylint.server.showChecklist',
} as const;

/**
 * An experimental client capability (`experimental.policylint.snippetEdits: true`): the client
 * turns code-action edits marked `data.snippet` into snippet edits (VS Code's client does), so
 * a disable comment's reason can be a placeholder. Other clients get a plain default reason.
 */
export const SNIPPET_EDITS_CAPABILITY = 'snippetEdits';

/** Client-side commands (package.json contributes.commands). */
export const ClientCommands = {
  lintWorkspace: 'policylint.lintWorkspace',
  insertMissingSections: 'policylint.insertMissingSections',
  showChecklist: 'policylint.showChecklist',
  createConfig: 'policylint.createConfig',
  restartServer: 'policylint.restartServer',
  showOutput: 'policylint.showOutput',
  showDocs: 'policylint.showRuleDocs',
  disableWithReason: 'policylint.disableWithReason',
  revealEvidence: 'policylint.revealEvidence',
  insertSection: 'policylint.insertSection',
  openReviewReport: 'policylint.openReviewReport',
} as const;

/** The payload carried in Diagnostic.data, so code actions need no server state. */
export interface DiagnosticData {
  ruleId: string;
  docsUrl: string;
  /** The document the diagnostic is about: code actions refuse data of another document. */
  uri?: string;
  /** The document version the fix was computed for. */
  version: number | null;
  /** A fingerprint of the text the fix was computed for (a version number can come back with other text). */
  textStamp?: string;
  fix?: SerializedFix;
  suggestions?: SerializedFix[];
  /** About the whole document (a missing section): no "disable for this line" action. */
  documentLevel?: boolean;
}
export interface SerializedFix {
  title: string;
  safe: boolean;
  /** 'section' inserts a whole section: never part of fix-all or fix-on-save. Absent: a text fix. */
  kind?: 'text' | 'section';
  edits: { range: Range; newText: string }[];
}
