// Parse once: remark's mdast becomes the policy document model every rule reads —
// sections (pseudo-headings included), prose blocks with a map back to the source,
// sentences, facts and inline directives.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Definition, Heading, List, ListItem, Node, Paragraph, Parent, PhrasingContent, Root, RootContent, Strong } from 'mdast';
import { parseDirectives } from './directives.js';
import { extractFacts } from './facts.js';
import { splitSentences } from './text.js';
import type { Directive, Point, PolicyDocument, Range, Section, SectionKind, Sentence, TextBlock } from './types.js';

const parser = unified().use(remarkParse).use(remarkGfm);

/** Longest title a pseudo-heading may have. */
const MAX_TITLE_WORDS = 14;
const MAX_TITLE_CHARS = 110;

export function parsePolicy(text: string): PolicyDocument {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const eol = crlf * 2 > lineStarts.length - 1 ? '\r\n' : '\n';

  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const pointAt = (offset: number): Point => {
    const o = Math.max(0, Math.min(offset, text.length));
    const line = lineOf(o);
    return { line, column: o - lineStarts[line - 1] + 1, offset: o };
  };
  const rangeOf = (start: number, end: number): Range => ({ start: pointAt(start), end: pointAt(Math.max(start, end)) });

  let mdast: Root;
  try {
    mdast = parser.parse(text) as Root;
  } catch {
    // remark does not throw on Markdown, but a model must exist whatever happens.
    mdast = { type: 'root', children: [] };
  }

  const builder = new Builder(text, rangeOf);
  builder.walk(mdast.children, 0);
  const { sections, blocks, directives } = builder;
  resolveReferences(mdast, builder);
  finishSections(sections, text.length, rangeOf);

  assignSections(blocks, sections);
  const sentences: Sentence[] = [];
  for (const block of blocks) {
    if (block.kind === 'html') continue;
    for (const s of splitSentences(block.text)) {
      const start = block.offsets[s.start];
      const end = block.offsets[s.end];
      sentences.push({ text: block.text.slice(s.start, s.end), range: rangeOf(start, end), block, start: s.start, section: block.section });
    }
  }
  setBodyText(sections, blocks);

  const outline = sections.filter((s) => !s.parent);
  const title = sections.find((s) => s.kind === 'heading' && s.level === 1);
  const doc: PolicyDocument = {
    text,
    mdast,
    sections,
    outline,
    title,
    blocks,
    sentences,
    facts: { ages: [], emails: [], postal: [], phones: [], dates: [], methods: [], forms: [], links: builder.links },
    directives,
    lineStarts,
    eol,
    pointAt,
    rangeOf,
    lineOf,
  };
  doc.facts = extractFacts(doc);
  return doc;
}

