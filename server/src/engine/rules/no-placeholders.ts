// no-placeholders: text a template left behind for the author to fill in —
// [Company Name], {{company}}, <COMPANY>, TODO / TBD / XXX / FIXME, lorem ipsum, and
// bracketed optional clauses ("… button [and widgets, such as …].").
import { blockSpan, memoMatches } from '../text.js';
import type { Fix, Rule, RuleContext, TextBlock } from '../types.js';
import { alt, bar, pattern, seq } from '../regex.js';

/** Words a fill-in prompt opens with: [insert date], [your domain], <enter company name>. */
const PROMPT_START = pattern(
  'i',
  /^/,
  alt(
    seq(
      alt(
        /insert|enter|add|fill(?:\s+in)?|specify|describe|list|choose|select|provide|replace|type|put/,
        /state|name\s+of|tbd|todo|xx+|optional|if applicable|as applicable|as appropriate/,
        /delete (?:if|as)|remove (?:if|as)|choose one|select one/,
      ),
      /\b/,
    ),
    /your/,
    /\.\.\./,
    /…/,
  ),
);
/** Nouns a short lower-case prompt asks for: [date], [company name], [your-domain]. */
const PROMPT_NOUN = pattern(
  'i',
  /\b/,
  alt(
    /name|date|company|business|organi[sz]ation|entity|address|e-?mail|phone|telephone|number/,
    /domain|url|website|web ?site|site|app|product|service|city|state|country|jurisdiction|officer/,
    /contact|year|month|day|amount|price|fee|period|days|months|policy|brand|team|department/,
  ),
  /s?\b/,
);
/** Bracketed text that is not a placeholder: footnotes, task boxes, numbering, editorial marks, obfuscated emails. */
const NOT_PLACEHOLDER = pattern(
  '',
  /^/,
  alt(
    /\^.*|\s*|[ xX]|\d+|[ivxlcdm]+|[IVXLCDM]+|[a-zA-Z]|\d+[a-z]?|sic/,
    /emphasis (?:added|mine|original)|citation needed|at|dot|@|\.|dot com|…|\.\.\./,
  ),
  /$/,
);
/** Words a Title Case phrase may have in lower case. */
const SMALL_WORD = /^(?:a|an|and|or|of|the|to|for|in|on|at|by|with|from|per|your|our|if|any|e\.g\.|i\.e\.)$/;

