// Where a text can be cut into chunks that parse alone (before top-level ATX headings outside
// fences and HTML blocks), and whether a parsed chunk ends inside a block still open.
import type { Node, Parent, RootContent } from 'mdast';
import { anyOf } from './regex.js';

/**
 * A line that may continue an open block after a blank line: indented, quoted, a table row,
 * a list item, a footnote.
 */
const CONTINUES_BLOCK = anyOf('', /^[\s>|]/, /^(?:[-+*]|\d{1,9}[.)])(?:[ \t\r]|$)/, /^\[\^/);

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
export function openFence(line: string): { char: string; length: number } | undefined {
  const f = FENCE_OPEN.exec(line);
  if (!f || (f[1][0] === '`' && f[2].includes('`'))) return undefined;
  return { char: f[1][0], length: f[1].length };
}

/** A line that closes `fence`: the same character, at least as many, nothing after but spaces. */
export function closesFence(line: string, fence: { char: string; length: number }): boolean {
  const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return !!close && close[1][0] === fence.char && close[1].length >= fence.length;
}

/**
 * Whether the chunk's last top-level node is a fenced code or HTML block still open at the
 * chunk's end: in the whole text it would swallow the heading that starts the next chunk.
 */
export function isOpenAtEnd(nodes: RootContent[], src: string): boolean {
  return lastOpen(nodes, (node) => isOpenBlock(node, src)) !== undefined;
}

/**
 * The first of the last node, its last child, and so on, that `test` accepts: a fence left
 * open in a list item counts too.
 */
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
export function openTail(nodes: RootContent[], src: string): number | undefined {
  const atEnd = (node: Node) => node.position?.end.offset === src.length && isOpenBlock(node, src, true);
  return lastOpen(nodes, atEnd)?.position?.start.offset;
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
    if (fine && afterBlank && !blank && out[out.length - 1] !== s && !CONTINUES_BLOCK.test(line)) out.push(s);
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
