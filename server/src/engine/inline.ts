// Inline Markdown as plain text with a source offset for every character: what a block's
// text is made of. Links met on the way are recorded for the link facts.
import type { Node, PhrasingContent } from 'mdast';
import type { LinkReference } from './chunk-model.js';
import type { LinkFact, Range } from './types.js';

/** Plain text of inline content with a source offset for every character. */
export interface Flat {
  text: string;
  offsets: number[];
}

/** What flattening reads (the parsed source) and where it records the links it meets. */
export interface InlineContext {
  readonly src: string;
  readonly rangeOf: (s: number, e: number) => Range;
  readonly links: LinkFact[];
  /** Reference-style links ([text][id]), resolved against their definitions once the tree is walked. */
  readonly references: LinkReference[];
}

/** Flattens inline content to plain text, mapping each character back to the source. */
export function flatten(ctx: InlineContext, nodes: PhrasingContent[], parent?: Node): Flat {
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
        const offs = align(ctx.src, node.value, start, end);
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
        const inner = ctx.src.indexOf(node.value, start);
        const base = inner >= 0 && inner < end ? inner : start;
        push(
          node.value,
          Array.from(node.value, (_, i) => base + i),
        );
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
        const range = ctx.rangeOf(start, end);
        if (node.type === 'link') ctx.links.push({ url: node.url, text: linkText, range });
        else ctx.references.push({ identifier: node.identifier, text: linkText, range });
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
function align(src: string, value: string, start: number, end: number): number[] {
  const offs: number[] = [];
  let p = start;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (src[p] === c) {
      offs.push(p++);
      continue;
    }
    let q = p;
    while (q < end && q < p + 10 && src[q] !== c) q++;
    if (q < end && src[q] === c) {
      offs.push(q);
      p = q + 1;
    } else {
      offs.push(Math.min(p, end));
    }
  }
  return offs;
}
