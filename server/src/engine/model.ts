// Parse once: remark's mdast becomes the policy document model every rule reads —
// sections (pseudo-headings included), prose blocks with a map back to the source,
// sentences, facts and inline directives.
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Definition, FootnoteDefinition, Heading, List, ListItem, Node, Paragraph, Parent, PhrasingContent, Root, RootContent, Strong } from 'mdast';
import { parseDirectives } from './directives.js';
import { extractFacts } from './facts.js';
import { splitSentences } from './text.js';
import type { Directive, LinkFact, Point, PolicyDocument, Range, Section, SectionKind, Sentence, TextBlock } from './types.js';
import { memoFor, type AnalysisCache } from './incremental.js';

/**
 * remark with the parts of GitHub Flavored Markdown a policy uses: tables, footnotes and
 * strikethrough. Not GFM's literal autolinks: finding bare URLs costs a check at every
 * character (half the time of the whole parse) and leaves text without positions; bare
 * URLs and addresses are found in the prose instead (see bareUrls, facts.ts).
 */
function policyMarkdown(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmFootnote(), gfmStrikethrough());
  (data.fromMarkdownExtensions ??= []).push([gfmTableFromMarkdown(), gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown()]);
}

const parser = unified().use(remarkParse).use(policyMarkdown);
/** CommonMark alone, for texts with a run of prose longer than MAX_GFM_RUN (see longestRun). */
const plainParser = unified().use(remarkParse);

/**
 * Longest run of text without a blank line above which the GFM extensions are left out:
 * they make remark's parse of one paragraph grow with the square of its length (150 KB of
 * bracketed prose: 2.5 s with tables against 0.65 s without), and no policy has a
 * paragraph or table that long.
 */
const MAX_GFM_RUN = 50_000;

/** Stretches of the text without a blank line longer than `limit`, as [start, end). */
function runsLongerThan(text: string, lineStarts: number[], limit: number): [number, number][] {
  const out: [number, number][] = [];
  let runStart = 0;
  for (let i = 0; i < lineStarts.length; i++) {
    const start = lineStarts[i];
    const end = i + 1 < lineStarts.length ? lineStarts[i + 1] : text.length;
    let blank = true;
    for (let j = start; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) {
        blank = false;
        break;
      }
    }
    if (blank) {
      if (start - runStart > limit) out.push([runStart, start]);
      runStart = end;
    }
  }
  if (text.length - runStart > limit) out.push([runStart, text.length]);
  return out;
}

/** Pieces a run of prose is parsed in, when it has no blank line for longer than MAX_GFM_RUN. */
const RUN_PIECE = 16_000;

/**
 * Cuts runs of prose too long to parse in one go (remark's time grows with the square of a
 * paragraph's length) into pieces of about 16,000 characters, each starting at a sentence: after
 * ". " or a line break, at a capital letter. The pieces read as consecutive paragraphs. This
 * only happens to texts no policy has (tens of thousands of characters without a blank line).
 */
