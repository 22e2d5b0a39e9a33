// The third blind round (issue 11): one case per cause the blind fixtures showed, each a short
// policy written for this test.
import assert from 'node:assert/strict';
import { lint, parsePolicy } from '../../server/src/engine/index.js';
import type { ChecklistId } from '../../server/src/engine/types.js';

const NOW = new Date('2026-11-22');
const entry = (text: string, id: ChecklistId) => lint(text, { now: NOW }).checklist.find((c) => c.id === id)!;
const status = (text: string, id: ChecklistId) => entry(text, id).status;
const ownEmails = (text: string) =>
  parsePolicy(text)
    .facts.emails.filter((e) => !e.thirdParty && !e.example)
    .map((e) => e.email);
const policy = (body: string) =>
  `# Privacy Policy\n\nThis policy explains how Brightfern handles information.\n\n${body}\n`;

describe('blind round 3: generic section titles', () => {
  it('does not count a section titled "Access" about staff access as access rights', () => {
    const text = policy(
      '## Access\n\nOnly two engineers can reach the production database, and every login is written to an audit log.',
    );
    assert.equal(status(text, 'access-rights'), 'missing');
  });

  it('still counts an "Access" section that lets users correct their data', () => {
    const text = policy('## Access\n\nYou may correct the details in your profile whenever you wish.');
    assert.notEqual(status(text, 'access-rights'), 'missing');
  });

  it('does not count "Your choices" that offers only product settings as an opt-out', () => {
    const text = policy('## Your choices\n\nSync is off by default and the app works fully without it.');
    assert.equal(status(text, 'opt-out'), 'missing');
  });

  it('still counts a "Choice" section about mailings as an opt-out', () => {
    const text = policy(
      '## Choice\n\nIf you do not want to receive our printed catalogue, write to us and we will remove you from the list.',
    );
    assert.notEqual(status(text, 'opt-out'), 'missing');
  });
});

describe('blind round 3: wordings', () => {
  it('reads how soon an opt-out takes effect as no retention period', () => {
    const text = policy('Email us and we will remove you from those lists within 30 days.');
    assert.equal(status(text, 'retention'), 'missing');
  });

  it('reads a first-person-singular access right and opt-out', () => {
    const text = policy(
      'You are welcome to ask what I hold about you, to have it corrected, and you can tell me at any time to stop sending the newsletter.',
    );
    assert.notEqual(status(text, 'access-rights'), 'missing');
    assert.notEqual(status(text, 'opt-out'), 'missing');
  });

  it('reads a question heading "How is my information used?"', () => {
    const text = policy('## How is my information used?\n\nTo save your game between devices.');
    assert.notEqual(status(text, 'use'), 'missing');
  });

  it('reads processing "in either country" as an international transfer', () => {
    const text = policy(
      'Our servers are rented in Norway and in Chile; your data may therefore be processed in either country.',
    );
    assert.notEqual(status(text, 'international-transfer'), 'missing');
  });
});

describe('blind round 3: change notification', () => {
  it('reads "Changes to Policy" (no article) as a changes section', () => {
    const text = policy('## Changes to Policy\n\nMinor edits are posted here, and the date at the top is updated.');
    assert.deepEqual(entry(text, 'change-notification').facts.methods, ['post-page', 'revised-date']);
  });

  it('reads "If this policy changes I will email" as a change clause', () => {
    const text = policy('If this policy changes I will email every family with current bookings.');
    assert.deepEqual(entry(text, 'change-notification').facts.methods, ['email']);
  });

  it('reads an in-game message and "put the new version here"', () => {
    const game = policy('## Changes\n\nWe will show an in-game message the next time you open the game.');
    assert.deepEqual(entry(game, 'change-notification').facts.methods, ['site-notice']);
    const here = policy('## Changes\n\nWe will put the new version here.');
    assert.deepEqual(entry(here, 'change-notification').facts.methods, ['post-page']);
  });
});

describe('blind round 3: dates and ages', () => {
  it('takes the update date of front matter over its publication date', () => {
    const text = `---\ntitle: Privacy\ndate: 2023-01-09\nupdated: 2025-04-22\n---\n\n${policy('We collect your email address.')}`;
    assert.equal(entry(text, 'effective-date').facts.date, '2025-04-22');
  });

  it("dates a policy by its change log table's newest row", () => {
    const text = policy(
      '## History\n\n| Date | Change |\n|---|---|\n| 2 February 2024 | Shorter log retention. |\n| 12 May 2025 | New age table. |',
    );
    assert.equal(entry(text, 'effective-date').facts.date, '2025-05-12');
  });

  it('reads ages in a table column headed by an age', () => {
    const text = policy(
      '## Children\n\n| Region | Minimum age for an account |\n|---|---|\n| United States | 13 |\n| European Union | 16 |',
    );
    assert.deepEqual(entry(text, 'children').facts.ages, [13, 16]);
  });

  it('reads both ends of "aged 11 to 17"', () => {
    const text = policy('Most of our students are aged 11 to 17, so only a parent may book.');
    assert.deepEqual(entry(text, 'children').facts.ages, [11, 17]);
  });
});

describe('blind round 3: contact', () => {
  it('strips a word glued onto a common top-level domain', () => {
    assert.deepEqual(ownEmails('Write to hello@potter.co.ukand we will answer.'), ['hello@potter.co.uk']);
    assert.deepEqual(ownEmails('Mail comments@example.comreturn'), ['comments@example.com']);
  });

  it('keeps real domains that only start like a TLD', () => {
    assert.deepEqual(ownEmails('Write to hello@potter.community today.'), ['hello@potter.community']);
  });

  it('strips an "at" glued onto the address', () => {
    assert.deepEqual(ownEmails('Please email us atoptout@garden.com to stop.'), ['optout@garden.com']);
  });

  it("does not count a provider's own privacy team as the company's contact", () => {
    assert.deepEqual(
      ownEmails('Its privacy team is reachable at privacy@cloudvendor.example, and its own privacy policy applies.'),
      [],
    );
  });

  it('reads an in-game form as a contact form', () => {
    const text = policy('## Contact\n\nUse the in-game form under Settings to reach us.');
    assert.equal(entry(text, 'contact').facts.form, true);
  });
});
