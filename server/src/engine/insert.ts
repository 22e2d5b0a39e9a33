// The fix for a missing checklist item: insert its section from a template, where readers
// expect it (the corpus' reading order), in the style and at the level the document
// uses, numbered in its sequence (the following sections and the references to them
// renumbered in the same edit), at a section boundary, and only when missing. Every front
// end inserts sections through here, whatever the item's rule severity.
import { titledSections } from './checklist.js';
import { ITEMS_IN_READING_ORDER, getItem } from './items/index.js';
import { LAW_ITEMS } from './laws/index.js';
import { planNumbering, titleParts, titleSource } from './numbering.js';
import { templateBody, templateFor, templateValues } from './templates/index.js';
import type { SectionTemplate } from './templates/index.js';
import type { ChecklistEntry, Fix, PolicyDocument, ResolvedConfig, Section, TextEdit } from './types.js';

interface Placement {
  offset: number;
  /** The section whose style the new one copies. */
  like?: Section;
  /** Where the new section goes relative to `like`. */
  where: 'after' | 'before' | 'end';
}

const LINE_BREAK = /\r\n|\r|\n/;
const ENDS_WITH_BREAK = /[\r\n]$/;

/** The section an item is filed under, when a section title names it. */
function titledSection(doc: PolicyDocument, itemId: string): Section | undefined {
  const item = getItem(itemId);
  if (!item) return undefined;
  return titledSections(doc, item).find((s) => s !== doc.title && !(doc.title && s.level <= doc.title.level));
}

function lineStartOf(doc: PolicyDocument, offset: number): number {
  return doc.lineStarts[doc.lineOf(offset) - 1];
}

function lineEndOf(doc: PolicyDocument, offset: number): number {
  const line = doc.lineOf(offset);
  const next = doc.lineStarts[line] ?? doc.text.length;
  const text = doc.text.slice(doc.lineStarts[line - 1], next);
  return doc.lineStarts[line - 1] + text.replace(/(?:\r\n|\r|\n)$/, '').length;
}

/** Moves an offset that falls after indentation back to the start of its line. */
function snapToLineStart(doc: PolicyDocument, offset: number): number {
  const start = lineStartOf(doc, offset);
  return /^[ \t>]*$/.test(doc.text.slice(start, offset)) ? start : offset;
}

const endOf = (doc: PolicyDocument) => (s: Section) => snapToLineStart(doc, s.range.end.offset);

/** Every item a section can be inserted for, in reading order (the date is a line, not a section). */
const READING_ORDER: readonly string[] = [...ITEMS_IN_READING_ORDER, ...LAW_ITEMS]
  .filter((i) => i.id !== 'effective-date' && i.insertable !== false)
  .sort((a, b) => a.order - b.order)
  .map((i) => i.id);

function place(doc: PolicyDocument, checklist: ChecklistEntry[], itemId: string): Placement {
  // Corpus and law items in reading order: a law item's `order` puts it right after the corpus
  // item it follows (placeAfter), and sections inserted before are neighbours like any other.
  const order = READING_ORDER;
  const at = order.indexOf(itemId);
  const present = (id: string) => checklist.find((c) => c.id === id)?.status !== 'missing';
  for (let i = at - 1; i >= 0; i--) {
    const s = present(order[i]) ? titledSection(doc, order[i]) : undefined;
    if (s) return { offset: endOf(doc)(s), like: s, where: 'after' };
  }
  for (let i = at + 1; i < order.length; i++) {
    const s = present(order[i]) ? titledSection(doc, order[i]) : undefined;
    if (s) return { offset: lineStartOf(doc, s.titleRange.start.offset), like: s, where: 'before' };
  }
  // No neighbour to go by: at the end, like the document's last top-level section.
  const sections = doc.sections.filter((s) => s !== doc.title);
  const like = sections
    .filter((s) => s.parent === sections[sections.length - 1]?.parent || s.parent === doc.title)
    .pop();
  return { offset: doc.text.length, like, where: 'end' };
}

/** Whether the line before `offset`'s line is blank (or there is none). */
function blankBefore(doc: PolicyDocument, offset: number): boolean {
  const line = doc.lineOf(offset);
  if (line <= 1) return true;
  return doc.text.slice(doc.lineStarts[line - 2], doc.lineStarts[line - 1]).trim() === '';
}

