// Property tests over hostile Markdown (see arbitraries.ts): the engine never throws, every
// range lies inside the document with its line and column matching its offset, every fix
// applies cleanly, fixing twice equals fixing once, and a fix never deletes user text.
// A failure prints fast-check's seed and path; replay with FC_SEED=<seed> (and the path in
// the message), or run more cases with FC_RUNS=<n>.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  applyEdits,
  CHECKLIST_IDS,
  fixText,
  LAW_ITEMS,
  lint,
  resolveConfig,
  type LintOptions,
  type Point,
  type Range,
  type TextEdit,
} from '../../server/src/engine/index.js';
import { hostileMarkdown, isSubsequence, SEED_LINES } from './arbitraries.js';
import { SAFE_PHRASES } from '../../server/src/engine/rules/legalese.js';

const now = new Date('2026-11-22');
const CONFIGS: [string, LintOptions][] = [
  ['all rules, assumePolicy', { assumePolicy: true, config: resolveConfig({ extends: 'all' }).config, now }],
  ['default config', { now }],
];
const SEED = Number(process.env.FC_SEED ?? 20261122);
const RUNS = Number(process.env.FC_RUNS ?? 40);

/** The point the engine should give for an offset: lines end at "\n", "\r\n" or a lone "\r", as LSP counts them. */
function expectedPoint(text: string, offset: number): Omit<Point, 'offset'> {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function assertPoint(text: string, p: Point, what: string): void {
  assert.ok(
    Number.isInteger(p.offset) && p.offset >= 0 && p.offset <= text.length,
    `${what}: offset ${p.offset} outside 0..${text.length}`,
  );
  assert.deepEqual(
    { line: p.line, column: p.column },
    expectedPoint(text, p.offset),
    `${what}: line/column do not match offset ${p.offset}`,
  );
}

function assertRange(text: string, r: Range, what: string): void {
  assertPoint(text, r.start, `${what} start`);
  assertPoint(text, r.end, `${what} end`);
  assert.ok(r.start.offset <= r.end.offset, `${what}: start ${r.start.offset} after end ${r.end.offset}`);
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** True when `offset` falls between the two halves of a surrogate pair. */
const splitsPair = (text: string, offset: number) =>
  offset > 0 && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));

function assertEdits(text: string, edits: readonly TextEdit[], what: string): string {
  for (const e of edits) {
    assert.ok(
      Number.isInteger(e.start) && Number.isInteger(e.end) && 0 <= e.start && e.start <= e.end && e.end <= text.length,
      `${what}: edit ${e.start}-${e.end} outside 0..${text.length}`,
    );
    assert.ok(
      !splitsPair(text, e.start) && !splitsPair(text, e.end),
      `${what}: edit ${e.start}-${e.end} splits a surrogate pair`,
    );
  }
  return applyEdits(text, edits); // throws on overlap
}

/**
 * The only user text a safe fix may replace: an "SSL" wording (outdated-framework's fix turns
 * it into its TLS wording, keeping everything around it). Everything else a fix does must be
 * an insertion, so the original minus these spans is a subsequence of the fixed text.
 */
const SSL_WORDING =
  /\bSSL\s*\/\s*(?=TLS\b)|(?<=\bTLS)\s*\/\s*SSL\b|\bSSL(?:\s*v?\s*[23](?:\.0)?)?\b|\bsecure\s+sockets?\s+layers?\b/;
/** …and a legal phrase that legalese's fix replaces with its plain wording ("prior to" → "before"). */
const REPLACEABLE = new RegExp(`${SSL_WORDING.source}|\\b(?:${SAFE_PHRASES.join('|')})\\b`, 'gi');
/** …and the rule ids of an inline directive, which unknown-directive-rule's fix corrects ("contcat" → "contact"). */
const DIRECTIVE_IDS = /(<!--\s*policylint-[a-z-]+)([\s\S]*?)(?=-->)/g;
const withoutDirectiveIds = (text: string) =>
  text.replace(DIRECTIVE_IDS, (_, head: string, body: string) => {
    const ids = body.split(/\s--\s/)[0];
    return head + ids.replace(/[^\s,]+/g, '') + body.slice(ids.length);
  });
