// The fix for a missing checklist item: insert its section from a template, where readers
// expect it (the corpus' reading order), in the style and at the level the document
// uses, at a section boundary (never inside another section), and only when missing.
import { titledSections } from './checklist.js';
import { ITEMS_IN_READING_ORDER, getItem } from './items/index.js';
import type { ChecklistEntry, Fix, PolicyDocument, ResolvedConfig, Section, TextEdit } from './types.js';

interface Placement {
  offset: number;
  /** The section whose style the new one copies. */
  like?: Section;
  /** Where the new section goes relative to `like`. */
  where: 'after' | 'before' | 'end';
}

/** The section an item is filed under, when a section title names it. */
function titledSection(doc: PolicyDocument, itemId: string): Section | undefined {
  const item = getItem(itemId);
  if (!item) return undefined;
  return titledSections(doc, item).find((s) => s !== doc.title && !(doc.title && s.level <= doc.title.level));
}

function lineStartOf(doc: PolicyDocument, offset: number): number {
  return doc.lineStarts[doc.lineOf(offset) - 1];
}

/** Moves an offset that falls after indentation back to the start of its line. */
function snapToLineStart(doc: PolicyDocument, offset: number): number {
  const start = lineStartOf(doc, offset);
  return /^[ \t>]*$/.test(doc.text.slice(start, offset)) ? start : offset;
}

function place(doc: PolicyDocument, checklist: ChecklistEntry[], itemId: string): Placement {
  const order = ITEMS_IN_READING_ORDER.map((i) => i.id).filter((id) => id !== 'effective-date');
  // A law item goes where the corpus item it follows would be followed (placeAfter).
  const anchor = getItem(itemId)?.placeAfter;
  const at = anchor ? order.indexOf(anchor as (typeof order)[number]) + 1 : order.indexOf(itemId as (typeof order)[number]);
  const present = (id: string) => checklist.find((c) => c.id === id)?.status !== 'missing';
  for (let i = at - 1; i >= 0; i--) {
    const s = present(order[i]) ? titledSection(doc, order[i]) : undefined;
    if (s) return { offset: snapToLineStart(doc, s.range.end.offset), like: s, where: 'after' };
  }
  for (let i = anchor ? at : at + 1; i < order.length; i++) {
    const s = present(order[i]) ? titledSection(doc, order[i]) : undefined;
    if (s) return { offset: lineStartOf(doc, s.titleRange.start.offset), like: s, where: 'before' };
  }
  // No neighbour to go by: at the end, like the document's last top-level section.
  const sections = doc.sections.filter((s) => s !== doc.title);
  const like = sections.filter((s) => s.parent === sections[sections.length - 1]?.parent || s.parent === doc.title).pop();
  return { offset: doc.text.length, like, where: 'end' };
}

function listMarker(doc: PolicyDocument, s: Section): { indent: string; marker: string; pad: string } {
  const start = lineStartOf(doc, s.range.start.offset);
  const line = doc.text.slice(start, doc.text.indexOf('\n', start) < 0 ? doc.text.length : doc.text.indexOf('\n', start));
  const m = /^(\s*)([*+-]|\d+[.)])(\s+)/.exec(line);
  return m ? { indent: m[1], marker: /\d/.test(m[2]) ? m[2] : m[2], pad: m[3] } : { indent: '', marker: '-', pad: ' ' };
}