function isCaps(name: string): boolean {
  const letters = name.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/** The new title line in the style of `like`: its markup, numbering and capitals. */
function titleLine(doc: PolicyDocument, like: Section, title: string, number: string | undefined): string {
  const p = titleParts(doc, like);
  const name = isCaps(p.name) ? title.toUpperCase() : title;
  if (number === undefined) return `${p.lead}${p.nameLead}${name}${p.trail.trimEnd()}`;
  const sep = p.number !== undefined ? p.sep : '. ';
  return `${p.lead}${number}${sep}${p.nameLead}${name}${p.trail.trimEnd()}`;
}

/** Renders a section in the style of `like` (or as a Markdown heading). */
function render(
  doc: PolicyDocument,
  like: Section | undefined,
  title: string,
  body: string,
  number: string | undefined,
): { text: string; tight: boolean } {
  const eol = doc.eol;
  const numbered = number !== undefined ? `${number}. ${title}` : title;
  const defaultLevel = doc.title ? doc.title.level + 1 : 2;
  if (!like) return { text: `${'#'.repeat(defaultLevel)} ${numbered}${eol}${eol}${body}${eol}`, tight: false };
  // A setext heading (title over a line of = or -) becomes an ATX heading of its level.
  if (like.kind === 'heading' && LINE_BREAK.test(titleSource(doc, like).text)) {
    return { text: `${'#'.repeat(Math.min(6, like.level))} ${numbered}${eol}${eol}${body}${eol}`, tight: false };
  }
  const line = titleLine(doc, like, title, number);
  switch (like.kind) {
    case 'bold-lead':
      return { text: `${line} ${body}${eol}`, tight: false };
    case 'bold-list-item': {
      // A tight list has no blank line before its second and later items.
      const items = (like.parent ? like.parent.children : doc.sections).filter(
        (x) => x.kind === 'bold-list-item' && x.level === like.level,
      );
      const later = items.find((x, i) => i > 0 && x.index >= like.index) ?? items[1];
      const tight = later ? !blankBefore(doc, later.titleRange.start.offset) : true;
      const afterTitle = doc.text.slice(like.titleRange.end.offset, lineEndOf(doc, like.titleRange.end.offset));
      if (afterTitle.trim()) return { text: `${line} ${body}${eol}`, tight };
      const marker = /^([ \t]*(?:>[ \t]*)*)((?:[-*+]|\d{1,9}[.)])[ \t]+)/.exec(line);
      const cont = marker ? ' '.repeat(marker[1].length + marker[2].length) : '  ';
      return { text: `${line}  ${eol}${cont}${body}${eol}`, tight };
    }
    default:
      return { text: `${line}${eol}${eol}${body}${eol}`, tight: false };
  }
}

/** Adds the blank lines a block needs around it at `offset`. */
function surround(doc: PolicyDocument, offset: number, block: string, tight: boolean): string {
  const eol = doc.eol;
  const before = doc.text.slice(Math.max(0, offset - 4096), offset);
  const after = doc.text.slice(offset, offset + 4096);
  let prefix = '';
  if (before.length && !ENDS_WITH_BREAK.test(before)) prefix = eol + (tight ? '' : eol);
  else if (!tight && before.length && !/(?:\r\n|\r|\n)[ \t>]*(?:\r\n|\r|\n)$/.test(before) && offset > 0) prefix = eol;
  const suffix = !tight && after.trim().length && !/^[ \t]*(?:\r\n|\r|\n)/.test(after) ? eol : '';
  return prefix + block + suffix;
}

/**
 * The edit that inserts a block. At the end of a text with no final newline, the edit
 * rewrites the last line with its newline, so that two insertions there overlap (one per
 * pass) instead of each adding its own line break.
 */
function insertion(doc: PolicyDocument, offset: number, block: string, tight: boolean): TextEdit {
  const text = surround(doc, offset, block, tight);
  if (offset === doc.text.length && doc.text.length && !ENDS_WITH_BREAK.test(doc.text)) {
    const lineStart = lineStartOf(doc, offset);
    return { start: lineStart, end: offset, text: doc.text.slice(lineStart) + text };
  }
  return { start: offset, end: offset, text };
}

