// The server's state: open documents, per-resource settings and configs, the lint cache,
// debounced validation tied to document versions, and diagnostics delivery (push, or
// pull when the client supports LSP 3.17 pull diagnostics).
import {
  CodeLensRefreshRequest,
  MessageType,
  ShowMessageNotification,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache, type Baseline } from '../engine/index.js';
import type { Faults } from '../engine/faults.js';
import { ChecklistChangedNotification } from '../protocol.js';
import { analyze, Lru, Superseded, type Analysis, type AnalyzeControl } from './analysis.js';
import { BaselineStore } from './baselines.js';
import { groupedCounts } from './checklist.js';
import { ConfigStore } from './configs.js';
import { isPolicyDocument } from './selection.js';
import { adaptiveDebounce, SettingsStore } from './settings.js';
import { describeIgnore, Ignores } from '../node/ignores.js';
import type { DocConfig } from './configs.js';
import { fsPathOf } from './selection.js';

export interface ClientSupport {
  /** workspace/configuration */
  configuration: boolean;
  /** textDocument/diagnostic */
  pullDiagnostics: boolean;
  /** workspace/diagnostic/refresh */
  diagnosticRefresh: boolean;
  /** workspace/codeLens/refresh */
  codeLensRefresh: boolean;
  /** WorkspaceEdit.documentChanges */
  documentChanges: boolean;
  /** window/showDocument */
  showDocument: boolean;
  /** experimental.policylint.snippetEdits (VS Code's client): snippet placeholders in code-action edits */
  snippetEdits: boolean;
}