function splitLongRuns(text: string, starts: number[], runs: [number, number][]): number[] {
  if (!runs.length) return starts;
  const out = new Set(starts);
  const SENTENCE = /(?:[.!?]["'”’)]? +|\n)(?=[A-Z])/g;
  for (const [from, to] of runs) {
    for (let at = from + RUN_PIECE; at < to - RUN_PIECE / 2; ) {
      SENTENCE.lastIndex = at;
      const m = SENTENCE.exec(text);
      if (!m || m.index >= to - RUN_PIECE / 2) break;
      const cut = m.index + m[0].length;
      out.add(cut);
      at = cut + RUN_PIECE;
    }
  }
  return [...out].sort((a, b) => a - b);
}

const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/gi;

/** `text` without the run of `chars` it ends with (a loop: a regex like /[.,]+$/ is quadratic on long runs). */
function trimTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

/** Bare URLs in the prose ("visit https://example.com/contact"), as links whose text is the address. */
function bareUrls(blocks: TextBlock[], links: LinkFact[], rangeOf: (s: number, e: number) => Range): void {
  const explicit = links.map((l) => [l.range.start.offset, l.range.end.offset]);
  for (const b of blocks) {
    if (b.kind === 'html' || !b.text.includes('ww') && !b.text.includes('://')) continue;
    for (const m of b.text.matchAll(BARE_URL)) {
      let text = trimTrailing(m[0], `.,;:!?'"”’*_~`);
      if (text.endsWith(')') && !text.includes('(')) text = trimTrailing(text.slice(0, -1), `.,;:!?'"”’`);
      const start = b.offsets[m.index!];
      if (explicit.some(([s, e]) => s <= start && start < e)) continue;
      links.push({ url: /^www\./i.test(text) ? `http://${text}` : text, text, range: rangeOf(start, b.offsets[m.index! + text.length]) });
    }
  }
  links.sort((a, b) => a.range.start.offset - b.range.start.offset);
}

/** Deepest nesting of block quotes and lists read. */
const MAX_DEPTH = 100;

/** Longest title a pseudo-heading may have. */
const MAX_TITLE_WORDS = 14;
const MAX_TITLE_CHARS = 110;

export interface ParseOptions {
  /** Reuse the analysis of unchanged chunks from an earlier version of the same document (the language server keeps one per open document). */
  cache?: AnalysisCache;
  /** Parse the whole text as one chunk (tests compare this with the chunked parse). */
  whole?: boolean;
}

/** Parses a policy into its document model. See `parseSteps` for the cooperative form. */
export function parsePolicy(text: string, options: ParseOptions = {}): PolicyDocument {
  return drain(parseSteps(text, options));
}

/** Runs a step generator to its end. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Texts shorter than this are parsed in one piece when there is no cache to reuse chunks from. */
const WHOLE_LIMIT = 256 * 1024;

/** Parsing work between two yields, in milliseconds, when a step generator is driven cooperatively. */
const STEP_MS = 8;

/**
 * Parses a policy chunk by chunk, yielding between chunks that took real work so a server
 * can answer other requests (and abandon a superseded version) in between. Chunks are cut
 * before every top-level ATX heading that no fence or HTML block hides (see `chunkStarts`):
 * Markdown cannot carry block structure across such a line, so each chunk parses the same
 * alone as inside the whole text. Chunks found in `options.cache` are reused as they are.
 */
export function* parseSteps(text: string, options: ParseOptions = {}): Generator<void, PolicyDocument> {
  const lineStarts = computeLineStarts(text);
  const eol = dominantEol(text, lineStarts.length - 1);

  const lineOf = (offset: number) => lineIndex(lineStarts, offset) + 1;
  const pointAt = (offset: number): Point => {
    const o = Math.max(0, Math.min(offset, text.length));
    const line = lineOf(o);
    return { line, column: o - lineStarts[line - 1] + 1, offset: o };
  };
  const rangeOf = (start: number, end: number): Range => ({ start: pointAt(start), end: pointAt(Math.max(start, end)) });

  // Without a cache nothing is reused, and one parse costs less than many small ones (each sets the
  // parser up again); a long text is still cut at its headings so that the steps stay short.
  const whole = options.whole || (!options.cache && text.length < WHOLE_LIMIT);
  const longRuns = runsLongerThan(text, lineStarts, MAX_GFM_RUN);
  const plain = longRuns.length > 0;
  const candidates = splitLongRuns(text, whole ? [0] : chunkStarts(text, lineStarts, options.cache !== undefined), longRuns);
  const cache = options.cache;
  let worked = 0;
  const chunkOf = (chunkText: string, prefix: string, hasFollowing: boolean, state: OutlineState): ChunkModel => {
    const key = `${hasFollowing ? 1 : 0}${plain ? 'p' : ''}${state}`;
    const cached = cache?.chunk(prefix, chunkText, key);
    if (cached) return cached;
    const t0 = performance.now();
    const model = analyzeChunk(chunkText, prefix, hasFollowing, state, plain);
    cache?.storeChunk(prefix, chunkText, key, model);
    worked += performance.now() - t0;
    return model;
  };
  const starts: number[] = [];
  const ends: number[] = [];
  const states: OutlineState[] = [];
  const chunks: ChunkModel[] = [];
  let state = START_STATE;
  for (let i = 0; i < candidates.length; ) {
    // A chunk that ends inside a fence or an HTML block the scan missed runs on into the next ones.
    let j = i + 1;
    let grow = 1;
    let model: ChunkModel;
    for (;;) {
      model = chunkOf(text.slice(candidates[i], candidates[j] ?? text.length), '', j < candidates.length, state);
      if (j >= candidates.length || !model.openAtEnd) break;
      j = Math.min(candidates.length, j + grow);
      grow *= 2;
    }
    starts.push(candidates[i]);
    ends.push(candidates[j] ?? text.length);
    states.push(state);
    chunks.push(model);
    state = model.endState;
    i = j;
    if (worked >= STEP_MS) {
      worked = 0;
      yield;
    }
  }
  // Link reference and footnote definitions hold for the whole document: chunks that may refer
  // to one (they have a "[") are parsed again after a copy of every definition, so a reference
  // resolves against a definition in another chunk exactly as in the whole text.
  const definitions = chunks.flatMap((m) => m.definitionLines);
  if (definitions.length && chunks.length > 1) {
    // The comment closes the definitions (a footnote's body would take in an indented first line).
    const prefix = `${definitions.join('\n')}\n\n<!-- -->\n`;
    for (let c = 0; c < chunks.length; c++) {
      const chunkText = text.slice(starts[c], ends[c]);
      if (!chunkText.includes('[')) continue;
      chunks[c] = chunkOf(chunkText, prefix, c + 1 < chunks.length, states[c]);
      if (worked >= STEP_MS) {
        worked = 0;
        yield;
      }
    }
  }
  if (worked > 0) yield;
  const doc = assemble(text, chunks, starts, { lineStarts, eol, pointAt, rangeOf, lineOf }, cache);
  yield;
  doc.facts = extractFacts(doc);
  return doc;
}

/** Where lines start: after CR LF, LF or a lone CR, as remark and LSP read lines. */
function computeLineStarts(text: string): number[] {
  const lineStarts = [0];
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    return lineStarts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lineStarts.push(i + 1);
  }
  return lineStarts;
}

/** The line ending the text uses most: "\r\n", a lone "\r" or "\n". */
function dominantEol(text: string, breaks: number): string {
  if (!text.includes('\r')) return '\n';
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const cr = (text.match(/\r(?!\n)/g) ?? []).length;
  const lf = breaks - crlf - cr;
  return cr > lf && cr > crlf ? '\r' : crlf * 2 > breaks ? '\r\n' : '\n';
}

/** 0-based index of the line holding `offset`. */
function lineIndex(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const ATX_LINE = /^#{1,6}(?:[ \t\r\n]|$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}(?!`)|~{3,}(?!~))(.*)$/;
const HTML_START = /^ {0,3}</;
/** HTML blocks of CommonMark kinds 1–5 end at a marker; the others at a blank line. */
const HTML_ENDS: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
  [/^ {0,3}<![A-Za-z]/, />/],
];
/** A line that opens a fenced code block (a backtick fence's info string has no backtick). */
function openFence(line: string): { char: string; length: number } | undefined {
  const f = FENCE_OPEN.exec(line);
  if (!f || (f[1][0] === '`' && f[2].includes('`'))) return undefined;
  return { char: f[1][0], length: f[1].length };
}

/** A line that closes `fence`: the same character, at least as many, nothing after but spaces. */
function closesFence(line: string, fence: { char: string; length: number }): boolean {
  const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return !!close && close[1][0] === fence.char && close[1].length >= fence.length;
}

/**
 * Whether the chunk's last top-level node is a fenced code or HTML block still open at the
 * chunk's end: in the whole text it would swallow the heading that starts the next chunk.
 */
function isOpenAtEnd(nodes: RootContent[], src: string): boolean {
  return lastOpen(nodes, (node) => isOpenBlock(node, src)) !== undefined;
}

/** The first of the last node, its last child, and so on, that `test` accepts: a fence left open in a list item counts too. */
function lastOpen(nodes: RootContent[], test: (node: Node) => boolean): Node | undefined {
  for (let node: Node | undefined = nodes[nodes.length - 1]; node; ) {
    if (test(node)) return node;
    const kids: Node[] | undefined = (node as Parent).children;
    node = kids?.[kids.length - 1];
  }
  return undefined;
}

/**
 * Where a fenced code block, comment or raw HTML block that runs to the end of the text
 * starts (a section inserted at the end would vanish into it), if one does.
 */
function openTail(nodes: RootContent[], src: string): number | undefined {
  return lastOpen(nodes, (node) => node.position?.end.offset === src.length && isOpenBlock(node, src, true))?.position?.start.offset;
}

/** `markerOnly`: HTML blocks count as open only when an end marker (-->, ?>, ]]>, a closing tag) is missing. */
function isOpenBlock(last: Node, src: string, markerOnly = false): boolean {
  if (!last.position || (last.type !== 'code' && last.type !== 'html')) return false;
  const start = last.position.start.offset!;
  const end = last.position.end.offset!;
  const source = src.slice(start, end);
  if (last.type === 'code') {
    // Lines end at CR LF, LF or a lone CR, as remark reads them.
    const lines = source.split(/\r\n|\r|\n/);
    const open = openFence(lines[0]);
    if (!open) return false; // indented code ends at any unindented line
    return !(lines.length > 1 && closesFence(lines[lines.length - 1], open));
  }
  const kind = HTML_ENDS.find(([opener]) => opener.test(source.replace(/^[ \t]+/, '')));
  if (kind) return !kind[1].test(source.slice(source.indexOf('<') + 2));
  // Kinds 6 and 7 end at a blank line: open unless one follows the block in this chunk.
  return !markerOnly && /^[ \t]*(?:\r?\n[ \t]*)?$/.test(src.slice(end));
}


/**
 * Offsets where chunks start: 0, and every line that opens an ATX heading at column 0
 * outside fenced code and HTML blocks. Such a line ends any list, block quote, table,
 * paragraph or indented code before it. The scan is conservative: where it cannot be sure
 * (an HTML block that may run on), it does not cut, which only makes a chunk longer.
 */
export function chunkStarts(text: string, lineStarts: number[], fine = false): number[] {
  const out = [0];
  let blank = false;
  let fence: { char: string; length: number } | undefined;
  let htmlEnd: RegExp | 'blank' | undefined;
  for (let i = 0; i < lineStarts.length; i++) {
    const s = lineStarts[i];
    const line = text.slice(s, i + 1 < lineStarts.length ? lineStarts[i + 1] - 1 : text.length).replace(/\r$/, '');
    const afterBlank = blank;
    blank = !line.trim();
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
      continue;
    }
    if (htmlEnd) {
      if (htmlEnd === 'blank' ? blank : htmlEnd.test(line)) htmlEnd = undefined;
      continue;
    }
    if (i > 0 && line.charCodeAt(0) === 35 && ATX_LINE.test(line)) {
      out.push(s);
      continue;
    }
    // Finer cuts: after a blank line, an unindented line that cannot continue a list closes every open block.
    if (fine && afterBlank && !blank && out[out.length - 1] !== s && !/^[\s>|]|^(?:[-+*]|\d{1,9}[.)])(?:[ \t\r]|$)|^\[\^/.test(line)) out.push(s);
    const f = openFence(line);
    if (f) {
      fence = f;
      continue;
    }
    if (HTML_START.test(line)) {
      const kind = HTML_ENDS.find(([start]) => start.test(line));
      if (!kind) htmlEnd = 'blank';
      else if (!kind[1].test(line.slice(line.indexOf('<') + 2))) htmlEnd = kind[1];
    }
  }
  return out;
}

