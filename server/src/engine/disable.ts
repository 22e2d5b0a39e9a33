// "Disable RULE for this line / this file" as a fix: one text edit that writes an inline
// directive (see directives.ts) where it cannot break the Markdown, merged with a
// directive of the same kind that is already there. Pure: document in, edit out.
import type { Nodes, RootContent } from 'mdast';
import { directiveCovers, nextContentLine } from './directives.js';
import type { Directive, PolicyDocument, TextEdit } from './types.js';

type Block = RootContent;

const NO_EDIT: TextEdit = { start: 0, end: 0, text: '' };

/**
 * The edit that disables `ruleId` for the 1-based `line` (scope 'line') or for the whole
 * file (scope 'file'). Returns an empty edit (start === end, text '') when the rule is
 * already disabled there by a directive that names every rule.
 */
export function disableCommentEdit(
  doc: PolicyDocument,
  ruleId: string,
  scope: 'line' | 'file',
  line: number,
  reason?: string,
): TextEdit {
  const why = cleanReason(reason);
  return scope === 'file' ? fileEdit(doc, ruleId, why) : lineEdit(doc, ruleId, clampLine(doc, line), why);
}

/** A reason must not end the comment early nor read as a second separator. */
function cleanReason(reason: string | undefined): string | undefined {
  const r = reason?.replace(/\s+/g, ' ').replace(/--+>?/g, '-').trim();
  return r || undefined;
}

function clampLine(doc: PolicyDocument, line: number): number {
  return Math.max(1, Math.min(Math.floor(line) || 1, doc.lineStarts.length));
}

function comment(kind: Directive['kind'], ruleId: string, reason?: string): string {
  return `<!-- policylint-${kind} ${ruleId}${reason ? ` -- ${reason}` : ''} -->`;
}

// ---------------------------------------------------------------- file scope

function fileEdit(doc: PolicyDocument, ruleId: string, reason?: string): TextEdit {
  const existing = doc.directives.filter((d) => d.kind === 'disable-file');
  if (existing.some((d) => directiveCovers(d, ruleId))) return NO_EDIT;
  if (existing.length) return mergeInto(doc, existing[0], ruleId, reason);
  const { at, lead } = topOfFile(doc.text, doc.eol);
  return { start: at, end: at, text: lead + comment('disable-file', ruleId, reason) + doc.eol };
}

/** A line break: CR LF, LF or a lone CR, as the document's lines end. */
const EOL = String.raw`(?:\r\n|\n|\r)`;
const FRONT_MATTER = new RegExp(String.raw`^---[ \t]*${EOL}[\s\S]*?${EOL}(?:---|\.\.\.)[ \t]*(?:${EOL}|$)`);

/**
 * Where a file-level comment goes: after a byte-order mark and YAML front matter, if any.
 * Front matter whose closing line ends the text without a line break gets one first
 * (`lead`), so the comment starts a line of its own.
 */
function topOfFile(text: string, eol: string): { at: number; lead: string } {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const fm = FRONT_MATTER.exec(text.slice(bom));
  if (!fm) return { at: bom, lead: '' };
  const at = bom + fm[0].length;
  return { at, lead: /[\r\n]$/.test(fm[0]) ? '' : eol };
}

// ---------------------------------------------------------------- line scope

function lineEdit(doc: PolicyDocument, ruleId: string, line: number, reason?: string): TextEdit {
  const path = blockPath(doc.mdast.children, line);
  const leaf = path[path.length - 1];
  if (!leaf || leaf.type === 'list' || leaf.type === 'listItem') return blankLineEdit(doc, ruleId, line, leaf, reason);

  // Climb while the node is the first child of a list item or list: they start on the
  // same line, and a comment must go before the list marker, not after it.
  let i = path.length - 1;
  while (i > 0) {
    const up = path[i - 1];
    if ((up.type === 'listItem' || up.type === 'list') && up.children[0] === path[i]) i--;
    else break;
  }
  const target = path[i];
  const parent = path[i - 1];
  const targetLine = startLine(target);

  // Where the comment goes, and with what indentation.
  let at: number;
  let indent: string;
  if (parent?.type === 'list') {
    // A later list item: the comment goes at the end of the previous item, indented to its
    // content, so the list stays one list.
    const prev = parent.children[parent.children.indexOf(target as (typeof parent.children)[number]) - 1];
    at = lineStartAfter(doc, endLine(prev));
    indent = contentIndent(doc, prev);
  } else {
    at = doc.lineStarts[targetLine - 1];
    indent = indentOf(doc, target);
  }

  if (line === targetLine) {
    const existing = adjacentDirective(doc, 'disable-next-line', targetLine);
    if (existing) return directiveCovers(existing, ruleId) ? NO_EDIT : mergeInto(doc, existing, ruleId, reason);
    return { start: at, end: at, text: indent + comment('disable-next-line', ruleId, reason) + doc.eol };
  }

  // A line inside a block: a disable … enable pair around it. The enable goes on its own
  // line after the block's last line, indented like the block.
  const leafEnd = endLine(leaf);
  const disable = adjacentDirective(doc, 'disable', targetLine);
  const enable =
    disable &&
    doc.directives.find((d) => d.kind === 'enable' && d.range.start.line === leafEnd + 1 && sameRules(d, disable));
  if (disable && enable) {
    if (directiveCovers(disable, ruleId)) return NO_EDIT;
    const middle = doc.text.slice(disable.range.end.offset, enable.range.start.offset);
    return {
      start: disable.range.start.offset,
      end: enable.range.end.offset,
      text: withRule(doc, disable, ruleId, reason) + middle + withRule(doc, enable, ruleId),
    };
  }
  const after = lineStartAfter(doc, leafEnd);
  const body = doc.text.slice(at, after);
  const eolBeforeEnable = /[\r\n]$/.test(body) ? '' : doc.eol;
  const enableLine = indentOf(doc, leaf) + comment('enable', ruleId);
  return {
    start: at,
    end: after,
    text:
      indent +
      comment('disable', ruleId, reason) +
      doc.eol +
      body +
      eolBeforeEnable +
      enableLine +
      (eolBeforeEnable ? '' : doc.eol),
  };
}