/** The fix that inserts the "Last updated" line under the title. */
function dateLineFix(doc: PolicyDocument, body: string): Fix {
  let offset = 0;
  if (doc.title) {
    // The title line ends at CR LF, LF or a lone CR, as remark reads lines.
    const end = doc.title.titleRange.end.offset;
    const nl = LINE_BREAK.exec(doc.text.slice(end, end + 4096));
    offset = nl ? end + nl.index + nl[0].length : doc.text.length;
  }
  const edit = insertion(doc, Math.min(offset, doc.text.length), `${body}${doc.eol}`, false);
  return { title: 'Insert a "Last updated" date line', edits: [edit], safe: true, kind: 'section' };
}

function sectionFix(
  doc: PolicyDocument,
  checklist: ChecklistEntry[],
  itemId: string,
  t: SectionTemplate,
  body: string,
  label?: string,
): Fix | undefined {
  const p = place(doc, checklist, itemId);
  const plan = planNumbering(doc, p.like, p.offset, endOf(doc));
  // Text inserted after an unclosed ``` or <!-- would be swallowed by it, and inserted again on every run.
  if (doc.openTail !== undefined && plan.offset > doc.openTail) return undefined;
  const { text, tight } = render(doc, plan.like, t.title, body, plan.number);
  let title = `Insert the "${t.title}" section`;
  if (plan.number !== undefined) title += ` as ${plan.number}`;
  if (label) title += `: ${label}`;
  if (plan.atEnd) title += ' (at the end: the numbering is not a plain sequence)';
  return { title, edits: [insertion(doc, plan.offset, text, tight), ...plan.edits], safe: !label, kind: 'section' };
}

/** A section whose title does not name its item would be inserted again on every run: it is not offered. */
function namesItem(itemId: string, t: SectionTemplate): boolean {
  const item = getItem(itemId);
  return t.line === true || item?.headings.some((re) => re.test(t.title)) === true;
}

function missing(checklist: ChecklistEntry[], itemId: string): boolean {
  return checklist.find((c) => c.id === itemId)?.status === 'missing';
}

/**
 * The fix that inserts the section for a missing item (its prompt version, or one answer
 * when `choice` names one); undefined when the item is not missing.
 */
export function insertSectionFix(
  doc: PolicyDocument,
  checklist: ChecklistEntry[],
  itemId: string,
  config: ResolvedConfig,
  choice?: string,
): Fix | undefined {
  const t = templateFor(itemId);
  if (!t || !missing(checklist, itemId) || !namesItem(itemId, t)) return undefined;
  const values = templateValues(doc, config);
  if (t.line) return dateLineFix(doc, templateBody(t, values));
  const c = choice ? t.choices?.find((x) => x.id === choice) : undefined;
  if (choice && !c) return undefined;
  return sectionFix(doc, checklist, itemId, t, templateBody(t, values, choice), c?.label);
}

/** One fix per common answer of a missing item's section (cookies used / not used …). */
export function sectionChoiceFixes(
  doc: PolicyDocument,
  checklist: ChecklistEntry[],
  itemId: string,
  config: ResolvedConfig,
): Fix[] {
  const t = templateFor(itemId);
  if (!t?.choices || !missing(checklist, itemId)) return [];
  return t.choices
    .map((c) => insertSectionFix(doc, checklist, itemId, config, c.id))
    .filter((f): f is Fix => f !== undefined);
}

/**
 * A missing item's section as written at `offset` (a line the author is typing): titled,
 * numbered and styled like the sections around it. `edits` renumber the sections after it.
 */
export function sectionAt(
  doc: PolicyDocument,
  itemId: string,
  config: ResolvedConfig,
  offset: number,
): { text: string; edits: TextEdit[] } | undefined {
  const t = templateFor(itemId);
  if (!t) return undefined;
  const body = templateBody(t, templateValues(doc, config));
  if (t.line) return { text: `${body}${doc.eol}`, edits: [] };
  const line = { start: lineStartOf(doc, offset), end: lineEndOf(doc, offset) };
  const sections = doc.sections.filter(
    (s) => s !== doc.title && (s.titleRange.start.offset < line.start || s.titleRange.start.offset > line.end),
  );
  const top = Math.min(...sections.map((s) => s.level));
  const level = sections.filter((s) => s.level === top);
  const like = level.filter((s) => s.range.start.offset < offset).pop() ?? level[0];
  const plan = planNumbering(doc, like, offset, endOf(doc), line);
  const useLike = plan.atEnd ? like : plan.like;
  const { text } = render(doc, useLike, t.title, body, plan.atEnd ? undefined : plan.number);
  return { text, edits: plan.atEnd ? [] : plan.edits.filter((e) => e.end <= line.start || e.start > line.end) };
}