/** What one chunk contributes to the model, with ranges relative to the chunk (line 1 = its first line). */
export interface ChunkModel {
  length: number;
  /** Line breaks in the chunk. */
  lineBreaks: number;
  sections: Section[];
  blocks: TextBlock[];
  /** Sentences as [block index, start, end] into the block's text. */
  sentences: number[];
  /** Their texts (the same strings from one version to the next, so memo lookups hash them once). */
  sentenceTexts: string[];
  directives: Directive[];
  links: LinkFact[];
  references: { identifier: string; text: string; range: Range }[];
  definitions: [string, string][];
  /** The chunk's definitions as one-line Markdown, to parse ahead of other chunks. */
  definitionLines: string[];
  /** The chunk ends inside a fenced code or HTML block (see isOpenAtEnd). */
  openAtEnd: boolean;
  /** The last chunk: where a block left open to the end of the text starts (see openTail). */
  tailOpen?: number;
  /** The outline state the next chunk starts in. */
  endState: OutlineState;
  /** With a cache: the chunk's blocks and sentences as last placed in a document, reused while it stays there. */
  placed?: Placed;
  /** [start, end) of code and inline code. */
  code: number[];
}

function parseMarkdown(text: string, plain = runsLongerThan(text, computeLineStarts(text), MAX_GFM_RUN).length > 0): Root {
  try {
    return (plain ? plainParser : parser).parse(limitNesting(text)) as Root;
  } catch {
    // remark does not throw on Markdown, but a model must exist whatever happens.
    return { type: 'root', children: [] };
  }
}

