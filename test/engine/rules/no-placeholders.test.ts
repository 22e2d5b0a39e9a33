import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/engine/index.js';
import { classifyBracket } from '../../../server/src/engine/rules/no-placeholders.js';
import { policy, run, seed, SEEDS } from './helpers.js';

const RULE = 'no-placeholders';

describe('rule no-placeholders', () => {
  describe('seeds', () => {
    it('act-on: flags only the bracketed optional clause in Social Media', () => {
      const text = seed('act-on.com');
      const { messages, quoted } = run(RULE, text);
      assert.deepEqual(quoted, [
        '[and Widgets, such as the Share this button or interactive mini-programs that run on our site]',
      ]);
      assert.equal(messages[0].range.start.line, text.split('\n').findIndex((l) => l.includes('[and Widgets')) + 1);
      assert.match(messages[0].message, /optional clause/);
      assert.equal(messages[0].fix, undefined, 'the author must decide: no autofix');
    });

    it('act-on: the suggestion removes the brackets and keeps the clause', () => {
      const text = seed('act-on.com');
      const [m] = run(RULE, text).messages;
      assert.equal(m.suggestions?.length, 1);
      assert.equal(m.suggestions![0].safe, false);
      const fixed = applyEdits(text, m.suggestions![0].edits);
      assert.ok(
        fixed.includes(
          'such as the Facebook Like button and Widgets, such as the Share this button or interactive mini-programs that run on our site. These Features',
        ),
      );
      assert.equal(fixed.length, text.length - 2);
      assert.deepEqual(run(RULE, fixed).quoted, []);
    });

    for (const name of SEEDS.filter((s) => s !== 'act-on.com')) {
      it(`${name}: raises nothing`, () => {
        assert.deepEqual(run(RULE, seed(name)).quoted, []);
      });
    }
  });

  describe('finds template leftovers', () => {
    const cases: [string, string][] = [
      ['[Company Name] ("we") operates this site.', '[Company Name]'],
      ['This policy is effective as of [insert effective date].', '[insert effective date]'],
      ['Last updated: [date].', '[date]'],
      ['Write to privacy@[your-domain].', '[your-domain]'],
      ['[COMPANY] keeps your data safe.', '[COMPANY]'],
      ['We are based in [State of Incorporation].', '[State of Incorporation]'],
      ['Welcome to {{company_name}}.', '{{company_name}}'],
      ['Contact {{ privacy.email }} for help.', '{{ privacy.email }}'],
      ['Our address is {postal_address}.', '{postal_address}'],
      ['Questions go to <COMPANY> by post.', '<COMPANY>'],
      ['Send requests to <INSERT NAME>, our officer.', '<INSERT NAME>'],
      ['Our officer is <your privacy officer>.', '<your privacy officer>'],
      ['We keep logs for TBD days.', 'TBD'],
      ['TODO: describe retention.', 'TODO'],
      ['Call us on XXX-XXX-XXXX.', 'XXX-XXX-XXXX'],
      ['We use analytics FIXME which vendor.', 'FIXME'],
      ['Lorem ipsum dolor sit amet, consectetur adipiscing elit.', 'Lorem ipsum dolor sit amet'],
      [
        'We may show a banner [or a pop-up message on the home page] when this policy changes.',
        '[or a pop-up message on the home page]',
      ],
      ['You may add a profile photo [optional].', '[optional]'],
      ['Write to privacy@[yourdomain].com.', '[yourdomain]'],
    ];
    for (const [snippet, expected] of cases) {
      it(`${expected}`, () => {
        const { messages, quoted } = run(RULE, policy(snippet));
        assert.deepEqual(quoted, [expected]);
        assert.ok(
          messages[0].message.includes(expected.slice(0, 20)) || /lorem/i.test(expected),
          'the message says what was found',
        );
        assert.equal(messages[0].fix, undefined);
      });
    }

    it('in headings and table cells too', () => {
      const text = policy(
        '## [Section Title]\n\nText.\n\n| Data | Kept for |\n| --- | --- |\n| Logs | [Retention Period] |',
      );
      assert.deepEqual(run(RULE, text).quoted, ['[Section Title]', '[Retention Period]']);
    });

    it('an angle-bracket placeholder on a line of its own (an HTML block to remark)', () => {
      assert.deepEqual(run(RULE, policy('<COMPANY NAME>\n\nWe run this site.')).quoted, ['<COMPANY NAME>']);
    });

    it('only the optional clause gets the bracket-removing suggestion', () => {
      const { messages } = run(
        RULE,
        policy('[Company Name] may add a survey [and a feedback form for your comments] later.'),
      );
      assert.equal(messages.length, 2);
      assert.equal(messages[0].suggestions, undefined);
      assert.equal(messages[1].suggestions?.[0].edits.length, 2);
    });
  });

  describe('leaves real text alone', () => {
    const clean: [string, string][] = [
      [
        'a Markdown link',
        'See our [Cookie Policy](https://example.org/cookies) and [Terms][terms].\n\n[terms]: https://example.org/terms',
      ],
      ['a footnote reference', 'We follow the law.[^1]\n\n[^1]: The statute applies to us.'],
      ['an undefined footnote reference', 'We follow the law.[^2]'],
      ['task list boxes', '- [ ] review yearly\n- [x] publish online'],
      ['legal numbering and [sic]', 'As stated in [1] and [iv], our "privacy [sic] policy" applies; see [a].'],
      ['an obfuscated email', 'Write to privacy[at]example[dot]com or privacy [at] example [dot] org.'],
      ['HTML markup in capitals', 'We keep data safe.<BR>We never sell it. <b>Really.</b>'],
      ['an autolink', 'Visit <https://example.org/privacy> or <privacy@example.org>.'],
      ['inline code', 'Templates use `{{name}}` and `[Company]` syntax.'],
      ['a fenced code block', '```\nTODO: {{company}} <COMPANY>\n```'],
      ['an HTML comment', '<!-- TODO: check with legal; <COMPANY> -->\n\nWe run the site.'],
      ['words that merely contain the markers', 'Our todo app, the XXL plan and Xxx are products; tbd is lower case.'],
      ['a short lower-case bracket without a prompt noun', 'They said it was [very] clear.'],
      ['a whole bracketed paragraph note', '[this paragraph applies only to customers in the United States]'],
    ];
    for (const [name, snippet] of clean) {
      it(name, () => assert.deepEqual(run(RULE, policy(snippet)).quoted, []));
    }
  });

  describe('classifyBracket', () => {
    it('sorts bracket contents', () => {
      assert.equal(classifyBracket('Company Name'), 'placeholder');
      assert.equal(classifyBracket('insert the address of your office here'), 'placeholder');
      assert.equal(classifyBracket('and widgets, such as a share button'), 'optional-clause');
      assert.equal(classifyBracket('sic'), undefined);
      assert.equal(classifyBracket('^3'), undefined);
      assert.equal(classifyBracket('12'), undefined);
      assert.equal(classifyBracket('dot'), undefined);
    });
  });
});
