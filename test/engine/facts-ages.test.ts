// Children's ages in the wordings real policies use (issue 11): ranges, a stated minimum for a
// feature, and an example child's age that is no threshold. Each case is one pattern, written for this test.
import assert from 'node:assert/strict';
import { lint, parsePolicy } from '../../server/src/engine/index.js';

const ages = (text: string) => parsePolicy(text).facts.ages.map((a) => a.age);
const checklistAges = (text: string) => lint(text).checklist.find((c) => c.id === 'children')!.facts.ages;

describe('facts: age wordings', () => {
  const cases: [string, string, number[]][] = [
    ['a range for the age of consent', 'Each country sets its own age of consent between 13 and 16.', [13, 16]],
    ['a range of ages the site is for', 'Our games are made for kids 4 to 15 and their parents.', [4, 15]],
    ['"between the ages of"', 'Children between the ages of 8 and 12 need a parent to sign up.', [8, 12]],
    ['a minimum age for a feature', 'You must be 18 to buy a gift card on the site.', [18]],
    ['a minimum age for users', 'Users need to be sixteen to open a chat.', [16]],
    ['a threshold in years old', 'Members who are 13 years old or older may post.', [13]],
    ['"must be at least"', 'You must be at least 18 to enter a paid tournament.', [18]],
    ['an age of pupils in a sentence with no child word', 'Most of our pupils are under 11.', [11]],
  ];
  for (const [what, text, expected] of cases)
    it(`reads ${JSON.stringify(expected)} from ${what}`, () => assert.deepEqual(ages(text), expected));

  const notAges: [string, string][] = [
    [
      'the age of one example child',
      'For instance, a 14 year old pupil in one country may need consent where an 11-year-old child elsewhere does not.',
    ],
    ['a range of days', 'Children\u2019s requests are answered between 10 and 20 days after we receive them.'],
    ['a length requirement', 'Your password must be 12 characters long.'],
  ];
  for (const [what, text] of notAges) it(`reads no age from ${what}`, () => assert.deepEqual(ages(text), []));

  it('points each end of a range at its number', () => {
    const text = 'Each country sets its own age of consent between 13 and 16.';
    const doc = parsePolicy(text);
    assert.deepEqual(
      doc.facts.ages.map((a) => text.slice(a.range.start.offset, a.range.end.offset)),
      ['13', '16'],
    );
  });

  it("lists a feature's minimum age beside the children's threshold", () => {
    const text =
      '# Privacy\n\n## Children\n\nVisitors under 13 need a parent\u2019s permission to send us anything.\n\n## Payments\n\nYou must be 18 to pay for a subscription.\n';
    assert.deepEqual(checklistAges(text), [13, 18]);
  });

  it('reads ages in a table under an age-limits section, with no person word in the row', () => {
    const text =
      '# Privacy\n\n## Age limits\n\n| Age | Rule |\n|---|---|\n| Under 13 | No accounts. |\n| Under 18 | No prize draws. |\n';
    assert.deepEqual(checklistAges(text), [13, 18]);
    assert.notEqual(lint(text).checklist.find((c) => c.id === 'children')!.status, 'missing');
  });
});