/** Most block-quote and list markers read at the start of one line. */
const MAX_MARKERS = 32;

/**
 * The text with container markers past the 32nd on a line ("> - > - > - …") turned into
 * spaces: remark's parser takes time that grows with the square of such nesting (4,000
 * levels, 16 KB: seconds), and no policy nests that deep. Lengths and offsets are kept.
 */
export function limitNesting(text: string): string {
  let out: string[] | undefined;
  let from = 0;
  for (let start = 0; start < text.length; ) {
    let i = start;
    let markers = 0;
    let cut = -1;
    for (;;) {
      while (text[i] === ' ' || text[i] === '\t') i++;
      const c = text[i];
      let end = -1;
      if (c === '>') end = i + 1;
      else if ((c === '-' || c === '+' || c === '*') && (text[i + 1] === ' ' || text[i + 1] === '\t')) end = i + 1;
      else if (c >= '0' && c <= '9') {
        let j = i;
        while (j < i + 9 && text[j] >= '0' && text[j] <= '9') j++;
        if ((text[j] === '.' || text[j] === ')') && (text[j + 1] === ' ' || text[j + 1] === '\t')) end = j + 1;
      }
      if (end < 0) break;
      if (++markers === MAX_MARKERS) cut = end;
      i = end;
    }
    const eol = text.indexOf('\n', i);
    const lineEnd = eol < 0 ? text.length : eol;
    if (cut >= 0) {
      out ??= [];
      out.push(text.slice(from, cut), text.slice(cut, i).replace(/[^ \t]/g, ' '));
      from = i;
    }
    start = lineEnd + 1;
  }
  if (!out) return text;
  out.push(text.slice(from));
  return out.join('');
}

/** A heading that stands for the next chunk's first node when a chunk is walked alone. */
const FOLLOWING: RootContent = { type: 'heading', depth: 1, children: [] };

/** The outline state a chunk starts in: what the Builder carries from one chunk to the next. */
export type OutlineState = string;
const START_STATE: OutlineState = '0,0,0';

function analyzeChunk(chunkText: string, prefix: string, hasFollowing: boolean, state: OutlineState, plain: boolean): ChunkModel {
  const src = prefix + limitNesting(chunkText);
  const P = prefix.length;
  const ls = computeLineStarts(chunkText);
  const rel = (offset: number): Point => {
    const o = Math.max(0, Math.min(offset - P, chunkText.length));
    const li = lineIndex(ls, o);
    return { line: li + 1, column: o - ls[li] + 1, offset: o };
  };
  const rangeOf = (start: number, end: number): Range => ({ start: rel(start), end: rel(Math.max(start, end)) });

  const mdast = parseMarkdown(src, plain);
  const nodes = P ? mdast.children.filter((n) => (n.position?.start.offset ?? 0) >= P) : mdast.children;
  const builder = new Builder(src, rangeOf);
  const [heading, line, before] = state.split(',').map(Number);
  builder.headingLevel = heading;
  builder.lineSectionLevel = line;
  builder.sectionsBefore = before === 1;
  builder.walk(nodes, 0, hasFollowing ? FOLLOWING : undefined);
  if (P) {
    for (const b of builder.blocks) b.offsets = b.offsets.map((o) => Math.max(0, o - P));
  }
  bareUrls(builder.blocks, builder.links, (s, e) => rangeOf(s + P, e + P));
  const sentences: number[] = [];
  const sentenceTexts: string[] = [];
  builder.blocks.forEach((block, b) => {
    if (block.kind === 'html') return;
    for (const s of splitSentences(block.text)) {
      sentences.push(b, s.start, s.end);
      sentenceTexts.push(block.text.slice(s.start, s.end));
    }
  });
  const definitions: [string, string][] = [];
  const definitionLines: string[] = [];
  const code: number[] = [];
  // Iterative: nesting can be thousands deep.
  const stack: Node[] = [...nodes].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'definition') {
      const d = node as Definition;
      definitions.push([d.identifier, d.url]);
      definitionLines.push(`[${d.label ?? d.identifier}]: <${d.url.replace(/[<>\\]/g, '\\$&').replace(/[\r\n]/g, ' ')}>`);
    } else if (node.type === 'footnoteDefinition') {
      const f = node as FootnoteDefinition;
      definitionLines.push(`[^${f.label ?? f.identifier}]: .`);
    }
    if ((node.type === 'code' || node.type === 'inlineCode') && node.position) {
      code.push(node.position.start.offset! - P, node.position.end.offset! - P);
      continue;
    }
    const kids = (node as Parent).children;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  const lineBreaks = ls.length - 1;
  return {
    length: chunkText.length,
    lineBreaks,
    sections: builder.sections,
    blocks: builder.blocks,
    sentences,
    sentenceTexts,
    directives: builder.directives,
    links: builder.links,
    references: builder.references,
    definitions,
    definitionLines: P ? [] : definitionLines,
    openAtEnd: hasFollowing && isOpenAtEnd(nodes, src),
    tailOpen: hasFollowing ? undefined : (() => {
      const at = openTail(nodes, src);
      return at === undefined ? undefined : at - P;
    })(),
    endState: `${builder.headingLevel},${builder.lineSectionLevel},${builder.sectionsBefore || builder.sections.length ? 1 : 0}`,
    code,
  };
}

