// One chunk of the text parsed alone: its sections, blocks, sentences, links, definitions
// and code spans, with positions relative to the chunk. The cache keeps these per chunk.
import type { Definition, FootnoteDefinition, Node, Parent, RootContent } from 'mdast';
import { bareUrls } from './bare-urls.js';
import { isOpenAtEnd, openTail } from './chunk-bounds.js';
import { parseMarkdown } from './markdown.js';
import { Builder, type OutlineState } from './outline.js';
import { limitNesting } from './parse-limits.js';
import { chunkRanges, computeLineStarts } from './positions.js';
import { splitSentences } from './text.js';
import type { Directive, LinkFact, Range, Section, Sentence, TextBlock } from './types.js';

export type { OutlineState } from './outline.js';

/** A link written [text][id], resolved against its definition once every chunk is read. */
export interface LinkReference {
  identifier: string;
  text: string;
  range: Range;
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
  references: LinkReference[];
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

/** A chunk's blocks, sentences and links moved to where the chunk stands in a document. */
export interface Placed {
  base: number;
  lineBase: number;
  column: number;
  blocks: TextBlock[];
  sentences?: Sentence[];
  directives: Directive[];
  links: LinkFact[];
  references: LinkReference[];
}

/** A heading that stands for the next chunk's first node when a chunk is walked alone. */
const FOLLOWING: RootContent = { type: 'heading', depth: 1, children: [] };

/**
 * Parses one chunk (after `prefix`, definitions from other chunks, whose nodes are left out)
 * and reads its outline from `state`. `hasFollowing`: another chunk comes after this one.
 */
export function analyzeChunk(
  chunkText: string,
  prefix: string,
  hasFollowing: boolean,
  state: OutlineState,
  plain: boolean,
): ChunkModel {
  const src = prefix + limitNesting(chunkText);
  const P = prefix.length;
  const rangeOf = chunkRanges(chunkText, P);

  const mdast = parseMarkdown(src, plain);
  const nodes = P ? mdast.children.filter((n) => (n.position?.start.offset ?? 0) >= P) : mdast.children;
  const builder = new Builder(src, rangeOf);
  builder.startFrom(state);
  builder.walk(nodes, 0, hasFollowing ? FOLLOWING : undefined);
  if (P) {
    for (const b of builder.blocks) b.offsets = b.offsets.map((o) => Math.max(0, o - P));
  }
  bareUrls(builder.blocks, builder.links, (s, e) => rangeOf(s + P, e + P));
  const { sentences, sentenceTexts } = chunkSentences(builder.blocks);
  const { definitions, definitionLines, code } = definitionsAndCode(nodes, P);
  const lineBreaks = computeLineStarts(chunkText).length - 1;
  let tailOpen: number | undefined;
  if (!hasFollowing) {
    const at = openTail(nodes, src);
    tailOpen = at === undefined ? undefined : at - P;
  }
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
    tailOpen,
    endState: builder.endState(),
    code,
  };
}

/** The blocks' sentences, as [block index, start, end] triples and their texts. */
function chunkSentences(blocks: TextBlock[]): { sentences: number[]; sentenceTexts: string[] } {
  const sentences: number[] = [];
  const sentenceTexts: string[] = [];
  blocks.forEach((block, b) => {
    if (block.kind === 'html') return;
    for (const s of splitSentences(block.text)) {
      sentences.push(b, s.start, s.end);
      sentenceTexts.push(block.text.slice(s.start, s.end));
    }
  });
  return { sentences, sentenceTexts };
}

/** Link and footnote definitions (with one-line Markdown for each) and code spans, offsets less the prefix. */
function definitionsAndCode(
  nodes: RootContent[],
  P: number,
): { definitions: [string, string][]; definitionLines: string[]; code: number[] } {
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
      const url = d.url.replace(/[<>\\]/g, '\\$&').replace(/[\r\n]/g, ' ');
      definitionLines.push(`[${d.label ?? d.identifier}]: <${url}>`);
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
  return { definitions, definitionLines, code };
}
