// Parse once: remark's mdast becomes the policy document model every rule reads —
// sections (pseudo-headings included), prose blocks with a map back to the source,
// sentences, facts and inline directives.
//
// The parts, in the order a parse uses them:
//   positions.ts     offsets as lines and columns (the document's and a chunk's)
//   parse-limits.ts  limits for hostile input (long runs of prose, deep nesting)
//   chunk-bounds.ts  where the text is cut into chunks that parse alone
//   markdown.ts      the remark parser
//   chunk-model.ts   one chunk parsed and read (kept per chunk by the cache)
//   outline.ts       the walk that finds sections and blocks; titles.ts what reads as a title;
//                    inline.ts inline Markdown as plain text; bare-urls.ts links without markup
//   assemble.ts      the chunks placed into one document; sections.ts the section tree
import { analyzeChunk, type ChunkModel } from './chunk-model.js';
import { assembleSteps } from './assemble.js';
import { chunkStarts } from './chunk-bounds.js';
import { extractFactsSteps } from './facts.js';
import type { AnalysisCache } from './incremental.js';
import { START_STATE, type OutlineState } from './outline.js';
import { MAX_GFM_RUN, runsLongerThan, splitLongRuns } from './parse-limits.js';
import { positioning } from './positions.js';
import { drain, STEP_MS } from './steps.js';
import type { PolicyDocument } from './types.js';

export { drain };

export type { ChunkModel, OutlineState } from './chunk-model.js';
export { chunkStarts } from './chunk-bounds.js';
export { limitNesting } from './parse-limits.js';
export { cleanTitle, isTitleLike, splitNumber } from './titles.js';

export interface ParseOptions {
  /**
   * Reuse the analysis of unchanged chunks from an earlier version of the same document
   * (the language server keeps one per open document).
   */
  cache?: AnalysisCache;
  /** Parse the whole text as one chunk (tests compare this with the chunked parse). */
  whole?: boolean;
}

/** Parses a policy into its document model. See `parseSteps` for the cooperative form. */
export function parsePolicy(text: string, options: ParseOptions = {}): PolicyDocument {
  return drain(parseSteps(text, options));
}

/** Runs a step generator to its end. */

/** Texts shorter than this are parsed in one piece when there is no cache to reuse chunks from. */
const WHOLE_LIMIT = 256 * 1024;

/**
 * Parses a policy chunk by chunk, yielding between chunks that took real work so a server
 * can answer other requests (and abandon a superseded version) in between. Chunks are cut
 * before every top-level ATX heading that no fence or HTML block hides (see `chunkStarts`):
 * Markdown cannot carry block structure across such a line, so each chunk parses the same
 * alone as inside the whole text. Chunks found in `options.cache` are reused as they are.
 */
export function* parseSteps(text: string, options: ParseOptions = {}): Generator<void, PolicyDocument> {
  const at = positioning(text);
  // Without a cache nothing is reused, and one parse costs less than many small ones (each sets the
  // parser up again); a long text is still cut at its headings so that the steps stay short.
  const whole = options.whole || (!options.cache && text.length < WHOLE_LIMIT);
  const longRuns = runsLongerThan(text, at.lineStarts, MAX_GFM_RUN);
  const cut = whole ? [0] : chunkStarts(text, at.lineStarts, options.cache !== undefined);
  const candidates = splitLongRuns(text, cut, longRuns);
  const parser = new ChunkParser(options.cache, longRuns.length > 0);
  const read = yield* readChunks(text, candidates, parser);
  yield* resolveDefinitions(text, read, parser);
  if (parser.worked > 0) yield;
  const doc = yield* assembleSteps(text, read.chunks, read.starts, at, options.cache);
  yield;
  doc.facts = yield* extractFactsSteps(doc);
  return doc;
}

/** Parses chunks (or takes them from the cache) and counts the time spent, to yield in between. */
/** A copy of `s` that refers to no longer string (a slice of a flattened concatenation holds only its own characters). */
function standalone(s: string): string {
  return `${s}\u0000`.slice(0, -1);
}

class ChunkParser {
  /** Milliseconds of parsing since the last yield. */
  worked = 0;

  constructor(
    private readonly cache: AnalysisCache | undefined,
    /** Parse with CommonMark alone (see MAX_GFM_RUN). */
    private readonly plain: boolean,
  ) {}

  chunk(chunkText: string, prefix: string, hasFollowing: boolean, state: OutlineState): ChunkModel {
    const key = `${hasFollowing ? 1 : 0}${this.plain ? 'p' : ''}${state}`;
    const cached = this.cache?.chunk(prefix, chunkText, key);
    if (cached) return cached;
    const t0 = performance.now();
    // A kept chunk (and every string its model slices from it) must not hold on to the whole
    // text of the version it came from: engines keep the parent of a sliced string alive.
    const own = this.cache ? standalone(chunkText) : chunkText;
    const model = analyzeChunk(own, prefix, hasFollowing, state, this.plain);
    this.cache?.storeChunk(prefix, own, key, model);
    this.worked += performance.now() - t0;
    return model;
  }

  /** Whether enough work was done to yield (and starts counting again if so). */
  due(): boolean {
    if (this.worked < STEP_MS) return false;
    this.worked = 0;
    return true;
  }
}

/** The chunks read, where each starts and ends, and the outline state each started in. */
interface ReadChunks {
  starts: number[];
  ends: number[];
  states: OutlineState[];
  chunks: ChunkModel[];
}

/** Reads the text chunk by chunk from the candidate cuts, each chunk in the outline state the last one left. */
function* readChunks(text: string, candidates: number[], parser: ChunkParser): Generator<void, ReadChunks> {
  const read: ReadChunks = { starts: [], ends: [], states: [], chunks: [] };
  let state = START_STATE;
  for (let i = 0; i < candidates.length; ) {
    // A chunk that ends inside a fence or an HTML block the scan missed runs on into the next ones.
    let j = i + 1;
    let grow = 1;
    let model: ChunkModel;
    for (;;) {
      model = parser.chunk(text.slice(candidates[i], candidates[j] ?? text.length), '', j < candidates.length, state);
      if (j >= candidates.length || !model.openAtEnd) break;
      j = Math.min(candidates.length, j + grow);
      grow *= 2;
    }
    read.starts.push(candidates[i]);
    read.ends.push(candidates[j] ?? text.length);
    read.states.push(state);
    read.chunks.push(model);
    state = model.endState;
    i = j;
    if (parser.due()) yield;
  }
  return read;
}

/**
 * Link reference and footnote definitions hold for the whole document: chunks that may refer
 * to one (they have a "[") are parsed again after a copy of every definition, so a reference
 * resolves against a definition in another chunk exactly as in the whole text.
 */
function* resolveDefinitions(text: string, read: ReadChunks, parser: ChunkParser): Generator<void, void> {
  const { chunks, starts, ends, states } = read;
  const definitions = chunks.flatMap((m) => m.definitionLines);
  if (!definitions.length || chunks.length <= 1) return;
  // A blank line after each: a footnote's body would take in the next line as its own text. The
  // comment closes the definitions (a footnote's body would take in an indented first line).
  const prefix = `${definitions.join('\n\n')}\n\n<!-- -->\n`;
  for (let c = 0; c < chunks.length; c++) {
    const chunkText = text.slice(starts[c], ends[c]);
    if (!chunkText.includes('[')) continue;
    chunks[c] = parser.chunk(chunkText, prefix, c + 1 < chunks.length, states[c]);
    if (parser.due()) yield;
  }
}