/**
 * A blank line (or one past the end): the line itself becomes a disable-line comment,
 * indented to the enclosing list item's content so a list is not split.
 */
function blankLineEdit(
  doc: PolicyDocument,
  ruleId: string,
  line: number,
  holder: Nodes | undefined,
  reason?: string,
): TextEdit {
  const existing = doc.directives.find((d) => d.kind === 'disable-line' && d.range.start.line === line);
  if (existing) return directiveCovers(existing, ruleId) ? NO_EDIT : mergeInto(doc, existing, ruleId, reason);
  const start = doc.lineStarts[line - 1];
  const lineText = doc.text.slice(start, doc.lineStarts[line] ?? doc.text.length).replace(/(?:\r\n|\n|\r)$/, '');
  let item = holder?.type === 'listItem' ? holder : undefined;
  if (holder?.type === 'list') item = [...holder.children].reverse().find((c) => endLine(c) < line);
  const indent = item ? contentIndent(doc, item) : '';
  return { start, end: start + lineText.length, text: indent + comment('disable-line', ruleId, reason) };
}

/** A directive of `kind` whose next non-blank line is `line` (so it already governs it). */
function adjacentDirective(doc: PolicyDocument, kind: Directive['kind'], line: number): Directive | undefined {
  return doc.directives.find(
    (d) => d.kind === kind && nextContentLine(doc, d.range.end.line) === line && onItsOwnLine(doc, d),
  );
}

function onItsOwnLine(doc: PolicyDocument, d: Directive): boolean {
  const lineStart = doc.lineStarts[d.range.start.line - 1];
  const lineEnd = doc.lineStarts[d.range.end.line] ?? doc.text.length;
  return !doc.text.slice(lineStart, d.range.start.offset).trim() && !doc.text.slice(d.range.end.offset, lineEnd).trim();
}

function sameRules(a: Directive, b: Directive): boolean {
  return [...a.rules].sort().join(',') === [...b.rules].sort().join(',');
}

// ---------------------------------------------------------------- merging into a directive

/** The edit that adds `ruleId` (and a reason) to an existing directive comment. */
function mergeInto(doc: PolicyDocument, d: Directive, ruleId: string, reason?: string): TextEdit {
  return { start: d.range.start.offset, end: d.range.end.offset, text: withRule(doc, d, ruleId, reason) };
}

/**
 * The directive's comment with `ruleId` appended to its rule list; a new reason is added
 * after an existing one. Everything else in the comment is kept as written.
 */
function withRule(doc: PolicyDocument, d: Directive, ruleId: string, reason?: string): string {
  const src = doc.text.slice(d.range.start.offset, d.range.end.offset);
  const head = /^<!--\s*policylint-[a-z-]+/.exec(src)?.[0] ?? '';
  const inner = src.slice(head.length, src.length - 3); // up to "-->"
  const sep = /\s--\s|\s--$/.exec(inner);
  const bodyEnd = (sep ? inner.slice(0, sep.index) : inner).trimEnd().length;
  let rest = inner.slice(bodyEnd);
  if (reason) rest = sep ? `${rest.trimEnd()}; ${reason} ` : ` -- ${reason} `;
  return `${head}${inner.slice(0, bodyEnd)}, ${ruleId}${rest || ' '}-->`;
}

// ---------------------------------------------------------------- mdast helpers

/** The chain of blocks from the top level down to the innermost block holding `line`. */
function blockPath(nodes: readonly Block[], line: number): Nodes[] {
  for (const node of nodes) {
    if (!node.position || node.position.start.line > line || node.position.end.line < line) continue;
    if (node.type === 'list' || node.type === 'listItem') {
      const inner = blockPath(node.children as Block[], line);
      // A line between a list item's children (a blank line) is held by the item itself.
      return [node, ...inner];
    }
    return [node];
  }
  return [];
}

function startLine(node: Nodes): number {
  return node.position!.start.line;
}
function endLine(node: Nodes): number {
  return node.position!.end.line;
}

/** The whitespace before a node on its first line (tabs kept, anything else as spaces). */
function indentOf(doc: PolicyDocument, node: Nodes): string {
  const { line, column } = node.position!.start;
  return whitespaceLike(doc.text.slice(doc.lineStarts[line - 1], doc.lineStarts[line - 1] + column - 1));
}

/** The indentation of a list item's content (its first child's column, or two past the marker). */
function contentIndent(doc: PolicyDocument, item: Nodes): string {
  const first = item.type === 'listItem' ? item.children[0] : undefined;
  if (first?.position) return indentOf(doc, first);
  return indentOf(doc, item) + '  ';
}

function whitespaceLike(prefix: string): string {
  return prefix.replace(/[^\t]/g, ' ');
}

/** The offset of the start of the line after `line`, or the end of the text. */
function lineStartAfter(doc: PolicyDocument, line: number): number {
  return doc.lineStarts[line] ?? doc.text.length;
}
