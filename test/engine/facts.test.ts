// Fact extraction on phrasings beyond the sample corpus: the detection pitfalls that
// DOMAIN.md lists, and the written forms real policies use.
import assert from 'node:assert/strict';
import { lint, parsePolicy } from '../../server/src/engine/index.js';

const facts = (text: string) => parsePolicy(text).facts;
const ages = (text: string) => facts(text).ages.map((a) => a.age);

describe('facts: ages', () => {
  const cases: [string, number[]][] = [
    ['We do not knowingly collect data from children under 13.', [13]],
    ['The service is not for anyone under the age of thirteen (13).', [13]],
    ['You must be 13 years of age to register.', [13]],
    ['Children (those under 16) need a parent to consent.', [16]],
    ['Users aged 16 or older may consent on their own.', [16]],
    ['You must be eighteen years old to enter the sweepstakes.', [18]],
    ['Minors under 18 may not buy gift cards; children under 13 may not register.', [18, 13]],
  ];
  for (const [text, expected] of cases) {
    it(`reads ${JSON.stringify(expected)} in "${text}"`, () => assert.deepEqual(ages(text), expected));
  }

  const notAges = [
    'As described in Section 13, we keep logs.',
    'We answer requests within 13 business days.',
    'Under 13 U.S.C. 9 census data is confidential.',
    'Our office is open under 16 hours a day.',
    'We will respond within 30 days of your request.',
  ];
  for (const text of notAges) it(`finds no age in "${text}"`, () => assert.deepEqual(ages(text), []));

  it('tags what an age is a threshold for', () => {
    const f = facts(
      'Children under 13 may not use the app. You must be 18 or older to enter our sweepstakes. In the EEA, users under 16 need parental consent.',
    );
    assert.deepEqual(
      f.ages.map((a) => [a.age, a.concept]),
      [
        [13, 'children'],
        [18, 'contest'],
        [16, 'consent:eu'],
      ],
    );
  });

  it('points each age at its words in the source', () => {
    const text = 'Intro.\n\nWe do not knowingly collect data from children under the age of 13.';
    const a = facts(text).ages[0];
    assert.equal(text.slice(a.range.start.offset, a.range.end.offset), 'under the age of 13');
    assert.equal(a.range.start.line, 3);
  });
});

describe('facts: emails', () => {
  const emails = (text: string) => facts(text).emails.map((e) => [e.email, e.form]);
  it('reads plain, mailto-only and obfuscated addresses, lower-cased', () => {
    assert.deepEqual(emails('Write to Privacy@Acme.io.'), [['privacy@acme.io', 'plain']]);
    assert.deepEqual(emails('You can [write to us](mailto:help@acme.io?subject=Privacy).'), [
      ['help@acme.io', 'mailto'],
    ]);
    assert.deepEqual(emails('Email privacy (at) acme (dot) com today.'), [['privacy@acme.com', 'obfuscated']]);
    assert.deepEqual(emails('Email privacy[at]acme[dot]co[dot]uk today.'), [['privacy@acme.co.uk', 'obfuscated']]);
    assert.deepEqual(emails('Email dpo AT acme DOT de today.'), [['dpo@acme.de', 'obfuscated']]);
    assert.deepEqual(emails('Email dpo at acme dot de today.'), [['dpo@acme.de', 'obfuscated']]);
  });
  it('counts a linked address once', () => {
    assert.deepEqual(emails('Contact [privacy@acme.io](mailto:privacy@acme.io).'), [['privacy@acme.io', 'mailto']]);
  });
  it('does not read ordinary words as obfuscated addresses', () => {
    assert.deepEqual(emails('We meet at noon. Look at the data in our office.'), []);
  });
  it('marks addresses given for a third party', () => {
    const f = facts(
      'If we cannot resolve a complaint, contact TRUSTe at feedback@truste-example.org. Contact us at help@acme.io.',
    );
    assert.deepEqual(
      f.emails.map((e) => [e.email, e.thirdParty]),
      [
        ['feedback@truste-example.org', true],
        ['help@acme.io', false],
      ],
    );
  });
});

describe('facts: postal addresses', () => {
  const postal = (text: string) => facts(text).postal.map((p) => p.region);
  it('reads US addresses with and without a street type, and PO boxes', () => {
    assert.deepEqual(postal('Acme, Inc., 1200 Main Street, Suite 4, Springfield, IL 62701.'), ['US']);
    assert.deepEqual(postal('Acme  \n77 Kendall  \nCambridge, Massachusetts 02142'), ['US']);
    assert.deepEqual(postal('Write to P.O. Box 4410, Portland, OR 97208.'), ['PO']);
  });
  it('reads UK, EU, Irish and Canadian addresses', () => {
    assert.deepEqual(postal('Acme Ltd, 10 Downing Lane, London SW1A 2AA, United Kingdom.'), ['UK']);
    assert.deepEqual(postal('Acme GmbH, Hauptstraße 5, 10115 Berlin, Germany.'), ['EU']);
    assert.deepEqual(postal('Acme SAS, 12 rue de la Paix, 75002 Paris, France.'), ['EU']);
    assert.deepEqual(postal('Acme BV, Keizersgracht 123, 1015 CJ Amsterdam, Netherlands.'), ['EU']);
    assert.deepEqual(postal('Acme Ltd, 3 Dock Road, Dublin 2, D02 X285, Ireland.'), ['EU']);
    assert.deepEqual(postal('Acme Inc., 100 King Street West, Toronto, ON M5X 1A9, Canada.'), ['CA']);
  });
  it('does not take numbers in prose for an address', () => {
    assert.deepEqual(postal('We keep logs for 90 days and serve 1200 customers in 30 countries.'), []);
  });
});