interface Placed {
  base: number;
  lineBase: number;
  column: number;
  blocks: TextBlock[];
  sentences?: Sentence[];
  directives: Directive[];
  links: LinkFact[];
  references: ChunkModel['references'];
}

interface Positioning {
  lineStarts: number[];
  eol: string;
  pointAt(offset: number): Point;
  rangeOf(start: number, end: number): Range;
  lineOf(offset: number): number;
}

/** The document model from its chunks: chunk-relative positions moved to where each chunk starts. */
function assemble(text: string, chunks: ChunkModel[], starts: number[], at: Positioning, cache: AnalysisCache | undefined): PolicyDocument {
  const sections: Section[] = [];
  const blocks: TextBlock[] = [];
  const sentences: Sentence[] = [];
  const directives: Directive[] = [];
  const links: LinkFact[] = [];
  const references: ChunkModel['references'] = [];
  const definitions = new Map<string, string>();
  const code: [number, number][] = [];
  let lineBase = 0;
  const chunkBlocks: TextBlock[][] = [];
  for (let c = 0; c < chunks.length; c++) {
    const m = chunks[c];
    const B = starts[c];
    const L = lineBase;
    // A chunk starts at a line start, or (a piece of a very long run) mid-line: then its first line's columns move too.
    const C = B - at.lineStarts[L];
    const point = (p: Point): Point => ({ line: p.line + L, column: p.line === 1 ? p.column + C : p.column, offset: p.offset + B });
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
    // A chunk placed where it stood in the last version keeps its blocks and sentences (only the
    // sections they belong to are assigned again below); elsewhere they are made anew.
    let placed = cache && m.placed?.base === B && m.placed.lineBase === L && m.placed.column === C ? m.placed : undefined;
    if (!placed) {
      placed = {
        base: B,
        lineBase: L,
        column: C,
        blocks: m.blocks.map((b) => new PlacedBlock(b, B, move(b.range))),
        directives: m.directives.map((d) => ({ ...d, range: move(d.range) })),
        links: m.links.map((l) => ({ ...l, range: move(l.range) })),
        references: m.references.map((r) => ({ ...r, range: move(r.range) })),
      };
      if (cache) m.placed = placed;
    }
    const own = placed.blocks;
    for (const b of own) blocks.push(b);
    chunkBlocks.push(own);
    for (const d of placed.directives) directives.push(d);
    for (const l of placed.links) links.push(l);
    for (const r of placed.references) references.push(r);
    for (const [id, url] of m.definitions) if (!definitions.has(id)) definitions.set(id, url);
    for (let i = 0; i < m.code.length; i += 2) code.push([m.code[i] + B, m.code[i + 1] + B]);
    lineBase += m.lineBreaks;
  }
  for (const r of references) {
    const url = definitions.get(r.identifier);
    if (url !== undefined) links.push({ url, text: r.text, range: r.range });
  }
  if (references.length) links.sort((a, b) => a.range.start.offset - b.range.start.offset);
  finishSections(sections, text.length, at.rangeOf);
  assignSections(blocks, sections);
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
      mine.push({ text: m.sentenceTexts[i / 3], range: at.rangeOf(rel[s] + starts[c], rel[e] + starts[c]), block, start: s, section: block.section });
    }
    if (placed) placed.sentences = mine;
    for (const s of mine) sentences.push(s);
  }
  setBodyText(sections, blocks);

  const outline = sections.filter((s) => !s.parent);
  const title = sections.find((s) => s.kind === 'heading' && s.level === 1);
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
    openTail: chunks.length && chunks[chunks.length - 1].tailOpen !== undefined ? chunks[chunks.length - 1].tailOpen! + starts[chunks.length - 1] : undefined,
    lineStarts: at.lineStarts,
    eol: at.eol,
    pointAt: at.pointAt,
    rangeOf: at.rangeOf,
    lineOf: at.lineOf,
    memo: memoFor(cache),
  };
  return doc;
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
  #moved?: number[];

  constructor(source: TextBlock, base: number, range: Range) {
    this.text = source.text;
    this.kind = source.kind;
    this.range = range;
    this.#source = source;
    this.#base = base;
  }

  get offsets(): number[] {
    if (!this.#moved) {
      const rel = this.#source.offsets;
      this.#moved = this.#base === 0 ? rel : rel.map((o) => o + this.#base);
    }
    return this.#moved;
  }
}

/** The innermost section around each block, in one sweep (blocks and sections are in document order). */
function assignSections(blocks: TextBlock[], sections: Section[]): void {
  let next = 0;
  const open: Section[] = [];
  for (const block of blocks) {
    const at = block.range.start.offset;
    while (next < sections.length && sections[next].titleRange.start.offset <= at) {
      const s = sections[next++];
      while (open.length && open[open.length - 1].level >= s.level) open.pop();
      open.push(s);
    }
    while (open.length && open[open.length - 1].range.end.offset <= at && open[open.length - 1].range.end.offset !== open[open.length - 1].range.start.offset) open.pop();
    block.section = open[open.length - 1];
  }
}

