// Inline configuration comments:
//   <!-- policylint-disable RULE[, RULE] -- reason -->   until a matching enable (or the end)
//   <!-- policylint-enable RULE -->
//   <!-- policylint-disable-next-line RULE -->            the next line that is not blank
//   <!-- policylint-disable-line RULE -->                 the comment's own line
//   <!-- policylint-disable-file RULE -- reason -->       the whole file
// No RULE means every rule.
import type { Directive, LintMessage, PolicyDocument, Range } from './types.js';

const DIRECTIVE_RE = /<!--\s*policylint-(disable-next-line|disable-line|disable-file|disable|enable)\b([\s\S]*?)-->/g;

/** Finds the directives in an HTML comment's source text; `base` is its offset in the document. */
export function parseDirectives(html: string, base: number, rangeOf: (s: number, e: number) => Range): Directive[] {
  const out: Directive[] = [];
  for (const m of html.matchAll(DIRECTIVE_RE)) {
    const [body, ...reasonParts] = m[2].split(/\s--\s|\s--$/);
    const reason = reasonParts.join(' -- ').trim() || undefined;
    // The rule list starts where the kind ends: before m[2], which "-->" follows.
    const bodyAt = m[0].length - 3 - m[2].length;
    const ids = [...body.matchAll(/[^\s,]+/g)];
    const rules = ids.map((r) => r[0]);
    const ruleAt = ids.map((r) => bodyAt + r.index!);
    const start = base + m.index!;
    out.push({ kind: m[1] as Directive['kind'], rules, ruleAt, reason, range: rangeOf(start, start + m[0].length) });
  }
  return out;
}

/** True when the directive is about `ruleId`: it names it, or it names no rule at all. */
export function directiveCovers(d: Directive, ruleId: string): boolean {
  return d.rules.length === 0 || d.rules.includes(ruleId);
}

/** True when the 1-based line holds nothing but whitespace (a line past the end counts as blank). */
export function isBlankLine(doc: PolicyDocument, line: number): boolean {
  const start = doc.lineStarts[line - 1];
  if (start === undefined) return true;
  return !doc.text.slice(start, doc.lineStarts[line] ?? doc.text.length).trim();
}

/** The first line after `line` that is not blank (one past the last line when there is none). */
export function nextContentLine(doc: PolicyDocument, line: number): number {
  let l = line + 1;
  while (l <= doc.lineStarts.length && isBlankLine(doc, l)) l++;
  return l;
}

/** Drops the messages that a directive turns off. */
export function filterByDirectives(messages: LintMessage[], doc: PolicyDocument): LintMessage[] {
  if (!doc.directives.length) return messages;
  return messages.filter((m) => {
    const line = m.range.start.line;
    let disabled = false;
    for (const d of doc.directives) {
      if (!directiveCovers(d, m.ruleId)) continue;
      switch (d.kind) {
        case 'disable-file':
          disabled = true;
          break;
        case 'disable-line':
          if (line === d.range.start.line) disabled = true;
          break;
        case 'disable-next-line':
          if (line === nextContentLine(doc, d.range.end.line)) disabled = true;
          break;
        case 'disable':
          if (d.range.start.offset <= m.range.start.offset) disabled = true;
          break;
        case 'enable':
          if (d.range.start.offset <= m.range.start.offset) disabled = disabledByFileOnly(doc, m.ruleId);
          break;
      }
    }
    return !disabled;
  });
}

function disabledByFileOnly(doc: PolicyDocument, ruleId: string): boolean {
  return doc.directives.some((d) => d.kind === 'disable-file' && directiveCovers(d, ruleId));
}
