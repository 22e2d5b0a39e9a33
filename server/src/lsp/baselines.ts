// The committed text of each open document, for stale-effective-date. Read through the git
// binary only in a trusted workspace (the client says so), with a timeout, and never
// awaited by a lint: a lint uses what is known, and when git answers with something new the
// document is linted again. In an untrusted workspace nothing is read and the log says so once.
import type { Baseline } from '../engine/index.js';
import { committedText } from '../node/git.js';
import { fsPathOf } from './selection.js';

/** How long a committed text is used before git is asked again (a commit changes it). */
export const BASELINE_TTL_MS = 10_000;

interface Entry {
  baseline?: Baseline;
  at: number;
  pending?: Promise<void>;
  /** Bumped when the baseline changes: part of the analysis cache key. */
  stamp: number;
}

export class BaselineStore {
  trusted = false;
  private readonly entries = new Map<string, Entry>();
  private saidUntrusted = false;

  constructor(
    /** Called when a document's baseline changed: lint it again. */
    private readonly changed: (uri: string) => void,
    private readonly log: (message: string) => void,
    private readonly read: (file: string) => Promise<Baseline | undefined> = (file) => committedText(file),
  ) {}

  /** The baseline known now (maybe none yet), and a stamp that changes with it. Starts a read when due. */
  get(uri: string): { baseline?: Baseline; stamp: number } {
    if (!this.trusted) {
      if (!this.saidUntrusted) {
        this.saidUntrusted = true;
        this.log(
          'policylint: stale-effective-date is silent in this workspace: git is read only in a trusted workspace.',
        );
      }
      return { stamp: 0 };
    }
    const file = fsPathOf(uri);
    if (!file) return { stamp: 0 };
    let entry = this.entries.get(uri);
    if (!entry) this.entries.set(uri, (entry = { at: 0, stamp: 0 }));
    if (!entry.pending && Date.now() - entry.at > BASELINE_TTL_MS) this.refresh(uri, file, entry);
    return { baseline: entry.baseline, stamp: entry.stamp };
  }

  private refresh(uri: string, file: string, entry: Entry): void {
    entry.pending = this.read(file)
      .catch(() => undefined)
      .then((baseline) => {
        entry.pending = undefined;
        entry.at = Date.now();
        if (this.entries.get(uri) !== entry) return;
        if (baseline?.text === entry.baseline?.text) return;
        entry.baseline = baseline;
        entry.stamp++;
        this.changed(uri);
      });
  }

  /** Waits for a read in progress (tests). */
  async settled(uri: string): Promise<void> {
    await this.entries.get(uri)?.pending;
  }

  /** The document closed: forget its baseline. */
  forget(uri: string): void {
    this.entries.delete(uri);
  }

  /** The document was saved (a commit may follow): ask git again at the next lint. */
  due(uri: string): void {
    const entry = this.entries.get(uri);
    if (entry) entry.at = 0;
  }

  setTrusted(trusted: boolean): void {
    if (trusted === this.trusted) return;
    this.trusted = trusted;
    this.entries.clear();
  }
}