describe('facts: phones', () => {
  const phones = (text: string) => facts(text).phones.map((p) => p.text);
  it('reads North American and international numbers', () => {
    assert.deepEqual(phones('Call 1 (866) 555-0100 or +44 20 7946 0958.'), ['1 (866) 555-0100', '+44 20 7946 0958']);
    assert.deepEqual(phones('Tel: 020 7946 0958'), ['020 7946 0958']);
  });
  it('ignores dates, ZIP codes, versions and amounts', () => {
    assert.deepEqual(phones('Updated 2024-03-01, ZIP 97008, version 1.2.3, 128-bit keys, $1,000,000.'), []);
  });
});

describe('facts: dates', () => {
  const dates = (text: string) => facts(text).dates.map((d) => [d.iso, d.effective]);
  it('reads a date labelled in front matter as the policy date', () => {
    assert.deepEqual(dates('---\ntitle: Our privacy notice\nlastmod: 2023-04-05\n---\n\nWe collect little.'), [
      ['2023-04-05', true],
    ]);
    assert.deepEqual(dates('---\nupdated: 2022-11-30\n---\n\nWe collect little.'), [['2022-11-30', true]]);
    assert.deepEqual(dates('---\ndate: 2021-06-01\n---\n\nWe collect little.'), [['2021-06-01', true]]);
  });
  it('reads short labels before a date: Date, Created, Last update, Rev.', () => {
    assert.deepEqual(dates('**DATE: August 16, 2024**'), [['2024-08-16', true]]);
    assert.deepEqual(dates('Created: July 17, 2017'), [['2017-07-17', true]]);
    assert.deepEqual(dates('Last update: **June 2, 2024**'), [['2024-06-02', true]]);
    assert.deepEqual(dates('Rev. July 2013'), [['2013-07', true]]);
  });
  it('reads two-digit years after a label', () => {
    assert.deepEqual(dates('Last updated: 4/4/15'), [['2015-04-04', true]]);
    assert.deepEqual(dates('This page was last substantively updated on 11/16/10.'), [['2010-11-16', true]]);
  });
  it('does not make an unlabelled date in prose the policy date', () => {
    assert.deepEqual(dates('We moved offices on 1/2/20 and on March 3, 2021.'), [
      ['2020-01-02', false],
      ['2021-03-03', false],
    ]);
  });
  it('takes the latest of an effective and a last-updated date in one line, not across sentences', () => {
    const date = (text: string) => lint(text).checklist.find((c) => c.id === 'effective-date')!.facts.date;
    assert.equal(
      date('# Privacy\n\nEffective as of May 1, 2020 | Last update June 3, 2021\n\nWe collect little.'),
      '2021-06-03',
    );
    assert.equal(
      date('# Privacy\n\n**Last updated on May 1, 2020.** It takes effect on June 3, 2020.\n\nWe collect little.'),
      '2020-05-01',
    );
  });
  it('reads the forms policies use', () => {
    assert.deepEqual(dates('Last updated: April 4, 2013'), [['2013-04-04', true]]);
    assert.deepEqual(dates('Effective 4th of April, 2013.'), [['2013-04-04', true]]);
    assert.deepEqual(dates('Revised: 2021-02-28'), [['2021-02-28', true]]);
    assert.deepEqual(dates('This policy is in effect as of October 2010.'), [['2010-10', true]]);
    assert.deepEqual(dates('Last updated: 31/01/2022'), [['2022-01-31', true]]);
    assert.deepEqual(dates('Last updated: 2019'), [['2019', true]]);
  });
  it('rejects impossible dates and does not call every date effective', () => {
    assert.deepEqual(dates('Last updated: February 30, 2021'), []);
    assert.deepEqual(dates('We were founded on May 1, 2009.'), [['2009-05-01', false]]);
  });
});

describe('facts: change-notification methods', () => {
  const methods = (text: string) => facts(text).methods.map((m) => m.method);
  it('tells active notice from posting', () => {
    assert.deepEqual(methods('## Changes to this policy\n\nWe will post the new version on this page.'), ['post-page']);
    assert.deepEqual(methods('## Updates\n\nIf we change this policy materially, we will email you first.'), ['email']);
    assert.deepEqual(methods('If we change this policy we will display a banner on our website.'), ['site-notice']);
    assert.deepEqual(methods('When we update this policy, we will revise the "last updated" date.'), ['revised-date']);
  });
  it('reads methods only where the policy speaks of changing itself', () => {
    assert.deepEqual(methods('If the company is sold, we will notify you by email.'), []);
  });
});
