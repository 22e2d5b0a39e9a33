// Bad input never crashes the engine: every text gets a result, every range lies inside
// the text, and every fix applies.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { applyEdits, fixText, lint, LAW_ITEMS, resolveConfig, type LintResult } from '../../server/src/engine/index.js';

const config = resolveConfig({ extends: 'all' }).config;
const now = new Date('2026-11-22');

function assertSane(text: string, r: LintResult) {
  for (const m of r.messages) {
    assert.ok(
      m.range.start.offset >= 0 && m.range.end.offset <= text.length && m.range.start.offset <= m.range.end.offset,
      `${m.ruleId} range`,
    );
    assert.ok(m.range.start.line >= 1 && m.range.start.column >= 1);
    if (m.fix) assert.equal(typeof applyEdits(text, m.fix.edits), 'string');
    assert.ok(!m.ruleError, `rule ${m.ruleId} threw: ${m.message}`);
  }
  assert.equal(r.checklist.length, 16 + LAW_ITEMS.filter((i) => r.checklist.some((c) => c.id === i.id)).length);
  for (const c of r.checklist.slice(16))
    assert.ok(
      LAW_ITEMS.some((i) => i.id === c.id),
      `${c.id} after the corpus items`,
    );
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('engine robustness', () => {
  const odd: [string, string][] = [
    ['empty', ''],
    ['whitespace', ' \n\t\n  \r\n'],
    ['a NUL byte and control characters', 'We collect\u0000 data.\u0007\u001b[31m'],
    ['lone surrogates and emoji', '# Privacy \ud800\n\nWe collect 👩‍👩‍👧 data \udfff.'],
    ['only headings', Array.from({ length: 500 }, (_, i) => `${'#'.repeat((i % 6) + 1)} Heading ${i}`).join('\n')],
    ['deeply nested lists', Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- **Item ${i}.** text`).join('\n')],
    ['deep block quotes', `${'> '.repeat(300)}We collect data.`],
    ['unclosed fences and comments', '```\nWe collect\n<!-- policylint-disable\n**bold [link](http://x'],
    ['HTML and tables', '<div>We <b>collect</b> data</div>\n\n| a | b |\n|---|---|\n| privacy@x.io | under 13 |\n'],
    ['front matter', '---\ntitle: Privacy\n---\n\n# Privacy Policy\n\nWe collect your email.'],
    ['CR-only line endings', '# Privacy Policy\r\rWe collect your email.\r\r## Children\r\rNot for children under 13.'],
    ['a BOM', '\ufeff# Privacy Policy\n\nWe collect your email.'],
    ['directives with junk', '<!-- policylint-disable-file ,,, -- -- -->\n<!-- policylint-enable -->\n# P'],
  ];
  for (const [name, text] of odd) {
    it(`handles ${name}`, () => {
      const r = lint(text, { config, now, assumePolicy: true });
      assertSane(text, r);
      const fixed = fixText(text, { config, now, assumePolicy: true });
      assert.ok(fixed.text.length >= text.length - 10, 'fixing never removes text');
    });
  }

  it('survives 300 random mutations of the corpus', function () {
    this.timeout(120_000);
    const seeds = ['act-on.com', 'manycontacts.com', 'attendicon.com', 'rs6.net', 'outboundengine.com'].map((d) =>
      readFileSync(`corpus/${d}.md`, 'utf8'),
    );
    const pieces = [
      '**',
      '[',
      ']',
      '(',
      ')',
      '#',
      '\n',
      '\n\n',
      '> ',
      '* ',
      '1. ',
      '`',
      '<!--',
      '-->',
      '|',
      'under 13',
      '@',
      '(at)',
      'Effective: ',
      '2024-02-30',
      '\\',
      '<',
      '>',
      '“',
      '"',
    ];
    const rand = random(20261122);
    for (let i = 0; i < 300; i++) {
      let text = seeds[i % seeds.length];
      for (let k = 0; k < 12; k++) {
        const at = Math.floor(rand() * text.length);
        const cut = Math.floor(rand() * 40);
        text =
          text.slice(0, at) + pieces[Math.floor(rand() * pieces.length)] + text.slice(at + (rand() < 0.5 ? cut : 0));
      }
      assertSane(text, lint(text, { config, now }));
    }
  });
});