export class PolicyService {
  readonly settings: SettingsStore;
  readonly configs: ConfigStore;
  /** Committed texts from git, for stale-effective-date (trusted workspaces only). */
  readonly baselines: BaselineStore;
  readonly support: ClientSupport = {
    configuration: false,
    pullDiagnostics: false,
    diagnosticRefresh: false,
    codeLensRefresh: false,
    documentChanges: false,
    showDocument: false,
    snippetEdits: false,
  };
  private readonly cache = new Lru<string, Analysis>(32);
  private readonly inflight = new Map<string, Promise<Analysis>>();
  private readonly lintSlots = new Slots(2);
  /** The text each running lint is of. */
  private readonly inflightText = new WeakMap<Promise<Analysis>, string>();
  /** A number per analysis, for pull result ids: unique even when a version number is reused. */
  private readonly serials = new WeakMap<Analysis, number>();
  private nextSerial = 0;
  /** Per open document, what its last lint can lend the next (unchanged chunks, memoized results). */
  private readonly engineCaches = new Map<string, AnalysisCache>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Documents we pushed diagnostics for (to clear them on close / when no longer selected). */
  private readonly pushed = new Set<string>();
  /** The last analysis delivered per open document (pull mode with run = onSave keeps showing it). */
  private readonly delivered = new Map<string, Analysis>();
  /** When each document last changed (for the pull-mode debounce). */
  private readonly lastChange = new Map<string, number>();
  /** The version each document was opened with, until its first change event. */
  private readonly openedAt = new Map<string, number>();
  /** Bumped when settings or config files change: cached results of older generations are stale. */
  private generation = 0;
  /** What the ignore files say, read anew when settings or watched files change. */
  private ignores = new Ignores();
  /** Ignore-file problems already shown, and documents already logged as ignored. */
  private readonly ignoreNotes = new Set<string>();

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    private readonly faults?: Faults,
  ) {
    this.settings = new SettingsStore(connection, () => this.support.configuration);
    this.baselines = new BaselineStore(
      (uri) => this.baselineChanged(uri),
      (message) => connection.console.info(message),
    );
    this.configs = new ConfigStore({
      publish: (uri, diagnostics) => this.publish(uri, null, diagnostics),
      // A notification (window/showMessage), not a request: nothing to answer, nothing to wait for.
      showError: (message) =>
        void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message }),
      log: (message) => connection.console.warn(message),
    });
  }

  // ------------------------------------------------------------ analysis

  /** The analysis of an open document as it is now (cached per uri and version, used only for the same text). */
  current(uri: string): Promise<Analysis | undefined> {
    const doc = this.documents.get(uri);
    return doc ? this.analyzeOpen(doc) : Promise.resolve(undefined);
  }

  private analyzeOpen(doc: TextDocument): Promise<Analysis> {
    // Keyed by version, but a version number can come back with other text (a second didOpen, a
    // client that resends or rewinds versions): a cached or running lint counts only for its own text.
    // The stamp changes when git gives a new committed text (stale-effective-date).
    const known = this.baselines.get(doc.uri);
    const key = `${this.generation}|${doc.uri}#${doc.version}|${known.stamp}`;
    const cached = this.cache.get(key);
    if (cached && isCurrent(cached, doc)) return Promise.resolve(cached);
    const running = this.inflight.get(key);
    if (running && this.inflightText.get(running) === doc.getText()) return running;
    // Capture the text now: the document object is updated in place by later changes.
    const input = { uri: doc.uri, languageId: doc.languageId, version: doc.version, text: doc.getText() };
    let engineCache = this.engineCaches.get(doc.uri);
    if (!engineCache) this.engineCaches.set(doc.uri, (engineCache = new AnalysisCache()));
    const generation = this.generation;
    const control: AnalyzeControl = {
      cache: engineCache,
      // A newer version, a close or a settings change makes this lint useless: stop it and lint what is current.
      superseded: () => {
        const now = this.documents.get(doc.uri);
        return !now || now.version !== input.version || now.getText() !== input.text || generation !== this.generation;
      },
    };
    const pending: Promise<Analysis> = this.analyzeText({ ...input, baseline: known.baseline }, control).then(
      (a) => {
        // Cache only if nothing made it stale meanwhile (a config change, a close).
        if (this.inflight.get(key) === pending) this.cache.set(key, a);
        if (a.result) this.checklistChanged(a);
        return a;
      },
      async (err) => {
        if (!(err instanceof Superseded)) throw err;
        const now = this.documents.get(doc.uri);
        if (now) return this.analyzeOpen(now);
        // Closed meanwhile: an analysis that selects nothing, which no caller publishes.
        return analyze({ ...input, text: '', selected: false, settings: await this.settings.get(doc.uri) });
      },
    );
    this.inflight.set(key, pending);
    this.inflightText.set(pending, input.text);
    const forget = () => {
      if (this.inflight.get(key) === pending) this.inflight.delete(key);
    };
    pending.then(forget, forget);
    return pending;
  }

  /** Lints a text with the settings and config of its URI (open or not). */
  async analyzeText(
    input: { uri: string; languageId: string; version: number; text: string; baseline?: Baseline },
    control: AnalyzeControl = {},
  ): Promise<Analysis> {
    const settings = await this.settings.get(input.uri);
    const wanted = settings.enable && isPolicyDocument(input.uri, input.languageId, settings.files);
    const docConfig = wanted ? this.configs.get(input.uri, settings) : undefined;
    const ignored = wanted ? this.ignoredBy(input.uri, docConfig) : undefined;
    const selected = wanted && !ignored;
    // Lints take turns (two at a time): a hundred documents changed at once (a branch switch,
    // a search and replace) are linted one after another instead of all holding their
    // half-built models at the same time; each lint still pauses for other requests.
    const a = await this.lintSlots.run(() =>
      analyze({ ...input, selected, settings, docConfig, faults: this.faults }, control),
    );
    for (const failure of a.ruleFailures ?? [])
      this.connection.console.error(`policylint: ${input.uri} v${input.version}: ${failure}`);
    return ignored ? { ...a, ignored } : a;
  }

  /** What ignores a document's file, in words (logged once per document), or undefined. */
  private ignoredBy(uri: string, docConfig: DocConfig | undefined): string | undefined {
    const file = fsPathOf(uri);
    if (!file) return undefined;
    const reason = this.ignores.check(file, false, docConfig);
    for (const p of this.ignores.problems)
      this.noteOnce(`problem|${p.file}|${p.message}`, `policylint: ${p.file}: ${p.message}.`, true);
    if (!reason) return undefined;
    const text = describeIgnore(reason);
    this.noteOnce(`ignored|${uri}|${text}`, `policylint: ${file} is ignored by ${text}: no diagnostics.`, false);
    return text;
  }

  private noteOnce(key: string, message: string, show: boolean): void {
    if (this.ignoreNotes.has(key)) return;
    this.ignoreNotes.add(key);
    if (show) this.connection.console.warn(message);
    else this.connection.console.info(message);
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }

  private checklistChanged(a: Analysis): void {
    const checklist = a.result!.checklist;
    void this.connection.sendNotification(ChecklistChangedNotification, {
      uri: a.uri,
      version: a.version,
      present: checklist.filter((e) => e.status === 'present').length,
      total: checklist.length,
      grouped: groupedCounts(a),
      elapsedMs: a.result!.elapsedMs,
    });
  }

  // ------------------------------------------------------------ validation (push)

  /** Lints the document after `delay` ms; a later call for the same document replaces this one. */
  schedule(uri: string, delay: number): void {
    this.cancel(uri);
    if (this.support.pullDiagnostics) return;
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.validate(uri).catch((err) => this.logError(`lint of ${uri}`, err));
      }, delay),
    );
  }

  cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  /** didChange: debounced, unless the user lints on save. */
  changed(uri: string): void {
    this.lastChange.set(uri, Date.now());
    this.cancel(uri);
    void this.settings.get(uri).then((s) => {
      if (s.run === 'onType') this.schedule(uri, this.debounceFor(uri, s.debounceMs));
    });
  }

  /** The debounce for a document, from its last delivered lint (see adaptiveDebounce). */
  debounceFor(uri: string, configured: number): number {
    return adaptiveDebounce(configured, this.delivered.get(uri)?.result?.elapsedMs ?? 0);
  }

  saved(uri: string): void {
    this.baselines.due(uri);
    void this.settings.get(uri).then((s) => {
      if (s.run !== 'onSave') return;
      if (this.support.pullDiagnostics) {
        this.delivered.delete(uri);
        this.refreshPull();
      } else {
        this.schedule(uri, 0);
      }
    });
  }

  opened(uri: string, version: number): void {
    this.openedAt.set(uri, version);
    this.delivered.delete(uri);
    // Diagnostics pushed for it by a workspace lint would show twice next to pulled ones.
    if (this.support.pullDiagnostics && this.pushed.has(uri)) this.publish(uri, null, []);
    this.schedule(uri, 0);
  }

  /** onDidChangeContent fires for didOpen too: true (once) for that first event. */
  isOpenEvent(doc: TextDocument): boolean {
    if (this.openedAt.get(doc.uri) !== doc.version) return false;
    this.openedAt.delete(doc.uri);
    return true;
  }

  closed(uri: string): void {
    this.openedAt.delete(uri);
    this.lastChange.delete(uri);
    this.cancel(uri);
    this.delivered.delete(uri);
    this.settings.forget(uri);
    this.baselines.forget(uri);
    this.engineCaches.delete(uri);
    for (const key of this.cache.keys()) if (key.includes(`|${uri}#`)) this.cache.delete(key);
    for (const key of [...this.inflight.keys()]) if (key.includes(`|${uri}#`)) this.inflight.delete(key);
    if (this.pushed.has(uri)) this.publish(uri, null, []);
  }

  private async validate(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const generation = this.generation;
    const a = await this.analyzeOpen(doc);
    // Never publish a stale result: if the document, the settings or a config changed
    // meanwhile, the lint they scheduled publishes instead.
    const now = this.documents.get(uri);
    if (!now || !isCurrent(a, now) || generation !== this.generation) return;
    this.delivered.set(uri, a);
    // An ignored document gets an empty list: diagnostics from before it was ignored go away.
    if (a.selected || a.ignored || this.pushed.has(uri)) this.publish(uri, a.version, a.diagnostics);
  }

  publish(uri: string, version: number | null, diagnostics: Diagnostic[]): void {
    if (diagnostics.length) this.pushed.add(uri);
    else this.pushed.delete(uri);
    void this.connection.sendDiagnostics({ uri, version: version ?? undefined, diagnostics });
  }

  // ------------------------------------------------------------ pull diagnostics

  async pull(
    uri: string,
    previousResultId: string | undefined,
    token?: CancellationToken,
  ): Promise<DocumentDiagnosticReport> {
    const settings = await this.settings.get(uri);
    const last = this.delivered.get(uri);
    const open = this.documents.get(uri);
    if (!open) return { kind: 'full', items: [] };
    if (settings.run === 'onSave' && last && !isCurrent(last, open)) {
      // Not saved since the last lint (another text, whatever its version number): keep what the client shows.
      const resultId = this.resultId(last);
      return previousResultId === resultId
        ? { kind: 'unchanged', resultId }
        : { kind: 'full', resultId, items: last.diagnostics };
    }
    // The client pulls after each change: honour policylint.debounceMs here too.
    const wait =
      settings.run === 'onType'
        ? this.debounceFor(uri, settings.debounceMs) - (Date.now() - (this.lastChange.get(uri) ?? 0))
        : 0;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const doc = this.documents.get(uri);
    if (!doc || token?.isCancellationRequested) return { kind: 'full', items: last?.diagnostics ?? [] };
    const a = await this.analyzeOpen(doc);
    this.delivered.set(uri, a);
    return { kind: 'full', resultId: this.resultId(a), items: a.diagnostics };
  }

  private resultId(a: Analysis): string {
    let serial = this.serials.get(a);
    if (serial === undefined) this.serials.set(a, (serial = this.nextSerial++));
    return `${this.generation}:${a.version}:${serial}`;
  }

  private refreshPull(): void {
    if (this.support.diagnosticRefresh) this.connection.languages.diagnostics.refresh();
  }

  // ------------------------------------------------------------ settings and config changes

  /** Settings or config files changed: drop every cached copy and lint the open documents again. */
  relintAll(): void {
    this.generation++;
    this.ignores = new Ignores();
    this.cache.clear();
    this.inflight.clear();
    this.configs.clear();
    this.delivered.clear();
    if (this.support.pullDiagnostics) this.refreshPull();
    else for (const doc of this.documents.all()) this.schedule(doc.uri, 0);
    if (this.support.codeLensRefresh)
      this.connection.sendRequest(CodeLensRefreshRequest.type).catch((err) => this.logError('code lens refresh', err));
  }

  /** Git answered with a new committed text for an open document: lint it again (once). */
  private baselineChanged(uri: string): void {
    if (!this.documents.get(uri)) return;
    if (this.support.pullDiagnostics) this.refreshPull();
    else this.schedule(uri, 0);
  }

  logError(what: string, err: unknown): void {
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    this.connection.console.error(`policylint: ${what} failed: ${detail}`);
  }
}

/** Whether an analysis is of the document as it is now: the same version and the same text. */
function isCurrent(a: Analysis, doc: TextDocument): boolean {
  return a.version === doc.version && a.text.getText() === doc.getText();
}

/** Runs at most `size` tasks at a time, the others waiting in order of arrival. */
export class Slots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      // The slot passes straight to the next waiting task, or is freed.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
