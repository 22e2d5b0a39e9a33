import assert from 'node:assert/strict';
import { applyEdits, lint } from '../../../server/src/engine/index.js';
import crossReference from '../../../server/src/engine/rules/cross-reference.js';
import { headingSlug, titleKey } from '../../../server/src/engine/text.js';
import { ALL, NOW, policy, run, seed } from './helpers.js';

const RULE = 'cross-reference';

function quotedOf(text: string): string[] {
  return run(RULE, text).quoted;
}

describe('rule cross-reference', () => {
  describe('seeds', () => {
    it('manycontacts: "II.D." and “4” point at numbering the policy does not have', () => {
      const text = seed('manycontacts.com');
      const { messages, quoted } = run(RULE, text);
      assert.deepEqual(quoted, ['II.D', '“4”']);
      assert.match(messages[0].message, /II\.D/);
      assert.match(messages[1].message, /numbered 4/);
    });

    it('outboundengine: "Click on the links below" with no links; its section references resolve', () => {
      const text = seed('outboundengine.com');
      const { messages, quoted } = run(RULE, text);
      assert.deepEqual(quoted, ['the links below']);
      assert.equal(
        messages[0].range.start.line,
        text.split('\n').findIndex((l) => l.includes('Click on the links below')) + 1,
      );
      assert.match(messages[0].message, /no link follows/);
    });

    it('attendicon: "Revisions or Changes", "How to Contact Us", "Opting Out" resolve', () => {
      assert.deepEqual(quotedOf(seed('attendicon.com')), []);
    });

    it('rs6: See "Online Advertising" below and the choice/opt-out section resolve', () => {
      assert.deepEqual(quotedOf(seed('rs6.net')), []);
    });

    it('act-on: nothing', () => {
      assert.deepEqual(quotedOf(seed('act-on.com')), []);
    });
  });

  describe('quoted titles', () => {
    const doc = (ref: string) =>
      policy(`## 3. Third-Party Cookies\n\nText.\n\n## Children’s Privacy\n\nText.\n\n## Your Choices\n\n${ref}`);
    // Each case resolves as written, and is reported once the title is changed to one no section has.
    const resolving: [string, string, string][] = [
      ['straight quotes, "above"', 'See "{T}" above.', 'Third Party Cookies'],
      ['curly quotes, case, hyphen', 'See the “{T}” section above.', 'third-party cookies'],
      ['a trailing "section"', 'Read the “{T} section” above.', 'Third Party Cookies'],
      ['leading numbering in the reference', 'See "{T}" above.', '3. Third-Party Cookies'],
      ['a curly apostrophe inside single curly quotes', 'See the ‘{T}’ section.', 'Children’s Privacy'],
      [
        'a straight apostrophe against a curly one',
        'As set out in the "{T}" section of this Policy, we do not.',
        "Children's Privacy",
      ],
      ['guillemets', 'See « {T} » above.', 'Your Choices'],
      ['„German“ quotes', 'See the „{T}“ section.', 'Your Choices'],
      ['a heading titled …', 'Under the heading titled "{T}" you can opt out.', 'Your Choices'],
    ];
    for (const [name, ref, title] of resolving) {
      it(`resolves: ${name}`, () => {
        assert.deepEqual(quotedOf(doc(ref.replace('{T}', title))), []);
        assert.equal(
          quotedOf(doc(ref.replace('{T}', 'Zebra Crossings'))).length,
          1,
          'a title no section has is reported',
        );
      });
    }

    it('reports a quoted title that matches no section, with the closest one as related', () => {
      const text = doc('To opt out, see "Your Choice Options" below.');
      const { messages, quoted } = run(RULE, text);
      assert.deepEqual(quoted, ['"Your Choice Options"']);
      assert.match(messages[0].message, /No section titled “Your Choice Options”/);
    });

    it('did you mean: related points at the closest section and the suggestion rewrites the reference', () => {
      const text = doc('Parents should read the "Childrens Privacy Notice" section.');
      const { messages } = run(RULE, text);
      assert.equal(messages.length, 1);
      const [m] = messages;
      assert.match(m.message, /Did you mean “Children’s Privacy”/);
      assert.equal(
        text.slice(m.related![0].range.start.offset, m.related![0].range.end.offset),
        '## Children’s Privacy',
      );
      assert.equal(m.suggestions?.[0].safe, false);
      assert.ok(applyEdits(text, m.suggestions![0].edits).includes('read the "Children’s Privacy" section.'));
    });

    const notRefs: [string, string][] = [
      ['a defined term', 'We provide the service (the “Services”) to members.'],
      ['a UI label', 'Check the "Help" menu of your browser.'],
      ['another document', 'See the "Billing" section of our Terms of Service.'],
      ['another document named alone', 'For payment rules, see the "Terms of Service".'],
      ['a quoted word', 'Click "unsubscribe" in any email.'],
    ];
    for (const [name, ref] of notRefs) {
      it(`not a reference: ${name}`, () => assert.deepEqual(quotedOf(doc(ref)), []));
    }
  });

  describe('named references without quotes', () => {
    const doc = (ref: string) => policy(`## 7. Data Retention\n\nText.\n\n## Information Sharing\n\n${ref}`);
    it('resolves "as described in Data Retention above"', () => {
      assert.deepEqual(quotedOf(doc('We delete data as described in Data Retention above.')), []);
    });
    it('resolves "see the sharing section" by its words', () => {
      assert.deepEqual(quotedOf(doc('For partners, see the sharing section.')), []);
    });
    it('reports "as described in Account Deletion below"', () => {
      assert.deepEqual(quotedOf(doc('We remove accounts as described in Account Deletion below.')), [
        'Account Deletion',
      ]);
    });
    it('reports "see the complaints section below"', () => {
      assert.deepEqual(quotedOf(doc('To complain, see the complaints section below.')), ['complaints']);
    });
    it('ignores deictic sections and other documents', () => {
      assert.deepEqual(
        quotedOf(
          doc('As the next section explains, see the previous section. Open the Support section of your account.'),
        ),
        [],
      );
    });
  });

  describe('numbers', () => {
    it('"section 4" resolves against "## 4. Sharing"; "section 9" does not', () => {
      const text = policy('## 4. Sharing\n\nText.\n\n## 5. Rights\n\nSee section 4. Also see Section 9 below.');
      assert.deepEqual(quotedOf(text), ['9']);
    });

    it('"Section 2.1" resolves against "### 2.1 Cookies" and against an outline path', () => {
      assert.deepEqual(
        quotedOf(policy('## 2. Use\n\n### 2.1 Cookies\n\nText.\n\n## 3. Rights\n\nSee Section 2.1.')),
        [],
      );
      assert.deepEqual(
        quotedOf(policy('## 2. Use\n\n### 1. Cookies\n\nText.\n\n## 3. Rights\n\nSee Section 2.1.')),
        [],
      );
      assert.deepEqual(quotedOf(policy('## 2. Use\n\n### 1. Cookies\n\nText.\n\n## 3. Rights\n\nSee Section 2.4.')), [
        '2.4',
      ]);
    });

    it('roman numerals and outline references: "II.D." resolves only when II has a D', () => {
      const outline = policy(
        '## II. Data\n\n### D. Supplemental Data\n\nText.\n\n## III. Rights\n\nAs defined in II.D., we combine data. See Section III.',
      );
      assert.deepEqual(quotedOf(outline), []);
      const missing = policy('## II. Data\n\nText.\n\n## III. Rights\n\nAs defined in II.D., we combine data.');
      assert.deepEqual(quotedOf(missing), ['II.D']);
    });

    it('a quoted number: see “4” below', () => {
      assert.deepEqual(quotedOf(policy('## Sharing\n\nTo learn more, see “4” below.')), ['“4”']);
      assert.deepEqual(quotedOf(policy('1. **Sharing.** We share.\n2. **Rights.** See “1” above.')), []);
    });

    it('paragraph and clause numbers', () => {
      assert.deepEqual(
        quotedOf(policy('1. INTRODUCTION\n\nQuestions? See paragraph 9 or clause 1.\n\n2. DATA\n\nWe collect little.')),
        ['9'],
      );
    });

    it('several numbers in one reference', () => {
      assert.deepEqual(quotedOf(policy('## 1. Data\n\nText.\n\n## 2. Use\n\nSee sections 1 and 6.')), ['6']);
    });

    it('statutes have sections too', () => {
      const text = policy(
        '## Rights\n\nCalifornia Civil Code Section 1798.83 lets you ask. Section 5 of the FTC Act applies. So does section 230 of the Communications Decency Act, and 15 U.S.C. section 6501.',
      );
      assert.deepEqual(quotedOf(text), []);
    });
  });

  describe('#anchors', () => {
    const doc = (link: string) =>
      policy(
        `## 1. How We Collect Data\n\nText.\n\n## Children’s Privacy\n\nText.\n\n## FAQ\n\nA.\n\n## FAQ\n\nB.\n\n<a name="contact-point"></a>\n\n${link}`,
      );
    const resolving = [
      '#1-how-we-collect-data',
      '#childrens-privacy',
      '#faq-1',
      '#contact-point',
      '#How-We-Collect-Data',
      '#childrens%E2%80%99-privacy',
    ];
    for (const anchor of resolving) {
      it(`resolves ${anchor}`, () => assert.deepEqual(quotedOf(doc(`Jump to [that part](${anchor}).`)), []));
    }

    it('reports an anchor no heading has, and suggests the closest heading’s anchor', () => {
      const text = doc('Jump to [children](#children-privacy-policy).');
      const { messages, quoted } = run(RULE, text);
      assert.deepEqual(quoted, ['[children](#children-privacy-policy)']);
      assert.match(messages[0].message, /#children-privacy-policy/);
      const fixed = applyEdits(text, messages[0].suggestions![0].edits);
      assert.ok(fixed.includes('[children](#childrens-privacy)'));
    });

    it('ignores links to other pages', () => {
      assert.deepEqual(quotedOf(doc('See [terms](terms.md#billing) and [site](https://example.org/#top).')), []);
    });
  });

  describe('"the links below"', () => {
    it('followed by links: fine', () => {
      const text = policy(
        'Use the links below to jump to each section:\n\n- [Cookies](#cookies)\n- [Rights](#rights)\n\n## Cookies\n\nText.\n\n## Rights\n\nText.',
      );
      assert.deepEqual(quotedOf(text), []);
    });
    it('followed by the next heading: reported', () => {
      const text = policy('Use the following links to find what you need.\n\n## Cookies\n\nText.');
      const { messages, quoted } = run(RULE, text);
      assert.deepEqual(quoted, ['the following links']);
      assert.match(messages[0].message, /before “Cookies”/);
    });
    it('at the end of the policy: reported', () => {
      const { messages } = run(RULE, policy('## Cookies\n\nText.\n\nMore in the links below.'));
      assert.match(messages[0].message, /end of the policy/);
    });
    it('"by following links" is not a promise of links', () => {
      assert.deepEqual(quotedOf(policy('You can reach other sites by following links in our emails.')), []);
    });
  });

  describe('text helpers', () => {
    it('titleKey ignores case, hyphens, numbering, apostrophes, "the" and "section"', () => {
      assert.equal(
        titleKey('6. Third-Party Tracking and Online Advertising'),
        titleKey('the third party tracking and online advertising section'),
      );
      assert.equal(titleKey('II.D. Children’s Data'), 'childrens data');
      assert.equal(titleKey('2.1 Cookies'), 'cookies');
    });
    it('headingSlug follows GitHub', () => {
      assert.equal(headingSlug('1. How We Collect Data'), '1-how-we-collect-data');
      assert.equal(headingSlug('Children’s Privacy & You!'), 'childrens-privacy--you');
    });
  });

  describe('long documents', () => {
    /** Many numbered sections, each with a quoted reference to a title that does not exist. */
    function manyBrokenRefs(n: number): string {
      const parts = ['# Privacy Policy', ''];
      for (let i = 0; i < n; i++) {
        parts.push(
          `## ${i + 1}. Handling of records ${i}`,
          '',
          `Records are kept as the “Handling of recrds ${i}” section below explains, and see the links below.`,
          '',
        );
      }
      return parts.join('\n');
    }

    it('offers "did you mean" for the first 100 unresolved references and still reports every one', () => {
      const { messages } = run(RULE, manyBrokenRefs(130));
      const titles = messages.filter((m) => /No section titled/.test(m.message));
      assert.equal(titles.length, 130);
      assert.equal(titles.filter((m) => m.suggestions?.length).length, 100);
      assert.match(titles[0].message, /Did you mean “1\. Handling of records 0”/);
      assert.equal(titles[129].suggestions, undefined);
      assert.equal(messages.filter((m) => /no link follows/.test(m.message)).length, 130);
    });

    it('is a generator that pauses between pieces of its work, so an editor keeps serving during a long document', () => {
      const text = manyBrokenRefs(1200);
      const { doc, checklist } = lint(text, { assumePolicy: true, config: ALL });
      let reported = 0;
      const steps = crossReference.check({
        doc,
        checklist,
        config: ALL,
        options: {},
        now: NOW,
        report: () => void reported++,
      });
      assert.ok(steps, 'check returns its steps');
      let pauses = 0;
      for (let s = steps.next(); !s.done; s = steps.next()) pauses++;
      assert.ok(
        pauses >= Math.floor(doc.sentences.length / 256),
        `${pauses} pauses over ${doc.sentences.length} sentences`,
      );
      assert.equal(reported, 2400);
    });
  });
});
