// The client's copy of the checklists the server computed: the full response per document
// (for the view) and the last lint's numbers (for the status item). Pure: the fetch function
// is passed in, listeners are plain callbacks.
import type { ChecklistResponse } from '../../server/src/protocol.js';
import type { LintStats } from './status-text.js';

export type FetchChecklist = (uri: string) => Promise<ChecklistResponse | null>;

export interface LintedEvent extends LintStats {
  uri: string;
  version: number | null;
}

/** The numbers the status item shows, of a lint notification or a checklist response. */
function statsOf(e: LintStats & { version: number | null }): LintStats & { version: number | null } {
  return {
    present: e.present,
    total: e.total,
    ...(e.grouped !== undefined && { grouped: e.grouped }),
    elapsedMs: e.elapsedMs,
    version: e.version,
  };
}

export class ChecklistStore {
  private readonly responses = new Map<string, ChecklistResponse | null>();
  private readonly stats = new Map<string, LintStats & { version: number | null }>();
  /** The latest request per document: an answer to an older one is dropped. */
  private readonly pending = new Map<string, number>();
  private readonly listeners = new Set<(uri: string) => void>();
  private counter = 0;

  constructor(
    private readonly fetch: FetchChecklist,
    private readonly onError: (uri: string, error: unknown) => void = () => {},
  ) {}

  /** Calls `listener(uri)` whenever what the store knows about `uri` changes; returns an unsubscribe function. */
  onDidChange(listener: (uri: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The last checklist fetched: undefined when never fetched, null when the server had none. */
  get(uri: string): ChecklistResponse | null | undefined {
    return this.responses.get(uri);
  }

  statsFor(uri: string): LintStats | undefined {
    return this.stats.get(uri);
  }

  /** Records a lint the server announced (ChecklistChangedNotification). Older versions never replace newer ones. */
  noteLinted(e: LintedEvent): void {
    const known = this.stats.get(e.uri);
    if (known && known.version !== null && e.version !== null && e.version < known.version) return;
    this.stats.set(e.uri, statsOf(e));
    this.emit(e.uri);
  }

  /** Fetches the checklist of `uri`; resolves once the store has it (or knows it failed). */
  async refresh(uri: string): Promise<ChecklistResponse | null | undefined> {
    const ticket = ++this.counter;
    this.pending.set(uri, ticket);
    let resp: ChecklistResponse | null;
    try {
      resp = await this.fetch(uri);
    } catch (err) {
      if (this.pending.get(uri) === ticket) {
        this.pending.delete(uri);
        this.onError(uri, err);
      }
      return this.responses.get(uri);
    }
    if (this.pending.get(uri) !== ticket) return this.responses.get(uri);
    this.pending.delete(uri);
    this.responses.set(uri, resp);
    if (resp) {
      const known = this.stats.get(uri);
      const newer = known && known.version !== null && resp.version !== null && known.version > resp.version;
      if (!newer) this.stats.set(uri, statsOf(resp));
    }
    this.emit(uri);
    return resp;
  }

  /** Forgets a document (closed). */
  forget(uri: string): void {
    const had = this.responses.has(uri) || this.stats.has(uri);
    this.responses.delete(uri);
    this.stats.delete(uri);
    this.pending.delete(uri);
    if (had) this.emit(uri);
  }

  /** Forgets everything (the server restarted). */
  clear(): void {
    const uris = new Set([...this.responses.keys(), ...this.stats.keys()]);
    this.responses.clear();
    this.stats.clear();
    this.pending.clear();
    for (const uri of uris) this.emit(uri);
  }

  private emit(uri: string): void {
    for (const l of [...this.listeners]) l(uri);
  }
}
