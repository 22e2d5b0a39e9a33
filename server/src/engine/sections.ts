// The section tree: where each section ends, its parent and children, the section each
// block belongs to, and each section's body text (computed when first read).
import type { Range, Section, TextBlock } from './types.js';

/** The innermost section around each block, in one sweep (blocks and sections are in document order). */
export function assignSections(blocks: TextBlock[], sections: Section[]): void {
  let next = 0;
  const open: Section[] = [];
  for (const block of blocks) {
    const at = block.range.start.offset;
    while (next < sections.length && sections[next].titleRange.start.offset <= at) {
      const s = sections[next++];
      while (open.length && open[open.length - 1].level >= s.level) open.pop();
      open.push(s);
    }
    // A section that ended before the block is closed (one of no length has not ended yet).
    for (;;) {
      const top = open[open.length - 1];
      if (!top || top.range.end.offset > at || top.range.end.offset === top.range.start.offset) break;
      open.pop();
    }
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
export function setBodyText(sections: Section[], blocks: TextBlock[]): void {
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
  const bodyInTitleBlock =
    titleBlock &&
    titleBlock.kind !== 'heading' &&
    titleBlock.range.end.offset > bodyStart &&
    titleBlock.range.start.offset <= section.titleRange.start.offset;
  if (bodyInTitleBlock) {
    const i = titleBlock.offsets.findIndex((o) => o >= bodyStart);
    if (i >= 0) parts.push(titleBlock.text.slice(i).replace(/^[\s.:—–-]+/, ''));
  }
  const end = section.range.end.offset;
  for (let b = firstBlockAt(blocks, bodyStart); b < blocks.length && blocks[b].range.start.offset < end; b++) {
    if (blocks[b].kind !== 'html' && blocks[b] !== titleBlock) parts.push(blocks[b].text);
  }
  return parts.join('\n').trim();
}

/** Sets each section's range end, parent and children once all titles are known. */
export function finishSections(
  sections: Section[],
  textLength: number,
  rangeOf: (s: number, e: number) => Range,
): void {
  // One sweep: a section ends where the next section at its level or above starts.
  const ends = new Array<number>(sections.length).fill(textLength);
  const open: number[] = [];
  for (let i = 0; i < sections.length; i++) {
    while (open.length && sections[open[open.length - 1]].level >= sections[i].level) {
      ends[open.pop()!] = sections[i].range.start.offset;
    }
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
