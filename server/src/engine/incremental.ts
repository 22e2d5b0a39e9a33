// Incremental analysis: what one version of a document can lend the next. The language
// server keeps an AnalysisCache per open document and passes it to every lint; the engine
// stays pure (the cache is memory, handed in, with no I/O and no clock), and a lint with a
// cache returns exactly what a lint without one returns.
//
// Two kinds of reuse:
// - chunks: the model of each chunk of text (parse, sections, blocks, sentences), keyed by
//   the chunk's text, so an edit re-parses only the chunk it falls in (see model.ts);
// - memos: per-sentence or per-block results of rules and checklist items, keyed by a
//   namespace and the text they were computed from. A memo's compute function must depend
//   on nothing but its key.
//
// Entries live for one lint after their last use: each lint keeps what it touched and
// drops the rest, so memory follows the document's current size.
import type { ChunkModel } from './model.js';

export type Memo = <T>(namespace: string, key: string, compute: () => T) => T;

export class AnalysisCache {
  private chunks = new Map<string, ChunkModel>();
  private nextChunks = new Map<string, ChunkModel>();
  private memos = new Map<string, unknown>();
  private nextMemos = new Map<string, unknown>();
  private offsets = new WeakMap<number[], { base: number; moved: number[] }>();
  private open = false;
  /** Chunks parsed and reused since the cache was made (for tests and benchmarks). */
  readonly stats = { parsed: 0, reused: 0, lints: 0 };

  /** Starts a lint: entries touched from now on survive it. */
  begin(): void {
    if (this.open) this.fold();
    this.open = true;
    this.stats.lints++;
  }

  /** Ends a lint: entries it did not touch are dropped. */
  end(): void {
    this.chunks = this.nextChunks;
    this.memos = this.nextMemos;
    this.nextChunks = new Map();
    this.nextMemos = new Map();
    this.open = false;
  }

  /** An abandoned lint (superseded by a newer version) keeps what it touched, and the rest, for the next one. */
  private fold(): void {
    for (const [k, v] of this.nextChunks) this.chunks.set(k, v);
    for (const [k, v] of this.nextMemos) this.memos.set(k, v);
    this.nextChunks = new Map();
    this.nextMemos = new Map();
  }

  chunk(prefix: string, text: string, hasFollowing: boolean): ChunkModel | undefined {
    const key = chunkKey(prefix, text, hasFollowing);
    const hit = this.nextChunks.get(key) ?? this.chunks.get(key);
    if (hit) {
      this.nextChunks.set(key, hit);
      this.stats.reused++;
    }
    return hit;
  }

  storeChunk(prefix: string, text: string, hasFollowing: boolean, model: ChunkModel): void {
    this.nextChunks.set(chunkKey(prefix, text, hasFollowing), model);
    this.stats.parsed++;
  }

  memo<T>(namespace: string, key: string, compute: () => T): T {
    const k = `${namespace}\u0000${key}`;
    if (this.nextMemos.has(k)) return this.nextMemos.get(k) as T;
    const value = this.memos.has(k) ? (this.memos.get(k) as T) : compute();
    this.nextMemos.set(k, value);
    return value;
  }

  /** `offsets` moved by `base`, reusing the copy made for the same base last time. */
  shifted(offsets: number[], base: number): number[] {
    const last = this.offsets.get(offsets);
    if (last && last.base === base) return last.moved;
    const moved = new Array<number>(offsets.length);
    for (let i = 0; i < offsets.length; i++) moved[i] = offsets[i] + base;
    this.offsets.set(offsets, { base, moved });
    return moved;
  }

  /** Chunks and memo entries held. */
  get size(): { chunks: number; memos: number } {
    return { chunks: this.chunks.size + this.nextChunks.size, memos: this.memos.size + this.nextMemos.size };
  }
}

function chunkKey(prefix: string, text: string, hasFollowing: boolean): string {
  return `${hasFollowing ? 1 : 0}${prefix.length}:${prefix}${text}`;
}

/**
 * The memo function a document model carries: the cache's, or, without a cache, one that
 * lives as long as the document (it still saves work on repeated sentences).
 */
export function memoFor(cache: AnalysisCache | undefined): Memo {
  if (cache) return (ns, key, compute) => cache.memo(ns, key, compute);
  const local = new Map<string, unknown>();
  return <T>(ns: string, key: string, compute: () => T): T => {
    const k = `${ns}\u0000${key}`;
    if (local.has(k)) return local.get(k) as T;
    const v = compute();
    local.set(k, v);
    return v;
  };
}