/** Adds reference-style links to the links, with the URL of their definition. */
function resolveReferences(root: Root, builder: Builder): void {
  if (!builder.references.length) return;
  const urls = new Map<string, string>();
  const visit = (node: Node) => {
    if (node.type === 'definition') {
      const d = node as Definition;
      if (!urls.has(d.identifier)) urls.set(d.identifier, d.url);
    }
    for (const child of (node as Parent).children ?? []) visit(child);
  };
  visit(root);
  for (const r of builder.references) {
    const url = urls.get(r.identifier);
    if (url !== undefined) builder.links.push({ url, text: r.text, range: r.range });
  }
  builder.links.sort((a, b) => a.range.start.offset - b.range.start.offset);
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

/** Each section's body as plain text: the rest of the title's own paragraph (bold lead-ins), then every block up to its end. */
function setBodyText(sections: Section[], blocks: TextBlock[]): void {
  for (const section of sections) {
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
    section.bodyText = parts.join('\n').trim();
  }
}

/** Sets each section's range end, parent and children once all titles are known. */
function finishSections(sections: Section[], textLength: number, rangeOf: (s: number, e: number) => Range): void {
  const stack: Section[] = [];
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i];
    while (stack.length && stack[stack.length - 1].level >= s.level) stack.pop();
    s.parent = stack[stack.length - 1];
    s.parent?.children.push(s);
    stack.push(s);
    let end = textLength;
    for (let j = i + 1; j < sections.length; j++) {
      if (sections[j].level <= s.level) {
        end = sections[j].range.start.offset;
        break;
      }
    }
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
  private headingLevel = 0;
  /** The innermost pseudo-heading of the line kinds (bold line, caps, numbered) under the current heading. */
  private lineSectionLevel = 0;

  constructor(
    private readonly src: string,
    private readonly rangeOf: (s: number, e: number) => Range,
  ) {}

  walk(nodes: RootContent[], depth: number): void {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      switch (node.type) {
        case 'heading':
          this.heading(node);
          break;
        case 'paragraph':
          this.paragraph(node, undefined, nodes[i + 1]);
          break;
        case 'list':
          this.list(node, nodes[i + 1]);
          break;
        case 'blockquote':
          this.walk(node.children, depth + 1);
          break;
        case 'table':
          // One block per row, cells joined by " | ", so that a cell is read with its row ("Under 15 | … consent of a parent").
          for (const row of node.children) {
            const flat: Flat = { text: '', offsets: [] };
            for (const cell of row.children) {
              const part = this.flatten(cell.children);
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
    const flat = this.flatten(node.children);
    const block = this.addBlock(flat, 'heading', node);
    this.headingLevel = node.depth;
    this.lineSectionLevel = 0;
    if (!flat.text.trim()) return; // an empty heading ("# ") titles nothing
    const start = node.position!.start.offset!;
    const end = node.position!.end.offset!;
    this.addSection('heading', flat.text, node.depth, start, end, end, block);
  }

  private list(node: List, next: RootContent | undefined): void {
    // "4. Sharing" on its own is parsed as a one-item ordered list: a numbered plain line.
    if (node.ordered && node.children.length === 1) {
      const item = node.children[0];
      const para = item.children[0];
      if (item.children.length === 1 && para?.type === 'paragraph' && next && next.type !== 'list') {
        const flat = this.flatten(para.children);
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
    for (const item of node.children) this.listItem(item);
  }

  private listItem(item: ListItem): void {
    item.children.forEach((child, i) => {
      if (child.type === 'paragraph') this.paragraph(child, i === 0 ? item : undefined, item.children[i + 1]);
      else this.walk([child], 1);
    });
  }

  private paragraph(node: Paragraph, listItem: ListItem | undefined, next: RootContent | undefined): void {
    for (const child of node.children) if (child.type === 'html') this.html(child.value, child);
    const flat = this.flatten(node.children);
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
    const base = this.headingLevel || (this.sections.length ? 1 : 0);
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
    const block: TextBlock = { text: flat.text, offsets: flat.offsets, range: this.rangeOf(start, end), kind };
    this.blocks.push(block);
    return block;
  }

  /** Flattens inline content to plain text, mapping each character back to the source. */
  flatten(nodes: PhrasingContent[]): Flat {
    const out: Flat = { text: '', offsets: [] };
    let last = nodes[0]?.position?.start.offset ?? 0;
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
  return raw
    .replace(/\s+/g, ' ')
    .replace(/\\(.)/g, '$1')
    .trim()
    .replace(/(?:\s*[.:|])+$/, '')
    .trim();
}

/** "14. Changes" → { number: "14", name: "Changes" }; "II.D. Cookies" → { number: "II.D" }. */
export function splitNumber(title: string): { number?: string; name: string } {
  const m = /^(?:(?:section|article|part)\s+)?((?:\d{1,3}|[IVXLC]+|[A-Z])(?:\.(?:\d+|[A-Za-z]))*)(?:\.?\)|[.:]|\s[-–—]|(?<=\.\d{1,3})(?=\s))\s*(.+)$/i.exec(title);
  if (m && (/\d/.test(m[1]) || /^[IVXLC]+$|^[A-Z]$|\./.test(m[1]))) {
    // A lone capital letter counts only with a dot or parenthesis after it ("B. Sharing").
    if (/^[A-Za-z]+$/.test(m[1]) && !/^[A-Za-z]+[.)]/.test(title.replace(/^(?:section|article|part)\s+/i, ''))) return { name: title };
    return { number: m[1].toUpperCase(), name: m[2].trim() };
  }
  const sec = /^(?:section|article|part)\s+(\d+)\s*[-–—:.]?\s*(.*)$/i.exec(title);
  if (sec) return { number: sec[1], name: sec[2] || title };
  return { name: title };
}
