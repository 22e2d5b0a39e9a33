// stale-effective-date in the engine: it compares the text with the baseline the front end
// passes in, and writes today's date in the document's own format.
import assert from 'node:assert/strict';
import { fixText, lint, resolveConfig } from '../../../server/src/engine/index.js';
import { formatLike, sameButWhitespace } from '../../../server/src/engine/rules/stale-effective-date.js';

const config = resolveConfig({ extends: 'all' }).config;
const TODAY = new Date(2026, 11, 7); // 7 December 2026, local time
const doc = (date: string, body = 'We keep your orders for two years.') =>
  `# Privacy Policy\n\nLast updated: ${date}\n\n${body}\n`;
const stale = (text: string, baseline?: string) =>
  lint(text, {
    config,
    now: TODAY,
    assumePolicy: true,
    baseline: baseline === undefined ? undefined : { text: baseline, ref: 'HEAD' },
  }).messages.filter((m) => m.ruleId === 'stale-effective-date');

describe('stale-effective-date (engine)', () => {
  describe("today's date in the document's format", () => {
    const cases: [string, string][] = [
      ['March 3, 2025', 'December 7, 2026'],
      ['Mar 3, 2025', 'Dec 7, 2026'],
      ['Sept. 3, 2025', 'Dec. 7, 2026'],
      ['March 3rd, 2025', 'December 7th, 2026'],
      ['3 March 2025', '7 December 2026'],
      ['3rd of March, 2025', '7th of December, 2026'],
      ['MARCH 3, 2025', 'DECEMBER 7, 2026'],
      ['2025-03-03', '2026-12-07'],
      ['03/03/2025', '12/07/2026'],
      ['3/3/2025', '12/7/2026'],
      ['25/03/2025', '07/12/2026'], // day first: 25 cannot be a month
      ['03.03.2025', '07.12.2026'],
      ['March 2025', 'December 2026'],
      ['2025', '2026'],
    ];
    for (const [like, expected] of cases)
      it(`${like} → ${expected}`, () => assert.equal(formatLike(like, TODAY), expected));
    it('an unknown format gives none', () => assert.equal(formatLike('the third of March', TODAY), undefined));
  });

  it('compares only in more than whitespace', () => {
    assert.equal(sameButWhitespace('a  b\r\nc', 'a b c '), true);
    assert.equal(sameButWhitespace('a b', 'ab'), false);
  });

  it('warns when the text changed and the date did not, with a safe fix to today', () => {
    const base = doc('March 3, 2025');
    const now = doc('March 3, 2025', 'We keep your orders for six years.');
    const [m] = stale(now, base);
    assert.ok(m);
    assert.equal(m.range.start.line, 3);
    assert.equal(m.fix?.safe, true);
    const fixed = fixText(now, {
      config,
      now: TODAY,
      assumePolicy: true,
      baseline: { text: base, ref: 'HEAD' },
      only: ['stale-effective-date'],
    });
    assert.equal(fixed.text, doc('December 7, 2026', 'We keep your orders for six years.'));
  });

  it('is silent without a baseline, with the same text, or with a new date', () => {
    const base = doc('March 3, 2025');
    assert.equal(stale(doc('March 3, 2025', 'Changed.')).length, 0, 'no baseline');
    assert.equal(stale(base, base).length, 0, 'same text');
    assert.equal(stale(doc('April 1, 2026', 'Changed.'), base).length, 0, 'a new date');
    assert.equal(
      stale(doc('March 3, 2025', 'Changed.'), '# Privacy Policy\n\nNo date here.\n').length,
      0,
      'the baseline had no such date',
    );
  });
});