/** Renders a section in the style of `like` (or as a Markdown heading). */
function render(doc: PolicyDocument, like: Section | undefined, title: string, body: string): { text: string; tight: boolean } {
  const eol = doc.eol;
  const defaultLevel = doc.title ? doc.title.level + 1 : 2;
  if (!like) return { text: `${'#'.repeat(defaultLevel)} ${title}${eol}${eol}${body}${eol}`, tight: false };
  switch (like.kind) {
    case 'bold-lead':
      return { text: `**${title}.** ${body}${eol}`, tight: false };
    case 'bold-line':
      return { text: `**${title}**${eol}${eol}${body}${eol}`, tight: false };
    case 'caps-line':
      return { text: `${title.toUpperCase()}${eol}${eol}${body}${eol}`, tight: false };
    case 'bold-list-item': {
      const { indent, marker, pad } = listMarker(doc, like);
      const cont = indent + ' '.repeat(marker.length + pad.length);
      const numbered = /^\d/.test(marker) ? `${Number(marker.replace(/\D/g, '')) + 1}${marker.replace(/\d+/, '')}` : marker;
      return { text: `${indent}${numbered}${pad}**${title}**  ${eol}${cont}${body}${eol}`, tight: true };
    }
    case 'heading': {
      const source = doc.text.slice(like.titleRange.start.offset, like.titleRange.end.offset);
      const bold = /^#+\s*\*\*/.test(source);
      const t = bold ? `**${title}**` : title;
      return { text: `${'#'.repeat(Math.min(6, like.level))} ${t}${eol}${eol}${body}${eol}`, tight: false };
    }
    default:
      return { text: `${'#'.repeat(Math.min(6, like.level))} ${title}${eol}${eol}${body}${eol}`, tight: false };
  }
}

/** Adds the blank lines a block needs around it at `offset`. */
function surround(doc: PolicyDocument, offset: number, block: string, tight: boolean): string {
  const eol = doc.eol;
  const before = doc.text.slice(0, offset);
  const after = doc.text.slice(offset);
  let prefix = '';
  if (before.length && !before.endsWith('\n')) prefix = eol + (tight ? '' : eol);
  else if (!tight && before.length && !/\n[ \t>]*\r?\n$/.test(before)) prefix = eol;
  const suffix = !tight && after.trim().length && !/^[ \t]*\r?\n/.test(after) ? eol : '';
  return prefix + block + suffix;
}

/**
 * The edit that inserts a block. At the end of a text with no final newline, the edit
 * rewrites the last line with its newline, so that two insertions there overlap (one per
 * pass) instead of each adding its own line break.
 */
function insertion(doc: PolicyDocument, offset: number, block: string, tight: boolean): TextEdit {
  const text = surround(doc, offset, block, tight);
  if (offset === doc.text.length && doc.text.length && !doc.text.endsWith('\n')) {
    const lineStart = lineStartOf(doc, offset);
    return { start: lineStart, end: offset, text: doc.text.slice(lineStart) + text };
  }
  return { start: offset, end: offset, text };
}

/** A fenced code block, comment or raw HTML block that the text leaves open to its end (from the model). */
function openAtEnd(doc: PolicyDocument): { start: number } | undefined {
  return doc.openTail === undefined ? undefined : { start: doc.openTail };
}

/** The fix that inserts the section for a missing item; undefined when it is not missing. */
export function insertSectionFix(doc: PolicyDocument, checklist: ChecklistEntry[], itemId: string, config: ResolvedConfig): Fix | undefined {
  const item = getItem(itemId);
  const entry = checklist.find((c) => c.id === itemId);
  if (!item || !entry || entry.status !== 'missing') return undefined;
  const { title, body } = item.template(config);

  if (itemId === 'effective-date') {
    // A date line under the title, where readers look for it.
    let offset = 0;
    if (doc.title) {
      // The title line ends at CR LF, LF or a lone CR, as remark reads lines.
      const end = doc.title.titleRange.end.offset;
      const nl = /\r\n|\r|\n/.exec(doc.text.slice(end, end + 4096));
      offset = nl ? end + nl.index + nl[0].length : doc.text.length;
    }
    return { title: 'Insert a "Last updated" date line', edits: [insertion(doc, Math.min(offset, doc.text.length), `${body}${doc.eol}`, false)], safe: true };
  }

  const p = place(doc, checklist, itemId);
  // Text inserted after an unclosed ``` or <!-- would be swallowed by it, and inserted again on every run.
  const open = openAtEnd(doc);
  if (open && p.offset > open.start) return undefined;
  const { text, tight } = render(doc, p.like, title, body);
  return { title: `Insert the "${title}" section`, edits: [insertion(doc, p.offset, text, tight)], safe: true };
}