/** Index of the first block that starts at or after `offset`. */
function firstBlockAt(blocks: TextBlock[], offset: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].range.start.offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Each section's body as plain text: the rest of the title's own paragraph (bold lead-ins),
 * then every block up to its end. Computed when first read: most sections' bodies never are.
 */
function setBodyText(sections: Section[], blocks: TextBlock[]): void {
  for (const section of sections) {
    let body: string | undefined;
    Object.defineProperty(section, 'bodyText', {
      configurable: true,
      enumerable: true,
      get: () => (body ??= bodyTextOf(section, blocks)),
      set: (v: string) => {
        body = v;
      },
    });
  }
}

function bodyTextOf(section: Section, blocks: TextBlock[]): string {
  const parts: string[] = [];
  const bodyStart = section.bodyRange.start.offset;
  // The block that holds the title, when the body goes on in it (**Title.** Body…).
  const titleBlock = blocks[firstBlockAt(blocks, section.titleRange.start.offset + 1) - 1];
  if (titleBlock && titleBlock.kind !== 'heading' && titleBlock.range.end.offset > bodyStart && titleBlock.range.start.offset <= section.titleRange.start.offset) {
    const i = titleBlock.offsets.findIndex((o) => o >= bodyStart);
    if (i >= 0) parts.push(titleBlock.text.slice(i).replace(/^[\s.:—–-]+/, ''));
  }
  for (let b = firstBlockAt(blocks, bodyStart); b < blocks.length && blocks[b].range.start.offset < section.range.end.offset; b++) {
    if (blocks[b].kind !== 'html' && blocks[b] !== titleBlock) parts.push(blocks[b].text);
  }
  return parts.join('\n').trim();
}

/** Sets each section's range end, parent and children once all titles are known. */
function finishSections(sections: Section[], textLength: number, rangeOf: (s: number, e: number) => Range): void {
  // One sweep: a section ends where the next section at its level or above starts.
  const ends = new Array<number>(sections.length).fill(textLength);
  const open: number[] = [];
  for (let i = 0; i < sections.length; i++) {
    while (open.length && sections[open[open.length - 1]].level >= sections[i].level) ends[open.pop()!] = sections[i].range.start.offset;
    open.push(i);
  }
  const stack: Section[] = [];
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i];
    while (stack.length && stack[stack.length - 1].level >= s.level) stack.pop();
    s.parent = stack[stack.length - 1];
    s.parent?.children.push(s);
    stack.push(s);
    const end = ends[i];
    // Trim trailing blank lines off the section.
    const startBody = s.titleRange.end.offset;
    s.range = rangeOf(s.titleRange.start.offset, Math.max(startBody, end));
    s.bodyRange = rangeOf(Math.min(s.bodyRange.start.offset, s.range.end.offset), s.range.end.offset);
  }
}

/** Plain text of inline content with a source offset for every character. */
interface Flat {
  text: string;
  offsets: number[];
}

class Builder {
  sections: Section[] = [];
  blocks: TextBlock[] = [];
  directives: Directive[] = [];
  links: PolicyDocument['facts']['links'] = [];
  /** Reference-style links ([text][id]), resolved against their definitions once the tree is walked. */
  references: { identifier: string; text: string; range: Range }[] = [];
  /** Level of the innermost real heading seen so far. */
  headingLevel = 0;
  /** The innermost pseudo-heading of the line kinds (bold line, caps, numbered) under the current heading. */
  lineSectionLevel = 0;
  /** Sections before this chunk (only whether there are any matters). */
  sectionsBefore = false;

  constructor(
    private readonly src: string,
    private readonly rangeOf: (s: number, e: number) => Range,
  ) {}

