// Incremental analysis: what one version of a document can lend the next. The language
// server keeps an AnalysisCache per open document and passes it to every lint; the engine
// stays pure (the cache is memory, handed in, with no I/O and no clock), and a lint with a
// cache returns exactly what a lint without one returns.
//
// Two kinds of reuse:
// - chunks: the model of each chunk of text (parse, sections, blocks, sentences), keyed by
//   the chunk's text, so an edit re-parses only the chunk it falls in (see model.ts, chunk-model.ts);
// - memos: per-sentence or per-block results of rules and checklist items, keyed by a
//   namespace and the text they were computed from. A memo's compute function must depend
//   on nothing but its key.
//
// Entries carry the number of the lint that last used them; when the cache holds a quarter
// more than the last lint used, what the last two lints did not use is dropped, so memory
// follows the document's current size.
import type { ChunkModel } from './chunk-model.js';

export type Memo = <T>(namespace: string, key: string, compute: () => T) => T;

interface Entry<T> {
  value: T;
  /** The lint that last used it. */
  used: number;
}

export class AnalysisCache {
  /** Chunks by what else their analysis depends on (context and prefix), then by their text. */
  private readonly chunks = new Map<string, Map<string, Entry<ChunkModel>>>();
  private readonly memos = new Map<string, Map<string, Entry<unknown>>>();
  /** The current lint's number. */
  private generation = 0;
  /** Entries the current lint touched (a sweep runs when the cache holds far more). */
  private touched = 0;
  /** Chunks parsed and reused since the cache was made (for tests and benchmarks). */
  readonly stats = { parsed: 0, reused: 0, lints: 0 };

  /** Starts a lint. An abandoned one (superseded by a newer version) simply leaves its entries for this one. */
  begin(): void {
    this.generation++;
    this.touched = 0;
    this.stats.lints++;
  }

  /**
   * Ends a lint: once the cache holds a quarter more than this lint used, what neither this lint
   * nor the one before used goes (an undo still finds the version before; older ones are parsed
   * again). Memory follows the document's size, not the number of edits.
   */
  end(): void {
    // A chunk this lint did not use lets go of where it was last placed: its placed blocks point
    // at the sections of that older version, which would keep the whole older model alive.
    for (const entries of this.chunks.values()) {
      for (const e of entries.values()) if (e.used !== this.generation && e.value.placed) e.value.placed = undefined;
    }
    if (this.size.chunks + this.size.memos <= this.touched + (this.touched >> 2) + 64) return;
    const stale = (e: Entry<unknown>) => e.used < this.generation - 1;
    for (const [group, entries] of this.chunks) {
      for (const [k, e] of entries) if (stale(e)) entries.delete(k);
      if (!entries.size) this.chunks.delete(group);
    }
    for (const [ns, entries] of this.memos) {
      for (const [k, e] of entries) if (stale(e)) entries.delete(k);
      if (!entries.size) this.memos.delete(ns);
    }
  }

  private touch<T>(e: Entry<T>): T {
    if (e.used !== this.generation) {
      e.used = this.generation;
      this.touched++;
    }
    return e.value;
  }

  /** `context` is what else the chunk's analysis depends on (the outline state it starts in, whether a chunk follows). */
  chunk(prefix: string, text: string, context: string): ChunkModel | undefined {
    const e = this.chunks.get(groupKey(prefix, context))?.get(text);
    if (!e) return undefined;
    this.stats.reused++;
    return this.touch(e);
  }

  storeChunk(prefix: string, text: string, context: string, model: ChunkModel): void {
    const group = groupKey(prefix, context);
    let entries = this.chunks.get(group);
    if (!entries) this.chunks.set(group, (entries = new Map()));
    entries.set(text, { value: model, used: this.generation });
    this.touched++;
    this.stats.parsed++;
  }

  memo<T>(namespace: string, key: string, compute: () => T): T {
    let entries = this.memos.get(namespace);
    if (!entries) this.memos.set(namespace, (entries = new Map()));
    const e = entries.get(key) as Entry<T> | undefined;
    if (e) return this.touch(e);
    const value = compute();
    entries.set(key, { value, used: this.generation });
    this.touched++;
    return value;
  }

  /** Chunks and memo entries held. */
  get size(): { chunks: number; memos: number } {
    let memos = 0;
    for (const m of this.memos.values()) memos += m.size;
    let chunks = 0;
    for (const m of this.chunks.values()) chunks += m.size;
    return { chunks, memos };
  }
}

function groupKey(prefix: string, context: string): string {
  return `${context}|${prefix}`;
}

/**
 * The memo function a document model carries: the cache's, or, without a cache, one that
 * lives as long as the document (it still saves work on repeated sentences).
 */
export function memoFor(cache: AnalysisCache | undefined): Memo {
  if (cache) return (ns, key, compute) => cache.memo(ns, key, compute);
  const local = new Map<string, Map<string, unknown>>();
  return <T>(ns: string, key: string, compute: () => T): T => {
    let m = local.get(ns);
    if (!m) local.set(ns, (m = new Map()));
    if (m.has(key)) return m.get(key) as T;
    const v = compute();
    m.set(key, v);
    return v;
  };
}
