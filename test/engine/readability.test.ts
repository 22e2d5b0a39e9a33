// The readability module against hand-counted cases: words, syllables (as a reader says
// them), sentence splitting on policy text, and the Flesch–Kincaid formula.
import assert from 'node:assert/strict';
import { parsePolicy } from '../../server/src/engine/index.js';
import {
  fleschKincaidGrade,
  proseSentences,
  sectionReadability,
  sentenceStats,
  syllables,
  wordCount,
  words,
} from '../../server/src/engine/readability.js';
import { splitSentences } from '../../server/src/engine/text.js';

/** Word → syllables, counted by hand. */
const SYLLABLES: [string, number][] = [
  ['we', 1],
  ['the', 1],
  ['data', 2],
  ['privacy', 3],
  ['policy', 3],
  ['personal', 3],
  ['information', 4],
  ['identifiable', 6],
  ['cookies', 2],
  ['services', 3],
  ['purposes', 3],
  ['advertising', 4],
  ['analytics', 4],
  ['processing', 3],
  ['requested', 3],
  ['area', 3],
  ['California', 4],
  ['third-party', 3],
  ['opt-out', 2],
  ["don't", 1],
  ["company's", 3],
  ['GDPR', 4], // spelled: gee-dee-pee-ar
  ['CCPA', 4],
  ['WWW', 9], // double-u, three times
  ['e.g.', 2],
  ['U.S.', 2],
  ['2026', 1],
  ['privacy@acme.com', 6], // privacy + acme + com
  ['https://acme.com/privacy', 6],
];

/** Text → its words, counted by hand. */
const WORDS: [string, string[]][] = [
  ['We share data.', ['We', 'share', 'data']],
  ['Vendors (e.g. banks) help.', ['Vendors', 'e.g.', 'banks', 'help']],
  ['Acme Inc. and/or its partners', ['Acme', 'Inc', 'and', 'or', 'its', 'partners']],
  ['data—such as names', ['data', 'such', 'as', 'names']],
  ['Write to privacy@acme.com.', ['Write', 'to', 'privacy@acme.com']],
  ['See https://acme.com/privacy, then sign in.', ['See', 'https://acme.com/privacy', 'then', 'sign', 'in']],
  ['third-party cookies — 30 days', ['third-party', 'cookies', '30', 'days']],
];

/** Text → its sentences, split by hand. */
const SENTENCES: [string, string[]][] = [
  [
    'We share data with vendors, e.g. payment processors. They help us.',
    ['We share data with vendors, e.g. payment processors.', 'They help us.'],
  ],
  ['Acme Inc. is based in the U.S. We follow U.S. law.', ['Acme Inc. is based in the U.S.', 'We follow U.S. law.']],
  ['We are Acme Corp. We sell tools.', ['We are Acme Corp.', 'We sell tools.']],
  ['Write to privacy@acme.com. We answer in 30 days.', ['Write to privacy@acme.com.', 'We answer in 30 days.']],
  ['Visit https://acme.com/privacy. It lists the terms.', ['Visit https://acme.com/privacy.', 'It lists the terms.']],
  ['Go to www.acme.com. Then sign in.', ['Go to www.acme.com.', 'Then sign in.']],
  [
    'We collect: 1. Names 2. Emails 3. Phone numbers. That is all.',
    ['We collect: 1. Names 2. Emails 3. Phone numbers.', 'That is all.'],
  ],
  ['Children under 13. We never ask them.', ['Children under 13.', 'We never ask them.']],
  ['See Section 4.2. It explains more.', ['See Section 4.2.', 'It explains more.']],
  ['We use cookies (i.e. small files). They expire.', ['We use cookies (i.e. small files).', 'They expire.']],
  ['Questions? Write to us! We reply.', ['Questions?', 'Write to us!', 'We reply.']],
];

describe('readability', () => {
  describe('syllables, counted by hand', () => {
    for (const [word, n] of SYLLABLES) it(`${word}: ${n}`, () => assert.equal(syllables(word), n));
  });

  describe('words', () => {
    for (const [text, expected] of WORDS) {
      it(JSON.stringify(text), () => {
        assert.deepEqual(words(text), expected);
        assert.equal(wordCount(text), expected.length);
      });
    }
  });

  describe('sentences on policy text', () => {
    for (const [text, expected] of SENTENCES) {
      it(JSON.stringify(text), () =>
        assert.deepEqual(
          splitSentences(text).map((s) => text.slice(s.start, s.end)),
          expected,
        ),
      );
    }
  });

  describe('Flesch–Kincaid grade', () => {
    it('follows the formula on counted text', () => {
      // 0.39 × 20 + 11.8 × 1.5 − 15.59 = 7.8 + 17.7 − 15.59 = 9.91
      assert.equal(fleschKincaidGrade({ sentences: 2, words: 40, syllables: 60 }), 9.9);
      assert.equal(fleschKincaidGrade({ sentences: 0, words: 0, syllables: 0 }), undefined);
    });

    it('grades a sentence from its words and syllables', () => {
      // We(1) keep(1) your(1) data(2) safe(1): 5 words, 6 syllables.
      assert.deepEqual(sentenceStats('We keep your data safe.'), { sentences: 1, words: 5, syllables: 6 });
      // 0.39 × 5 + 11.8 × 1.2 − 15.59 = 1.95 + 14.16 − 15.59 = 0.52
      assert.equal(fleschKincaidGrade(sentenceStats('We keep your data safe.')), 0.5);
    });
  });

  describe('per section', () => {
    const text =
      '# Privacy Policy\n\n## Use\n\nWe keep your data safe. We never sell it.\n\n## Sharing\n\nNotwithstanding the foregoing, organizational affiliates may receive information.\n\n| a | b |\n|---|---|\n| Cookies | 30 days |\n';
    const doc = parsePolicy(text);

    it('leaves out titles and table cells', () => {
      assert.deepEqual(
        proseSentences(doc).map((r) => r.sentence.text),
        [
          'We keep your data safe.',
          'We never sell it.',
          'Notwithstanding the foregoing, organizational affiliates may receive information.',
        ],
      );
    });

    it('grades each section on its own sentences', () => {
      const sections = sectionReadability(doc);
      assert.deepEqual(
        sections.map((s) => [s.section.title, s.words]),
        [
          ['Use', 9],
          ['Sharing', 8],
        ],
      );
      assert.ok(sections[1].grade! > sections[0].grade! + 10, `${sections[1].grade} vs ${sections[0].grade}`);
    });
  });
});