  /** `follow` stands for the node after the last one (the next chunk's heading). */
  walk(nodes: RootContent[], depth: number, follow?: RootContent): void {
    // Block quotes and lists nested deeper than any policy nests them are not read (the stack is finite).
    if (depth > MAX_DEPTH) return;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      const next = nodes[i + 1] ?? follow;
      switch (node.type) {
        case 'heading':
          this.heading(node);
          break;
        case 'paragraph':
          this.paragraph(node, undefined, next);
          break;
        case 'list':
          this.list(node, next, depth);
          break;
        case 'blockquote':
          this.walk(node.children, depth + 1);
          break;
        case 'table':
          // One block per row, cells joined by " | ", so that a cell is read with its row ("Under 15 | … consent of a parent").
          for (const row of node.children) {
            const flat: Flat = { text: '', offsets: [] };
            for (const cell of row.children) {
              const part = this.flatten(cell.children, cell);
              if (!part.text.trim()) continue;
              if (flat.text) {
                flat.text += ' | ';
                const at = part.offsets[0];
                flat.offsets.push(at, at, at);
              }
              flat.text += part.text;
              flat.offsets.push(...part.offsets.slice(0, part.text.length));
            }
            if (flat.text.trim()) {
              flat.offsets.push(row.position?.end.offset ?? flat.offsets[flat.offsets.length - 1] ?? 0);
              this.addBlock(flat, 'table-cell', row);
            }
          }
          break;
        case 'html':
          this.html(node.value, node);
          break;
        case 'footnoteDefinition':
          this.walk(node.children, depth + 1);
          break;
        default:
          break;
      }
    }
  }

  private html(value: string, node: Node): void {
    const start = node.position?.start.offset ?? 0;
    this.directives.push(...parseDirectives(value, start, this.rangeOf));
  }

  private heading(node: Heading): void {
    const flat = this.flatten(node.children, node);
    const block = this.addBlock(flat, 'heading', node);
    this.headingLevel = node.depth;
    this.lineSectionLevel = 0;
    if (!flat.text.trim()) return; // an empty heading ("# ") titles nothing
    const start = node.position!.start.offset!;
    const end = node.position!.end.offset!;
    this.addSection('heading', flat.text, node.depth, start, end, end, block);
  }

  private list(node: List, next: RootContent | undefined, depth: number): void {
    // "4. Sharing" on its own is parsed as a one-item ordered list: a numbered plain line.
    if (node.ordered && node.children.length === 1) {
      const item = node.children[0];
      const para = item.children[0];
      if (item.children.length === 1 && para?.type === 'paragraph' && next && next.type !== 'list') {
        const flat = this.flatten(para.children, para);
        const number = String(node.start ?? 1);
        if (isTitleLike(flat.text) && !/[.;,]$/.test(flat.text.trim())) {
          const block = this.addBlock(flat, 'paragraph', para);
          const start = node.position!.start.offset!;
          const end = node.position!.end.offset!;
          this.addSection('numbered-line', `${number}. ${flat.text.trim()}`, this.pseudoLevel('line'), start, end, end, block);
          return;
        }
      }
    }
    for (const item of node.children) this.listItem(item, depth + 1);
  }

  private listItem(item: ListItem, depth: number): void {
    item.children.forEach((child, i) => {
      if (child.type === 'paragraph') this.paragraph(child, i === 0 ? item : undefined, item.children[i + 1]);
      else this.walk([child], depth + 1);
    });
  }

  private paragraph(node: Paragraph, listItem: ListItem | undefined, next: RootContent | undefined): void {
    for (const child of node.children) if (child.type === 'html') this.html(child.value, child);
    const flat = this.flatten(node.children, node);
    if (!flat.text.trim()) return;
    const block = this.addBlock(flat, 'paragraph', node);
    const start = (listItem ?? node).position!.start.offset!;

    const lead = boldLead(node);
    if (lead) {
      const titleEnd = lead.end;
      const titleStart = node.position!.start.offset!;
      const wholeParagraph = lead.rest.trim() === '';
      if (listItem) {
        this.addSection('bold-list-item', lead.title, this.pseudoLevel('lead'), start, titleEnd, titleEnd, block, titleStart);
      } else if (wholeParagraph) {
        this.addSection('bold-line', lead.title, this.pseudoLevel('line'), start, titleEnd, titleEnd, block);
      } else {
        this.addSection('bold-lead', lead.title, this.pseudoLevel('lead'), start, titleEnd, titleEnd, block);
      }
      return;
    }
    if (listItem) return;
    const line = flat.text.trim();
    if (line.includes('\n') || !next) return;
    const end = node.position!.end.offset!;
    if (isCapsLine(line)) {
      this.addSection('caps-line', line, this.pseudoLevel('line'), start, end, end, block);
    } else if (/^(?:[IVXLC]+|[A-Z]|\d+(?:\.\d+)*)[.)]\s+\S/.test(line) && isTitleLike(line.replace(/^\S+\s+/, '')) && !/[.;,:]$/.test(line)) {
      this.addSection('numbered-line', line, this.pseudoLevel('line'), start, end, end, block);
    }
  }

  /** The level a pseudo-heading takes: below the current heading, and leads below line titles. */
  private pseudoLevel(kind: 'line' | 'lead'): number {
    const base = this.headingLevel || (this.sections.length || this.sectionsBefore ? 1 : 0);
    if (kind === 'line') {
      this.lineSectionLevel = base + 1;
      return base + 1;
    }
    return this.lineSectionLevel ? this.lineSectionLevel + 1 : base + 1;
  }

  private addSection(
    kind: SectionKind,
    rawTitle: string,
    level: number,
    start: number,
    titleEnd: number,
    bodyStart: number,
    _block: TextBlock,
    titleStart = start,
  ): void {
    const title = cleanTitle(rawTitle);
    const { number, name } = splitNumber(title);
    const section: Section = {
      index: this.sections.length,
      title,
      name,
      number,
      level,
      kind,
      titleRange: this.rangeOf(titleStart, titleEnd),
      range: this.rangeOf(start, titleEnd),
      bodyRange: this.rangeOf(bodyStart, bodyStart),
      bodyText: '',
      children: [],
    };
    this.sections.push(section);
  }

  private addBlock(flat: Flat, kind: TextBlock['kind'], node: Node): TextBlock {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    if (!flat.text) flat.offsets = [start]; // an empty heading: its one offset is where it stands
    const block: TextBlock = { text: flat.text, offsets: flat.offsets, range: this.rangeOf(start, end), kind };
    this.blocks.push(block);
    return block;
  }

  /** Flattens inline content to plain text, mapping each character back to the source. */
  flatten(nodes: PhrasingContent[], parent?: Node): Flat {
    const out: Flat = { text: '', offsets: [] };
    let last = nodes[0]?.position?.start.offset ?? parent?.position?.start.offset ?? 0;
    const push = (str: string, offs: number[]) => {
      out.text += str;
      for (const o of offs) out.offsets.push(o);
    };
    const visit = (node: PhrasingContent) => {
      const start = node.position?.start.offset ?? last;
      const end = node.position?.end.offset ?? start;
      switch (node.type) {
        case 'text': {
          const offs = this.align(node.value, start, end);
          let str = '';
          const kept: number[] = [];
          for (let i = 0; i < node.value.length; i++) {
            const c = node.value[i];
            if (c === '\r') continue;
            str += c === '\n' ? ' ' : c;
            kept.push(offs[i]);
          }
          push(str, kept);
          break;
        }
        case 'inlineCode': {
          const inner = this.src.indexOf(node.value, start);
          const base = inner >= 0 && inner < end ? inner : start;
          push(node.value, Array.from(node.value, (_, i) => base + i));
          break;
        }
        case 'break':
          push('\n', [start]);
          break;
        case 'link':
        case 'linkReference': {
          const before = out.text.length;
          for (const c of node.children) visit(c);
          const linkText = out.text.slice(before);
          if (node.type === 'link') this.links.push({ url: node.url, text: linkText, range: this.rangeOf(start, end) });
          else this.references.push({ identifier: node.identifier, text: linkText, range: this.rangeOf(start, end) });
          break;
        }
        case 'emphasis':
        case 'strong':
        case 'delete':
          for (const c of node.children) visit(c);
          break;
        case 'html':
          break;
        default:
          break;
      }
      last = end;
    };
    for (const n of nodes) visit(n);
    out.offsets.push(last);
    // Guard: keep one offset per character plus the end.
    while (out.offsets.length < out.text.length + 1) out.offsets.push(last);
    if (out.offsets.length > out.text.length + 1) out.offsets.length = out.text.length + 1;
    return out;
  }

  /** Maps each character of a text node's value to a source offset, skipping escapes and entities. */
  private align(value: string, start: number, end: number): number[] {
    const offs: number[] = [];
    let p = start;
    for (let i = 0; i < value.length; i++) {
      const c = value[i];
      if (this.src[p] === c) {
        offs.push(p++);
        continue;
      }
      let q = p;
      while (q < end && q < p + 10 && this.src[q] !== c) q++;
      if (q < end && this.src[q] === c) {
        offs.push(q);
        p = q + 1;
      } else {
        offs.push(Math.min(p, end));
      }
    }
    return offs;
  }
}