const BRACKET = /\[([^[\]\n]{1,200})\]/g;
const MUSTACHE = /\{\{(?:\s*[^{}\s][^{}\n]{0,79}?\s*|\n*[^\S\n]\s*)\}\}|\$?\{\s*[A-Za-z_][\w .-]{0,60}\}/g;
const NOTE_WORD = /\b(?:TODO|TBD|TBA|TBC|FIXME)\b|(?<![\p{L}\p{N}_])X{3,}(?:[-. )(]+X{2,})*(?![\p{L}\p{N}_])/gu;
const LOREM = /\blorem\s+ipsum(?:\s+dolor(?:\s+sit(?:\s+amet)?)?)?\b|\bdolor\s+sit\s+amet\b/i;
/** Angle brackets around capitals or a prompt: <COMPANY>, <INSERT NAME>, <your domain>. */
const ANGLE = /<\s*([^<>\s/=:"'@][^<>\n/=:"'@]{0,59}?)\s*>/g;

/**
 * The placeholder patterns of the editor's grammar (syntaxes/privacy-policy.tmLanguage.json,
 * written from these by scripts/gen-grammar.mjs in `npm run build`): one source for what the
 * editor colours and what this rule reports. Template variables, drafting notes and lorem
 * ipsum are this rule's own regexes; brackets and angle brackets, which the rule classifies
 * with code (classifyBracket, isAnglePlaceholder), are written as the closest Oniguruma
 * patterns, and test/grammar/placeholders.test.ts checks both agree on a table of cases.
 */
export const GRAMMAR_PLACEHOLDERS: readonly { what: string; pattern: RegExp | string }[] = [
  // biome-ignore lint/suspicious/noTemplateCurlyInString: names the placeholder syntax it finds
  { what: 'template variables: {{company}}, ${company}, {company_name}', pattern: MUSTACHE },
  {
    what: 'bracketed prompts that open with a prompt word or name what to fill in: [insert date], [your domain]',
    pattern: seq(
      '\\[(?![!^xX ]\\])[^\\[\\]\\n]*?\\b',
      '(?i:',
      bar(
        /insert|enter|add|fill|specify|describe|provide|replace|company|business|organi[sz]ation|name/,
        /date|address|e-?mail|phone|telephone|website|web\s+site|site|url|domain|city|state|country/,
        /jurisdiction|your|todo|tbd|officer|contact|number|product|app|brand|entity|year|month|day/,
      ),
      ')',
      '\\b[^\\[\\]\\n]*\\](?![(\\[:])',
    ),
  },
  { what: 'bracketed capitals: [COMPANY NAME]', pattern: "\\[[A-Z][A-Z0-9 _.,&'-]*[A-Z0-9]\\](?![(\\[:])" },
  {
    what: 'angle-bracketed capitals that are no HTML tag: <COMPANY>',
    pattern: seq(
      '<(?!',
      alt(
        /A|B|I|U|P|S|EM|BR|HR|DIV|SPAN|TABLE|TR|TD|TH|UL|OL|LI|DL|DT|DD|H[1-6]|IMG|STRONG|SUP|SUB/,
        /CENTER|FONT|CODE|PRE|SMALL|BIG|TT/,
      ),
      '>)',
      /[A-Z][A-Z0-9]*(?:[ _-][A-Z0-9]+)*>/,
    ),
  },
  { what: 'drafting notes: TODO, TBD, TBA, TBC, FIXME, XXX', pattern: NOTE_WORD },
  { what: 'lorem ipsum', pattern: LOREM },
];

/** Tag names HTML knows; <B> or <BR> in capitals are markup, not placeholders. */
const HTML_TAGS = new Set(
  (
    'a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption center cite code col colgroup ' +
    'data dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html ' +
    'i iframe img input ins kbd label legend li link main map mark meta meter nav noscript object ol optgroup option output p param ' +
    'picture pre progress q rp rt ruby s samp script section select small source span strike strong style sub summary sup table ' +
    'tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr'
  ).split(' '),
);

function words(s: string): string[] {
  return s.trim().split(/\s+/).filter(Boolean);
}

function isTitleCase(inner: string): boolean {
  const ws = words(inner);
  if (!ws.length || ws.length > 8 || !/^[\p{Lu}\d]/u.test(ws[0])) return false;
  return ws.every((w) => /^[\p{Lu}\d'’&(]/u.test(w) || SMALL_WORD.test(w.toLowerCase()));
}

function isAllCaps(inner: string): boolean {
  const letters = inner.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/** What a bracketed span is: a fill-in placeholder, an optional clause, or neither. */
export function classifyBracket(inner: string): 'placeholder' | 'optional-clause' | undefined {
  const t = inner.trim();
  if (NOT_PLACEHOLDER.test(t)) return undefined;
  if (PROMPT_START.test(t)) return 'placeholder';
  if (isAllCaps(t) || isTitleCase(t)) return 'placeholder';
  const ws = words(t);
  if (/^\p{Ll}/u.test(t) && ws.length >= 4) return 'optional-clause';
  if (/^[\p{Ll}-]+(?:[\s-][\p{Ll}]+){0,3}$/u.test(t) && PROMPT_NOUN.test(t.replace(/-/g, ' '))) return 'placeholder';
  return undefined;
}

function isAnglePlaceholder(inner: string): boolean {
  const first = inner.trim().split(/\s+/)[0].toLowerCase();
  if (HTML_TAGS.has(first) || first.startsWith('!') || first.startsWith('?')) return false;
  if (PROMPT_START.test(inner)) return true;
  return /\p{L}/u.test(inner) && (isAllCaps(inner) || (isTitleCase(inner) && words(inner).length >= 2));
}

/** Source ranges whose text is code, where template syntax is legitimate. */
function shorten(s: string, max = 60): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function check(ctx: RuleContext): void {
  const { doc } = ctx;
  const code = doc.code;
  const inCode = (offset: number) => code.some(([s, e]) => offset >= s && offset < e);
  // Offsets already inside a report (a set, not a list of spans: a draft can hold thousands of placeholders).
  const covered = new Set<number>();
  const report = (start: number, end: number, message: string, suggestions?: Fix[]) => {
    if (inCode(start)) return;
    for (let i = start; i < end; i++) if (covered.has(i)) return;
    for (let i = start; i < end; i++) covered.add(i);
    ctx.report({ message, start, end, suggestions });
  };

  const scanBlock = (block: TextBlock) => {
    const text = block.text;
    // Where the block's first and last letters are: is there prose before or after a bracket?
    const firstLetter = text.search(/\p{L}/u);
    let lastLetter = -1;
    for (let i = text.length - 1; i >= 0 && firstLetter >= 0; i--) {
      if (/\p{L}/u.test(text[i])) {
        lastLetter = i;
        break;
      }
    }
    for (const m of memoMatches(doc, BRACKET, text)) {
      const kind = classifyBracket(m[1]);
      if (!kind) continue;
      const span = blockSpan(block, m.index!, m.index! + m[0].length);
      // A bracket the source writes as a link or a reference is not literal text.
      if (/^[([:]/.test(doc.text.slice(span.end, span.end + 1))) continue;
      if (kind === 'placeholder') {
        report(
          span.start,
          span.end,
          `Template placeholder “${shorten(m[0])}” is still in the text: write the real wording.`,
        );
        continue;
      }
      const proseBefore = firstLetter >= 0 && firstLetter < m.index!;
      const proseAfter = lastLetter >= m.index! + m[0].length;
      if (!proseBefore && !proseAfter) continue; // a whole bracketed paragraph is an editor's note, not a clause
      const open = blockSpan(block, m.index!, m.index! + 1);
      const close = blockSpan(block, m.index! + m[0].length - 1, m.index! + m[0].length);
      const keep: Fix = {
        title: 'Keep the optional clause (remove the brackets)',
        edits: [
          { start: open.start, end: open.end, text: '' },
          { start: close.start, end: close.end, text: '' },
        ],
        safe: false,
      };
      report(
        span.start,
        span.end,
        `Bracketed optional clause “${shorten(m[0])}” was left from a template: keep it without brackets or delete it.`,
        [keep],
      );
    }
    for (const m of memoMatches(doc, MUSTACHE, text)) {
      const span = blockSpan(block, m.index!, m.index! + m[0].length);
      report(span.start, span.end, `Template variable “${shorten(m[0])}” was never filled in.`);
    }
    for (const m of memoMatches(doc, NOTE_WORD, text)) {
      const span = blockSpan(block, m.index!, m.index! + m[0].length);
      const what = /^X/.test(m[0]) ? `Placeholder “${m[0]}”` : `Drafting note “${m[0]}”`;
      report(span.start, span.end, `${what} is still in the text: replace it with the final wording.`);
    }
    const lorem = LOREM.exec(text);
    if (lorem) {
      const span = blockSpan(block, lorem.index, lorem.index + lorem[0].length);
      report(
        span.start,
        span.end,
        'Lorem ipsum filler text is still in the document: replace it with the policy text.',
      );
    }
  };
  for (const block of doc.blocks) scanBlock(block);

  // Angle-bracketed placeholders parse as HTML and vanish from the prose, so read the source.
  const comments = [...doc.text.matchAll(/<!--[\s\S]*?(?:-->|$)/g)].map((m) => [m.index!, m.index! + m[0].length]);
  for (const m of doc.text.matchAll(ANGLE)) {
    if (!isAnglePlaceholder(m[1])) continue;
    const start = m.index!;
    if (comments.some(([s, e]) => start >= s && start < e)) continue;
    report(
      start,
      start + m[0].length,
      `Template placeholder “${shorten(m[0])}” is still in the text (it also renders as an invisible HTML tag): write the real wording.`,
    );
  }
}

const rule: Rule = {
  meta: {
    id: 'no-placeholders',
    description:
      'Template leftovers: [Company Name], {{variables}}, <PLACEHOLDERS>, TODO/TBD/XXX, lorem ipsum, bracketed optional clauses.',
    severity: 'warn',
    fixable: false,
  },
  check,
};
export default rule;
