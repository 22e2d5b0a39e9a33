// The outline builder: walks a chunk's syntax tree into sections (real headings and the
// pseudo-headings drafts use: bold lines and leads, caps lines, numbered lines), the text
// blocks every rule reads, and the directives in HTML comments.
import type { Heading, List, ListItem, Node, Paragraph, PhrasingContent, RootContent, Table } from 'mdast';
import type { LinkReference } from './chunk-model.js';
import { parseDirectives } from './directives.js';
import { flatten, type Flat, type InlineContext } from './inline.js';
import { MAX_DEPTH } from './parse-limits.js';
import {
  boldLead,
  cleanTitle,
  isCapsLine,
  isNumberedLine,
  isPlainTitleLine,
  isTitleLike,
  plainLead,
  splitNumber,
  toPlain,
} from './titles.js';
import type { Directive, LinkFact, Range, Section, SectionKind, TextBlock } from './types.js';

/**
 * The outline state a chunk starts in: what the Builder carries from one chunk to the next
 * ("heading level,line section level,1 if any section came before").
 */
export type OutlineState = string;
export const START_STATE: OutlineState = '0,0,0';

/**
 * An ordered list of two or more items that each open with a one-line title (no closing
 * punctuation) over more content: the document's sections written as a numbered list.
 */
function isSectionList(node: List): boolean {
  if (!node.ordered || node.children.length < 2) return false;
  return node.children.every((item) => {
    const para = item.children[0];
    if (item.children.length < 2 || para?.type !== 'paragraph') return false;
    const line = para.children.map(toPlain).join('').trim();
    return !line.includes('\n') && isTitleLike(line) && !/[.;,]$/.test(line) && line.split(/\s+/).length <= 8;
  });
}

export class Builder implements InlineContext {
  sections: Section[] = [];
  blocks: TextBlock[] = [];
  directives: Directive[] = [];
  links: LinkFact[] = [];
  /** Reference-style links ([text][id]), resolved against their definitions once the tree is walked. */
  references: LinkReference[] = [];
  /** Level of the innermost real heading seen so far. */
  headingLevel = 0;
  /** The innermost pseudo-heading of the line kinds (bold line, caps, numbered) under the current heading. */
  lineSectionLevel = 0;
  /** Sections before this chunk (only whether there are any matters). */
  sectionsBefore = false;
  /** Inside a numbered list whose items are sections: its sub-lists are content. */
  private inSectionList = false;

  constructor(
    readonly src: string,
    readonly rangeOf: (s: number, e: number) => Range,
  ) {}

  /** Carries on from where the previous chunk left the outline. */
  startFrom(state: OutlineState): void {
    const [heading, line, before] = state.split(',').map(Number);
    this.headingLevel = heading;
    this.lineSectionLevel = line;
    this.sectionsBefore = before === 1;
  }

  /** Where the next chunk's outline starts. */
  endState(): OutlineState {
    return `${this.headingLevel},${this.lineSectionLevel},${this.sectionsBefore || this.sections.length ? 1 : 0}`;
  }

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
          this.table(node);
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

  flatten(nodes: PhrasingContent[], parent?: Node): Flat {
    return flatten(this, nodes, parent);
  }

  /**
   * One block per row, cells joined by " | ", so that a cell is read with its row
   * ("Under 15 | … consent of a parent").
   */
  private table(node: Table): void {
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
  }

  private html(value: string, node: Node): void {
    const start = node.position?.start.offset ?? 0;
    this.directives.push(...parseDirectives(value, start, this.rangeOf));
  }

  private heading(node: Heading): void {
    const flat = this.flatten(node.children, node);
    this.addBlock(flat, 'heading', node);
    this.headingLevel = node.depth;
    this.lineSectionLevel = 0;
    if (!flat.text.trim()) return; // an empty heading ("# ") titles nothing
    const start = node.position!.start.offset!;
    const end = node.position!.end.offset!;
    this.addSection('heading', flat.text, node.depth, start, end);
  }

