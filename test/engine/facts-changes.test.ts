// Change-notification methods in the wordings real policies use (issue 11): each case is one
// pattern, written for this test.
import assert from 'node:assert/strict';
import { parsePolicy } from '../../server/src/engine/index.js';

const methods = (text: string) => [...new Set(parsePolicy(text).facts.methods.map((m) => m.method))].sort();

describe('facts: change-notification wordings', () => {
  const cases: [string, string, string[]][] = [
    [
      'a question heading about changes',
      '## How will I hear about changes?\n\nWe will post the next version of this notice on this page.',
      ['post-page'],
    ],
    [
      'the next version published here',
      '## Changes\n\nThe team will publish the next version here: <https://notes.example/privacy>.',
      ['post-page'],
    ],
    [
      'the current version found at an address',
      '## Updates to this policy\n\nWe may revise this policy. The most current version, found at notes.example/privacy, applies to you.',
      ['post-page'],
    ],
    [
      'the current version located here',
      '## Updates to this policy\n\nWe may revise this policy. The most recent version of this policy applies to all data we hold and will always be located here.',
      ['post-page'],
    ],
    [
      'updating the policy text on the website',
      '## Changes to our policy\n\nWe will always update this policy on our website when our practices change.',
      ['post-page'],
    ],
    [
      'updating the text of this page',
      '## Changes\n\nIf this notice changes, we will update the text of this page.',
      ['post-page'],
    ],
    [
      'the new policy posted (with "privacy" between)',
      '## Changes\n\nWe will tell you of changes by posting the new privacy policy at notes.example/privacy.',
      ['post-page'],
    ],
    [
      'a change to "its" policy',
      'Whenever Notes Ltd makes changes to its privacy policy, the revised version will be posted on this page.',
      ['post-page'],
    ],
    [
      'a quoted "last updated" date shown at the top',
      '## Changes\n\nChanges apply from the “Last updated” date shown at the top of the revised policy.',
      ['revised-date'],
    ],
    [
      'the date last modified reflected below',
      'This policy may be amended, and each amendment will be reflected in the "date last modified" given below.',
      ['revised-date'],
    ],
    [
      'marking the effective date',
      '## Changes\n\nWe will mark the effective date of each revision clearly.',
      ['revised-date'],
    ],
    [
      'the effective date of a change marked',
      '## Changes\n\nThe effective date of any change will be clearly marked.',
      ['revised-date'],
    ],
    [
      'the date when it was last updated included',
      '## Changes\n\nWhen we publish changes, we will include the date on which the policy was last updated.',
      ['post-page', 'revised-date'],
    ],
    [
      'the effective date at the top',
      '## Changes\n\nThe effective date at the top tells you when this policy last changed.',
      ['revised-date'],
    ],
    [
      'a quoted reference that tells when',
      "## Changes\n\nThe 'last updated' reference tells you when we last revised it.",
      ['revised-date'],
    ],
    [
      'a notice posted on the website, with a clause between',
      '## Changes\n\nWe will post a notice that this policy has changed on the website for two weeks before the change.',
      ['site-notice'],
    ],
    [
      'a notice given at a web address',
      '## Changes\n\nWe will give notice to you at https://notes.example/news for a month.',
      ['site-notice'],
    ],
    [
      'changes posted on the home page',
      '## Changes\n\nIf we decide to change this policy, we will post the changes on our homepage.',
      ['site-notice'],
    ],
    [
      'a notice by posting on the website',
      '## Changes\n\nYou will receive conspicuous notice of these changes by posting on our website.',
      ['site-notice'],
    ],
    [
      'acceptance before using the service again',
      '## Changes\n\nUsers must accept changes to this policy before they can continue using the app.',
      ['site-notice'],
    ],
    [
      'a user who sends an email is no notice',
      'This policy may be updated from time to time. If you have questions, please send an email to help@notes.example.',
      [],
    ],
  ];
  for (const [what, text, expected] of cases) {
    it(`reads ${JSON.stringify(expected)} from ${what}`, () => assert.deepEqual(methods(text), expected));
  }

  it('reads "check back" advice as posting only when nothing else is promised', () => {
    assert.deepEqual(methods('Please look back at this policy regularly, since it is subject to change.'), []);
    assert.deepEqual(methods('Please check back to this policy often, since it is subject to change.'), ['post-page']);
    assert.deepEqual(
      methods(
        '## Changes\n\nWe will email you about material changes. We encourage you to review this page periodically.',
      ),
      ['email'],
    );
  });
});
