// The document model from its chunks: chunk-relative positions moved to where each chunk
// starts, the section tree built over the whole text, sentences tied to their sections.
import type { Root } from 'mdast';
import type { ChunkModel, LinkReference, Placed } from './chunk-model.js';
import { memoFor, type AnalysisCache } from './incremental.js';
import { parseMarkdown } from './markdown.js';
import type { Positioning } from './positions.js';
import { Pacer } from './steps.js';
import { assignSections, finishSections, setBodyText } from './sections.js';
import type { Directive, LinkFact, Point, PolicyDocument, Range, Section, Sentence, TextBlock } from './types.js';

/** What the chunks add up to before sentences are placed. */
interface Gathered {
  sections: Section[];
  blocks: TextBlock[];
  directives: Directive[];
  links: LinkFact[];
  code: [number, number][];
  /** Each chunk's placed blocks. */
  chunkBlocks: TextBlock[][];
}

/**
 * The document model from its chunks (`starts`: where each chunk starts in `text`), as steps:
 * on a long document each pass over its chunks takes long enough to pause in.
 */
export function* assembleSteps(
  text: string,
  chunks: ChunkModel[],
  starts: number[],
  at: Positioning,
  cache: AnalysisCache | undefined,
): Generator<void, PolicyDocument> {
  const pace = new Pacer();
  const { sections, blocks, directives, links, code, chunkBlocks } = yield* gather(chunks, starts, at, cache, pace);
  finishSections(sections, text.length, at.rangeOf);
  yield* pace.step();
  assignSections(blocks, sections);
  yield* pace.step();
  const sentences = yield* placeSentences(chunks, starts, chunkBlocks, at, pace);
  setBodyText(sections, blocks);

  const outline = sections.filter((s) => !s.parent);
  const title = sections.find((s) => s.kind === 'heading' && s.level === 1);
  const last = chunks.length - 1;
  const tailOpen = last >= 0 ? chunks[last].tailOpen : undefined;
  let mdast: Root | undefined;
  const doc: PolicyDocument = {
    text,
    // The syntax tree of the whole text, parsed when first asked for (only disable comments need it):
    // chunks do not keep theirs, which saves memory for every open document.
    get mdast(): Root {
      mdast ??= parseMarkdown(text);
      return mdast;
    },
    sections,
    outline,
    title,
    blocks,
    sentences,
    facts: { ages: [], emails: [], postal: [], phones: [], dates: [], methods: [], forms: [], links },
    directives,
    code,
    openTail: tailOpen !== undefined ? tailOpen + starts[last] : undefined,
    lineStarts: at.lineStarts,
    eol: at.eol,
    pointAt: at.pointAt,
    rangeOf: at.rangeOf,
    lineOf: at.lineOf,
    memo: memoFor(cache),
  };
  return doc;
}

/** Every chunk's sections, blocks, directives, links and code, moved to where the chunk starts. */
function* gather(
  chunks: ChunkModel[],
  starts: number[],
  at: Positioning,
  cache: AnalysisCache | undefined,
  pace: Pacer,
): Generator<void, Gathered> {
  const out: Gathered = { sections: [], blocks: [], directives: [], links: [], code: [], chunkBlocks: [] };
  const references: LinkReference[] = [];
  const definitions = new Map<string, string>();
  let lineBase = 0;
  for (let c = 0; c < chunks.length; c++) {
    const m = chunks[c];
    const B = starts[c];
    const placed = placeChunk(m, B, lineBase, at, cache, out.sections);
    const own = placed.blocks;
    for (const b of own) out.blocks.push(b);
    out.chunkBlocks.push(own);
    for (const d of placed.directives) out.directives.push(d);
    for (const l of placed.links) out.links.push(l);
    for (const r of placed.references) references.push(r);
    for (const [id, url] of m.definitions) if (!definitions.has(id)) definitions.set(id, url);
    for (let i = 0; i < m.code.length; i += 2) out.code.push([m.code[i] + B, m.code[i + 1] + B]);
    lineBase += m.lineBreaks;
    yield* pace.step();
  }
  for (const r of references) {
    const url = definitions.get(r.identifier);
    if (url !== undefined) out.links.push({ url, text: r.text, range: r.range });
  }
  if (references.length) out.links.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return out;
}