const keptText = (text: string) => withoutDirectiveIds(text.replace(REPLACEABLE, ''));

function assertKeepsUserText(before: string, after: string, what: string): void {
  assert.ok(isSubsequence(keptText(before), after), `${what}: the fix deleted user text`);
}

function checkDocument(text: string): void {
  for (const [name, options] of CONFIGS) {
    const r = lint(text, options);
    assert.deepEqual(
      r.checklist.map((c) => c.id),
      [...CHECKLIST_IDS, ...LAW_ITEMS.filter((i) => options.config?.rules.has(i.id)).map((i) => i.id)],
      `${name}: checklist size`,
    );
    for (const c of r.checklist) {
      if (c.range) assertRange(text, c.range, `${name}: checklist ${c.id}`);
      if (c.range && c.line !== null) assert.equal(c.line, c.range.start.line, `${name}: checklist ${c.id} line`);
    }
    for (const m of r.messages) {
      const what = `${name}: ${m.ruleId} “${m.message.slice(0, 60)}”`;
      assert.ok(!m.ruleError, `${what}: the rule threw`);
      assertRange(text, m.range, what);
      for (const rel of m.related ?? []) assertRange(text, rel.range, `${what} related`);
      for (const s of m.suggestions ?? []) assertEdits(text, s.edits, `${what} suggestion “${s.title}”`);
      if (m.fix) {
        const fixed = assertEdits(text, m.fix.edits, `${what} fix`);
        if (m.fix.safe) assertKeepsUserText(text, fixed, `${what} fix “${m.fix.title}”`);
      }
    }
  }
  const [name, options] = CONFIGS[0];
  const once = fixText(text, options).text;
  assertKeepsUserText(text, once, `${name}: fixText`);
  assert.equal(fixText(once, options).text, once, `${name}: fixText twice differs from once`);
  // With section insertions too: the same, except that renumbering rewrites section numbers (digits and numerals).
  const both = { ...options, types: ['safe', 'section'] as const };
  const all = fixText(text, both).text;
  const numerals = (t: string) => t.replace(/[0-9IVXLCDMivxlcdmA-Za-z]/g, '');
  assert.ok(isSubsequence(numerals(keptText(text)), numerals(all)), `${name}: fixText with sections deleted user text`);
  assert.equal(fixText(all, both).text, all, `${name}: fixText with sections twice differs from once`);
}

describe('engine properties over hostile Markdown', () => {
  it('the subsequence check tells insertions from deletions', () => {
    assert.ok(isSubsequence('abc', 'xaxbxcx'));
    assert.ok(!isSubsequence('abc', 'acb'));
    assert.ok(isSubsequence(keptText('We use SSL to protect data.'), 'We use TLS to protect data.'));
    assert.ok(!isSubsequence(keptText('We use SSL to protect data.'), 'We use TLS to protect.'));
    const directive = '<!-- policylint-disable-next-line Contact -- why -->';
    assert.ok(isSubsequence(keptText(directive), directive.replace('Contact', 'contact')));
    assert.ok(!isSubsequence(keptText(directive), directive.replace(' -- why', '')));
    assert.equal(SEED_LINES.length, 5);
  });

  it(`holds the invariants on ${RUNS} hostile documents (seed ${SEED})`, function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(hostileMarkdown, (text) => checkDocument(text)),
      { numRuns: RUNS, seed: SEED, endOnFailure: false },
    );
  });

  it('holds them on each whole seed, in CRLF, CR-only or LF with a BOM', function () {
    this.timeout(120_000);
    const dressings = [
      (l: string[]) => l.join('\r\n'),
      (l: string[]) => l.join('\r'),
      (l: string[]) => `\ufeff${l.join('\n')}`,
    ];
    SEED_LINES.forEach((lines, i) => {
      checkDocument(dressings[i % dressings.length](lines));
    });
  });
});
