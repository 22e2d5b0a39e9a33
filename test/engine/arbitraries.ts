// fast-check arbitraries for hostile Markdown: the corpus seeds with lines deleted,
// duplicated and shuffled; random Unicode; unclosed constructs; deep nesting; very long
// lines; every kind of line ending; BOM and NUL bytes.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './regexes.js';

const CORPUS = path.join(REPO_ROOT, 'corpus');
/** The seed policies, each as its lines. */
export const SEED_LINES: string[][] = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => readFileSync(path.join(CORPUS, f), 'utf8').replace(/\r\n?/g, '\n').split('\n'));

/** Characters that break naive text handling. */
const ODD_CHARS = [
  '\u0000',
  '\ufeff',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060', // NUL, BOM, zero-width
  '\u202e',
  '\u202b',
  '\u200f',
  'שלום',
  'مرحبا', // right-to-left
  'e\u0301',
  'a\u0308\u0323',
  '\u0301', // combining marks, one with no base
  '😀',
  '👩‍👩‍👧',
  '𝒜',
  '\ud800',
  '\udfff', // astral, ZWJ sequence, lone surrogates
  '\t',
  '\u00a0',
  '\u2028',
  '\u000b',
  '\u000c',
  '\u0085',
];

/** Markdown and policy fragments, including unclosed constructs. */
const PIECES = [
  '```',
  '```js\n',
  '~~~',
  '<!--',
  '-->',
  '<!-- policylint-disable',
  '<!-- policylint-disable-next-line children-age -- why -->',
  '[link(',
  '[text](',
  '](http://x',
  '[ref]: ',
  '[^1]:',
  '[^1]: ',
  '[^note]',
  '[x]: h\n',
  'See [x]',
  '[x]',
  '**',
  '__',
  '*',
  '_',
  '`',
  '\\',
  '<',
  '>',
  '<div>',
  '</div>',
  '<a href="',
  '# ',
  '## ',
  '###### ',
  '> ',
  '- ',
  '* ',
  '1. ',
  '2) ',
  '    ',
  '|',
  '| a | b |\n|---|---|\n',
  '---\n',
  '===\n',
  'Privacy Policy',
  'We collect your email address.',
  'under 13',
  'children under the age of 16',
  'privacy@example.com',
  'privacy (at) example (dot) com',
  'Effective: 2024-02-30',
  'Last updated January 5, 2025',
  'SSL',
  'Secure Sockets Layer',
  'Privacy Shield',
  'See Section 4.',
  '[Company Name]',
  '{{company}}',
  'TODO',
  'Contact us',
  '1600 Amphitheatre Pkwy, Mountain View, CA 94043',
  '+1 (555) 010-0199',
  '. ',
  ', ',
  ' ',
  '\n',
  '\n\n',
];

const word = fc.constantFrom(...PIECES, ...ODD_CHARS);

/** A document assembled from fragments and random Unicode (grapheme clusters and any code point). */
const fragments = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: word },
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 8 }),
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));

/** A window of a seed, then lines deleted, duplicated and swapped. */
const mutatedSeed = fc
  .record({
    seed: fc.nat({ max: SEED_LINES.length - 1 }),
    from: fc.nat({ max: 1000 }),
    size: fc.integer({ min: 5, max: 80 }),
    ops: fc.array(fc.tuple(fc.constantFrom('delete', 'duplicate', 'swap', 'insert'), fc.nat(), fc.nat(), word), {
      maxLength: 12,
    }),
  })
  .map(({ seed, from, size, ops }) => {
    const all = SEED_LINES[seed];
    const start = from % all.length;
    const lines = all.slice(start, start + size);
    for (const [op, a, b, piece] of ops) {
      if (!lines.length) break;
      const i = a % lines.length;
      const j = b % lines.length;
      if (op === 'delete') lines.splice(i, 1);
      else if (op === 'duplicate') lines.splice(i, 0, lines[i]);
      else if (op === 'swap') [lines[i], lines[j]] = [lines[j], lines[i]];
      else lines[i] = lines[i].slice(0, b % (lines[i].length + 1)) + piece + lines[i].slice(b % (lines[i].length + 1));
    }
    return lines.join('\n');
  });

/** Lists and block quotes nested 100 to 160 deep, in the styles Markdown allows. */
const deepNesting = fc
  .record({
    depth: fc.integer({ min: 100, max: 120 }),
    kind: fc.constantFrom('list', 'quote', 'mixed', 'ordered'),
    body: word,
  })
  .map(({ depth, kind, body }) => {
    const lines: string[] = [];
    for (let i = 0; i < depth; i++) {
      if (kind === 'quote') lines.push(`${'> '.repeat(i + 1)}**Level ${i}.** ${body}`);
      else if (kind === 'list') lines.push(`${'  '.repeat(i)}- **Item ${i}.** ${body}`);
      else if (kind === 'ordered') lines.push(`${'   '.repeat(i)}1. Step ${i} ${body}`);
      else lines.push(`${'>'.repeat(i % 2)}${'  '.repeat(i)}${i % 3 ? '- ' : '1. '}We collect ${body}`);
    }
    return lines.join('\n');
  });

/** A line of about 10,000 characters: one repeated phrase, or random text. */
const longLine = fc
  .tuple(
    fc.oneof(word, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 })),
    fc.constantFrom('', '# ', '> ', '- ', '**'),
  )
  .map(
    ([unit, lead]) =>
      `# Privacy Policy\n\n${lead}${unit.repeat(Math.ceil(10_000 / Math.max(1, unit.length))).slice(0, 10_000)}\n\nWe collect data.`,
  );

export type LineEnding = 'lf' | 'crlf' | 'cr' | 'mixed';

/** Rewrites the line endings, and adds a BOM and NUL bytes as asked. */
export function dress(text: string, ending: LineEnding, bom: boolean, nulAt: number[]): string {
  const lines = text.split(/\r\n|\r|\n/);
  const endings = { lf: ['\n'], crlf: ['\r\n'], cr: ['\r'], mixed: ['\n', '\r\n', '\r'] }[ending];
  let out = lines.map((l, i) => l + (i < lines.length - 1 ? endings[i % endings.length] : '')).join('');
  for (const at of nulAt) out = out.slice(0, at % (out.length + 1)) + '\u0000' + out.slice(at % (out.length + 1));
  return (bom ? '\ufeff' : '') + out;
}

/** Any hostile document. */
export const hostileMarkdown = fc
  .tuple(
    fc.oneof(
      { weight: 5, arbitrary: mutatedSeed },
      { weight: 4, arbitrary: fragments },
      { weight: 1, arbitrary: deepNesting },
      { weight: 1, arbitrary: longLine },
    ),
    fc.constantFrom<LineEnding>('lf', 'lf', 'crlf', 'cr', 'mixed'),
    fc.boolean(),
    fc.array(fc.nat(), { maxLength: 3 }),
  )
  .map(([text, ending, bom, nuls]) => dress(text, ending, bom, nuls));

/** True when `small` can be obtained from `big` by deleting characters (what an edit that only inserts leaves). */
export function isSubsequence(small: string, big: string): boolean {
  let j = 0;
  for (let i = 0; i < big.length && j < small.length; i++) if (big[i] === small[j]) j++;
  return j === small.length;
}