  private list(node: List, next: RootContent | undefined, depth: number): void {
    if (this.numberedLineList(node, next)) return;
    if (!this.inSectionList && isSectionList(node)) {
      // "6. Changes to this policy" over its own paragraphs or sub-items: each item is a section.
      this.inSectionList = true;
      let number = node.start ?? 1;
      for (const item of node.children) {
        const para = item.children[0] as Paragraph;
        const flat = this.flatten(para.children, para);
        this.addBlock(flat, 'paragraph', para);
        const start = item.position!.start.offset!;
        const end = para.position!.end.offset!;
        this.addSection('numbered-line', `${number++}. ${flat.text.trim()}`, this.pseudoLevel('line'), start, end);
        for (const child of item.children.slice(1)) {
          if (child.type === 'paragraph') this.paragraph(child, undefined, undefined);
          else this.walk([child], depth + 2);
        }
      }
      this.inSectionList = false;
      return;
    }
    for (const item of node.children) this.listItem(item, depth + 1);
  }

  /** "4. Sharing" on its own is parsed as a one-item ordered list: a numbered plain line. */
  private numberedLineList(node: List, next: RootContent | undefined): boolean {
    if (!node.ordered || node.children.length !== 1) return false;
    const item = node.children[0];
    const para = item.children[0];
    if (item.children.length !== 1 || para?.type !== 'paragraph' || !next || next.type === 'list') return false;
    const flat = this.flatten(para.children, para);
    const number = String(node.start ?? 1);
    if (!isTitleLike(flat.text) || /[.;,]$/.test(flat.text.trim())) return false;
    this.addBlock(flat, 'paragraph', para);
    const start = node.position!.start.offset!;
    const end = node.position!.end.offset!;
    this.addSection('numbered-line', `${number}. ${flat.text.trim()}`, this.pseudoLevel('line'), start, end);
    return true;
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
    this.addBlock(flat, 'paragraph', node);
    const start = (listItem ?? node).position!.start.offset!;

    const lead = boldLead(node);
    if (lead) {
      const titleEnd = lead.end;
      const titleStart = node.position!.start.offset!;
      const wholeParagraph = lead.rest.trim() === '';
      if (listItem) {
        this.addSection('bold-list-item', lead.title, this.pseudoLevel('lead'), start, titleEnd, titleStart);
      } else if (wholeParagraph) {
        this.addSection('bold-line', lead.title, this.pseudoLevel('line'), start, titleEnd);
      } else {
        this.addSection('bold-lead', lead.title, this.pseudoLevel('lead'), start, titleEnd);
      }
      return;
    }
    if (listItem) return;
    const plain = plainLead(node);
    if (plain) {
      this.addSection('plain-line', plain.title, this.pseudoLevel('lead'), start, plain.end);
      return;
    }
    const line = flat.text.trim();
    if (line.includes('\n') || !next) return;
    const end = node.position!.end.offset!;
    if (isCapsLine(line)) {
      this.addSection('caps-line', line, this.pseudoLevel('line'), start, end);
    } else if (isNumberedLine(line)) {
      this.addSection('numbered-line', line, this.pseudoLevel('line'), start, end);
    } else if (node.children.length === 1 && isPlainTitleLine(line)) {
      this.addSection('plain-line', line, this.pseudoLevel('line'), start, end);
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

  /** A section whose title runs from `titleStart` to `titleEnd`; its body starts after the title. */
  private addSection(
    kind: SectionKind,
    rawTitle: string,
    level: number,
    start: number,
    titleEnd: number,
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
      bodyRange: this.rangeOf(titleEnd, titleEnd),
      bodyText: '',
      children: [],
    };
    this.sections.push(section);
  }

  private addBlock(flat: Flat, kind: TextBlock['kind'], node: Node): TextBlock {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    if (!flat.text) flat.offsets = [start]; // an empty heading: its one offset is where it stands
    const block: TextBlock = {
      text: flat.text,
      offsets: Int32Array.from(flat.offsets),
      range: this.rangeOf(start, end),
      kind,
    };
    this.blocks.push(block);
    return block;
  }
}