/** A paragraph that opens with a bold title: **Title.** body / **Title**. body / **Title**<br>body / **Title** */
function boldLead(node: Paragraph): { title: string; end: number; rest: string } | undefined {
  const kids = node.children.filter((c, i) => !(i === 0 && c.type === 'text' && !c.value.trim()));
  const first = kids[0];
  if (!first || first.type !== 'strong') return undefined;
  const title = toPlain(first).replace(/\s+/g, ' ').trim();
  if (!title || !isTitleLike(title.replace(/[.:]$/, ''))) return undefined;
  const second = kids[1];
  const restText = kids.slice(1).map(toPlain).join('');
  let end = first.position!.end.offset!;
  if (!second) return { title, end, rest: '' };
  if (second.type === 'break') return { title, end: second.position!.start.offset!, rest: restText };
  if (second.type === 'text') {
    const v = second.value;
    if (/^[.:]/.test(v)) {
      end += 1;
      return { title, end, rest: restText.slice(1) };
    }
    if (/[.:]$/.test(title) && /^\s/.test(v)) return { title, end, rest: restText };
    if (/^\s*[—–-]\s/.test(v)) return { title, end, rest: restText };
    if (/^\s*\n/.test(v)) return { title, end, rest: restText };
  }
  return undefined;
}

function toPlain(node: PhrasingContent | Strong): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if (node.type === 'break') return '\n';
  if ('children' in node) return (node.children as PhrasingContent[]).map(toPlain).join('');
  return '';
}

/** Short, starts with a capital or a number, no sentence inside. */
export function isTitleLike(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > MAX_TITLE_CHARS) return false;
  if (t.split(/\s+/).length > MAX_TITLE_WORDS) return false;
  if (!/^[\p{Lu}\d"“'‘(]/u.test(t)) return false;
  if (/[.!?]\s+\p{Lu}/u.test(t.replace(/\b(?:Inc|Ltd|Co|No|U\.S|e\.g|i\.e)\./g, ''))) return false;
  return true;
}

function isCapsLine(line: string): boolean {
  if (line.length > MAX_TITLE_CHARS || line.length < 4) return false;
  const letters = line.replace(/[^\p{L}]/gu, '');
  if (letters.length < 4) return false;
  if (letters !== letters.toUpperCase()) return false;
  if (/[.!?,;]$/.test(line)) return false;
  return line.split(/\s+/).length <= MAX_TITLE_WORDS;
}

/** Removes Markdown leftovers and trailing separators from a title. */
export function cleanTitle(raw: string): string {
  return trimTrailing(raw.replace(/\s+/g, ' ').replace(/\\(.)/g, '$1').trim(), ' .:|').trim();
}

/** "14. Changes" → { number: "14", name: "Changes" }; "II.D. Cookies" → { number: "II.D" }. */
export function splitNumber(title: string): { number?: string; name: string } {
  const m = /^(?:(?:section|article|part)\s+)?((?:\d{1,3}|[IVXLC]{1,8}|[A-Z])(?:\.(?:\d{1,4}|[A-Za-z])){0,6})(?:\.?\)|[.:]|\s[-–—]|(?<=\.\d{1,3})(?=\s))\s*(.+)$/i.exec(title);
  if (m && (/\d/.test(m[1]) || /^[IVXLC]+$|^[A-Z]$|\./.test(m[1]))) {
    // A lone capital letter counts only with a dot or parenthesis after it ("B. Sharing").
    if (/^[A-Za-z]+$/.test(m[1]) && !/^[A-Za-z]+[.)]/.test(title.replace(/^(?:section|article|part)\s+/i, ''))) return { name: title };
    return { number: m[1].toUpperCase(), name: m[2].trim() };
  }
  const sec = /^(?:section|article|part)\s+(\d+)\s*(?:[-–—:.]\s*)?(.*)$/i.exec(title);
  if (sec) return { number: sec[1], name: sec[2] || title };
  return { name: title };
}
