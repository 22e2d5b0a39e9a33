import assert from 'node:assert/strict';
import { evaluateChecklist, parsePolicy, type AgeFact, type ReportInput } from '../../../server/src/engine/index.js';
import rule from '../../../server/src/engine/rules/children-age.js';
import { ALL, NOW, policy, run, seed, SEEDS } from './helpers.js';

const RULE = 'children-age';

/** Runs the rule on a document whose age facts are given, independent of the extractor. */
function checkWith(text: string, ages: (doc: ReturnType<typeof parsePolicy>) => AgeFact[]): ReportInput[] {
  const doc = parsePolicy(text);
  doc.facts = { ...doc.facts, ages: ages(doc) };
  const out: ReportInput[] = [];
  rule.check({
    doc,
    checklist: evaluateChecklist(doc),
    config: ALL,
    options: {},
    now: NOW,
    report: (r) => out.push(r),
  });
  return out;
}

function fact(doc: ReturnType<typeof parsePolicy>, phrase: string, age: number, concept: string): AgeFact {
  const start = doc.text.indexOf(phrase);
  assert.ok(start >= 0, phrase);
  const sentence = doc.sentences.find((s) => s.range.start.offset <= start && start < s.range.end.offset)!;
  return { age, range: doc.rangeOf(start, start + phrase.length), sentence: sentence.text, concept };
}

describe('rule children-age', () => {
  for (const name of SEEDS) {
    it(`${name}: raises nothing`, () => assert.deepEqual(run(RULE, seed(name)).quoted, []));
  }

  describe('children mentioned with no age', () => {
    it('one report, at the first mention', () => {
      const text = policy('## Children\n\nWe do not knowingly collect data from children. Kids should ask a parent.');
      const { messages, quoted } = run(RULE, text);
      assert.deepEqual(quoted, ['Children']);
      assert.equal(messages[0].range.start.line, 3);
      assert.equal(messages[0].item, 'children');
      assert.match(messages[0].message, /no age/);
    });

    for (const [name, snippet, word] of [
      ['minors', 'Our service is not meant for minors.', 'minors'],
      ['COPPA', 'We comply with COPPA.', 'COPPA'],
      ['under-age users', 'We close accounts of under-age users.', 'under-age'],
    ] as const) {
      it(name, () => assert.deepEqual(run(RULE, policy(snippet)).quoted, [word]));
    }

    it('reports every incomplete children item, whatever words name the children', () => {
      const { quoted } = run(RULE, policy('## Families\n\nWe ask for parental consent before a teen joins.'));
      assert.deepEqual(quoted, ['parental consent']);
    });

    it('"minor changes" is not about children', () => {
      const text = policy('We may make minor changes to this policy. A minor update needs no notice.');
      assert.deepEqual(run(RULE, text).quoted, []);
      assert.equal(
        evaluateChecklist(parsePolicy(text)).find((c) => c.id === 'children')?.status,
        'missing',
        'the checklist agrees',
      );
    });

    it('an age anywhere in the policy is enough', () => {
      assert.deepEqual(
        run(
          RULE,
          policy(
            '## Children\n\nWe do not collect data from children.\n\n## Accounts\n\nYou must be 16 years of age or older to register.',
          ),
        ).quoted,
        [],
      );
    });

    it('a contest age is not a threshold for children (facts given)', () => {
      const text = policy('Children are welcome to read. Sweepstakes entrants must be 18 years old.');
      const found = checkWith(text, (doc) => [fact(doc, '18 years old', 18, 'contest')]);
      assert.equal(found.length, 1);
      assert.equal(text.slice(found[0].start, found[0].end), 'Children');
    });
  });

  describe('one concept, two ages', () => {
    it('reports the second age with related at the first', () => {
      const text = policy(
        '## Children\n\nThe service is not directed to children under 13.\n\n## Accounts\n\nThe app is not intended for children under 16.',
      );
      const { messages, quoted } = run(RULE, text);
      assert.equal(messages.length, 1);
      assert.match(quoted[0], /16/);
      assert.match(messages[0].message, /sets age 16 for children, but line 5 sets 13/);
      assert.equal(messages[0].related?.length, 1);
      assert.match(
        text.slice(messages[0].related![0].range.start.offset, messages[0].related![0].range.end.offset),
        /13/,
      );
    });

    it('the same age twice is consistent', () => {
      const text = policy(
        'We do not target children under 13. If a child under 13 writes to us, we delete the message.',
      );
      assert.deepEqual(run(RULE, text).quoted, []);
    });

    it('different concepts may have different ages: COPPA 13, GDPR consent 16, contests 18', () => {
      const text = policy(
        '## Children\n\nOur service is not directed to children under 13.\n\n## Europe\n\nIn the EEA, users under 16 need a parent’s consent before we process their data.\n\n## Contests\n\nYou must be 18 or older to enter a sweepstakes.',
      );
      assert.deepEqual(run(RULE, text).quoted, []);
    });

    it('graduated ages stated differently are not one concept', () => {
      const text = policy(
        "## Children\n\nThe app is not directed to children under 13.\n\n## Teens\n\nStudents who are 13 or older but under 16 need a parent's approval.\n\n## Adults\n\nWhen a student turns 18, the rights pass to the student.",
      );
      assert.deepEqual(run(RULE, text).quoted, []);
    });

    it('ages told apart in one paragraph are deliberate', () => {
      const text = policy(
        'You must be 13 or older to create an account. If you are under 18, ask a parent before you share publicly. We do not sell data of anyone under 16.',
      );
      assert.deepEqual(run(RULE, text).quoted, []);
    });

    it('two ages in one sentence are deliberate', () => {
      const text = policy('We do not collect data from children under 13 (or under 16 where local law sets that age).');
      assert.deepEqual(run(RULE, text).quoted, []);
    });

    it('works from the facts contract: concepts compared exactly, "other" never (facts given)', () => {
      const text = policy(
        'Children under 13 may not register.\n\nPersons under 16 may not register.\n\nVisitors over 18 may vote.\n\nChildren under 15 may not register.',
      );
      const found = checkWith(text, (doc) => [
        fact(doc, 'under 13', 13, 'children'),
        fact(doc, 'under 16', 16, 'other'),
        fact(doc, 'over 18', 18, 'other'),
        fact(doc, 'under 15', 15, 'children'),
      ]);
      assert.equal(found.length, 1);
      assert.equal(text.slice(found[0].start, found[0].end), 'under 15');
      assert.equal(text.slice(found[0].related![0].start, found[0].related![0].end), 'under 13');
    });

    it('each differing age is reported once', () => {
      const text = policy(
        'Children under 13 may not use the app.\n\nChildren under 16 may not use the forum.\n\nChildren under 16 may not use the chat.',
      );
      const found = checkWith(text, (doc) => {
        const first16 = doc.text.indexOf('under 16');
        const second16 = doc.text.indexOf('under 16', first16 + 1);
        const base = fact(doc, 'under 16', 16, 'children');
        return [
          fact(doc, 'under 13', 13, 'children'),
          base,
          { ...base, range: doc.rangeOf(second16, second16 + 8), sentence: 'Children under 16 may not use the chat.' },
        ];
      });
      assert.equal(found.length, 1);
    });
  });
});
