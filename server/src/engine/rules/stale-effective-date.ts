// stale-effective-date: the text changed since the committed version (or a base the user
// names), in more than whitespace, while the effective / last-updated date stayed the same.
// The front end reads the earlier version (git, in a trusted workspace) and passes it in as
// LintOptions.baseline; without one the rule says nothing. The fix sets today's date in the
// format the document already uses.
import { MONTHS } from '../patterns.js';
import { EFFECTIVE_CONTEXT } from '../facts.js';
import type { DateFact, Fix, Rule, RuleContext } from '../types.js';

const MONTH_NAMES = MONTHS.map((m) => m[0].toUpperCase() + m.slice(1));

/** Texts equal but for whitespace (re-wrapping, trailing spaces, line endings). */
export function sameButWhitespace(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .replace(/^\uFEFF/, '')
      .replace(/\s+/g, ' ')
      .trim();
  return norm(a) === norm(b);
}

const pad = (n: number) => String(n).padStart(2, '0');
const ordinal = (d: number) =>
  d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th';

/**
 * `date` written the way `like` is written: "March 5, 2024" → "December 7, 2026",
 * "5 Mar 2024" → "7 Dec 2026", "2024-03-05" → "2026-12-07", "03/05/2024" → "12/07/2026".
 * Undefined when the format is not one of these.
 */
export function formatLike(like: string, date: Date): string | undefined {
  const y = date.getFullYear();
  const m = date.getMonth();
  const d = date.getDate();
  const monthName = (sample: string) => {
    const full = MONTH_NAMES[m];
    const bare = sample.replace(/\.$/, '');
    const abbreviated = bare.length <= 4 && !/^(?:june|july|may)$/i.test(bare);
    const name = abbreviated ? full.slice(0, 3) + (sample.endsWith('.') ? '.' : '') : full;
    return bare.length > 1 && bare === bare.toUpperCase() ? name.toUpperCase() : name;
  };
  let r: RegExpExecArray | null;
  if ((r = /^([A-Za-z]+\.?)(\s+)(\d{1,2})(st|nd|rd|th)?(,?\s+)(\d{4})$/.exec(like))) {
    return `${monthName(r[1])}${r[2]}${d}${r[4] ? ordinal(d) : ''}${r[5]}${y}`;
  }
  if ((r = /^(\d{1,2})(st|nd|rd|th)?(\s+(?:of\s+)?)([A-Za-z]+\.?)(,?\s+)(\d{4})$/.exec(like))) {
    return `${d}${r[2] ? ordinal(d) : ''}${r[3]}${monthName(r[4])}${r[5]}${y}`;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(like)) return `${y}-${pad(m + 1)}-${pad(d)}`;
  if ((r = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(like))) {
    // Day first when the old date says so (its first number cannot be a month).
    const dayFirst = Number(r[1]) > 12;
    const [a, b] = dayFirst ? [d, m + 1] : [m + 1, d];
    return r[1].length === 2 || r[2].length === 2 ? `${pad(a)}/${pad(b)}/${y}` : `${a}/${b}/${y}`;
  }
  if ((r = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(like)))
    return r[1].length === 2 ? `${pad(d)}.${pad(m + 1)}.${y}` : `${d}.${m + 1}.${y}`;
  if ((r = /^([A-Za-z]+\.?)(,?\s+)(\d{4})$/.exec(like))) return `${monthName(r[1])}${r[2]}${y}`;
  if (/^\d{4}$/.test(like)) return String(y);
  return undefined;
}

/** The line of `text` around an offset. */
function lineAt(text: string, offset: number): string {
  const start = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const rest = text.slice(offset).search(/[\r\n]/);
  return text.slice(start, rest < 0 ? text.length : offset + rest);
}

/** Whether the baseline states `date` on a line with an effective / updated label. */
function baselineHasDate(baseline: string, date: DateFact): boolean {
  for (let i = baseline.indexOf(date.text); i >= 0; i = baseline.indexOf(date.text, i + 1)) {
    if (EFFECTIVE_CONTEXT.test(lineAt(baseline, i))) return true;
  }
  return false;
}

function check(ctx: RuleContext): void {
  const base = ctx.baseline;
  if (!base || sameButWhitespace(base.text, ctx.doc.text)) return;
  const date = ctx.doc.facts.dates.find((d) => d.effective);
  if (!date || !baselineHasDate(base.text, date)) return;
  const today = formatLike(date.text, ctx.now);
  const start = date.range.start.offset;
  const end = date.range.end.offset;
  const exact = ctx.doc.text.slice(start, end) === date.text;
  const fix: Fix | undefined =
    today && today !== date.text && exact
      ? { title: `Set the date to today: ${today}`, edits: [{ start, end, text: today }], safe: true }
      : undefined;
  ctx.report({
    start,
    end,
    message: `The text has changed since ${base.ref} but its date (${date.text}) has not: a revised policy should say when it changed.`,
    fix,
  });
}

const rule: Rule = {
  meta: {
    id: 'stale-effective-date',
    description:
      'The text changed since the committed version (or --since REF) but the effective / last-updated date did not.',
    severity: 'warn',
    fixable: true,
  },
  check,
};
export default rule;