/**
 * Moves one chunk to offset `B`, line `L` (0-based) of the document: its sections are pushed
 * onto `sections`; its blocks, directives and links come back placed. A chunk placed where it
 * stood in the last version keeps its blocks and sentences (only the sections they belong to
 * are assigned again); elsewhere they are made anew.
 */
function placeChunk(
  m: ChunkModel,
  B: number,
  L: number,
  at: Positioning,
  cache: AnalysisCache | undefined,
  sections: Section[],
): Placed {
  // A chunk starts at a line start, or (a piece of a very long run) mid-line: then its first line's columns move too.
  const C = B - at.lineStarts[L];
  const point = (p: Point): Point => ({
    line: p.line + L,
    column: p.line === 1 ? p.column + C : p.column,
    offset: p.offset + B,
  });
  const move = (r: Range): Range => ({ start: point(r.start), end: point(r.end) });
  for (const s of m.sections) {
    sections.push({
      ...s,
      index: sections.length,
      titleRange: move(s.titleRange),
      range: move(s.range),
      bodyRange: move(s.bodyRange),
      children: [],
      parent: undefined,
    });
  }
  const kept = m.placed;
  if (cache && kept?.base === B && kept.lineBase === L && kept.column === C) return kept;
  const placed: Placed = {
    base: B,
    lineBase: L,
    column: C,
    blocks: m.blocks.map((b) => new PlacedBlock(b, B, move(b.range))),
    directives: m.directives.map((d) => ({ ...d, range: move(d.range) })),
    links: m.links.map((l) => ({ ...l, range: move(l.range) })),
    references: m.references.map((r) => ({ ...r, range: move(r.range) })),
  };
  if (cache) m.placed = placed;
  return placed;
}

/** The sentences of every chunk, in document order, each with the section its block is in. */
function* placeSentences(
  chunks: ChunkModel[],
  starts: number[],
  chunkBlocks: TextBlock[][],
  at: Positioning,
  pace: Pacer,
): Generator<void, Sentence[]> {
  const sentences: Sentence[] = [];
  for (let c = 0; c < chunks.length; c++) {
    const m = chunks[c];
    const own = chunkBlocks[c];
    const placed = m.placed?.blocks === own ? m.placed : undefined;
    if (placed?.sentences) {
      for (const s of placed.sentences) {
        s.section = s.block.section;
        sentences.push(s);
      }
      continue;
    }
    const mine: Sentence[] = [];
    for (let i = 0; i < m.sentences.length; i += 3) {
      const block = own[m.sentences[i]];
      const s = m.sentences[i + 1];
      const e = m.sentences[i + 2];
      const rel = m.blocks[m.sentences[i]].offsets;
      const range = at.rangeOf(rel[s] + starts[c], rel[e] + starts[c]);
      mine.push({ text: m.sentenceTexts[i / 3], range, block, start: s, section: block.section });
    }
    if (placed) placed.sentences = mine;
    for (const s of mine) sentences.push(s);
    yield* pace.step();
  }
  return sentences;
}

/**
 * A chunk's block where the chunk stands in the document. Its source offsets are moved
 * when first read: most blocks' offsets never are (memoized results need none), and moving
 * them all after every keystroke would copy the whole document's worth of numbers.
 */
class PlacedBlock implements TextBlock {
  readonly text: string;
  readonly kind: TextBlock['kind'];
  readonly range: Range;
  section?: Section;
  // True private fields: a block stays a plain value to JSON and deep comparisons.
  readonly #source: TextBlock;
  readonly #base: number;
  #moved?: Int32Array;

  constructor(source: TextBlock, base: number, range: Range) {
    this.text = source.text;
    this.kind = source.kind;
    this.range = range;
    this.#source = source;
    this.#base = base;
  }

  get offsets(): Int32Array {
    if (!this.#moved) {
      const rel = this.#source.offsets;
      this.#moved = this.#base === 0 ? rel : rel.map((o) => o + this.#base);
    }
    return this.#moved;
  }
}
