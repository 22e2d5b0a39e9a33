// Topic detection sentence by sentence: each case is a short policy in our own words that
// addresses (or does not address) one topic, the way real policies word it, denials included.
import assert from 'node:assert/strict';
import { lint } from '../../server/src/engine/index.js';
import type { ChecklistId } from '../../server/src/engine/types.js';

interface Case {
  item: ChecklistId;
  text: string;
  /** Whether the item counts as addressed (not "missing"). */
  present: boolean;
}

/** A one-paragraph policy around the sentence, under a title that names no topic. */
const policy = (sentence: string) =>
  `# Privacy Policy\n\nThis policy explains how Brightfern handles information.\n\n${sentence}\n`;

const status = (text: string, item: ChecklistId) =>
  lint(policy(text), { now: new Date('2026-11-22') }).checklist.find((c) => c.id === item)!.status;

const CASES: Case[] = [
  // retention: a period, an event that ends keeping, or a denial of keeping anything
  {
    item: 'retention',
    present: true,
    text: 'Once your order has shipped, we delete your card details from our system.',
  },
  { item: 'retention', present: true, text: 'Support messages are purged shortly after we have responded to them.' },
  {
    item: 'retention',
    present: true,
    text: 'The gift recipient\u2019s address is erased once the voucher has been redeemed.',
  },
  { item: 'retention', present: true, text: 'Diagnostic logs may persist for an indefinite period on backup tapes.' },
  {
    item: 'retention',
    present: true,
    text: 'Your newsletter address is saved for as long as your subscription is active.',
  },
  { item: 'retention', present: true, text: 'Upload records are removed once they are no longer needed for billing.' },
  { item: 'retention', present: true, text: 'We do not log your search terms or your IP address.' },
  { item: 'retention', present: true, text: 'Because nothing leaves your device, no personal data is retained by us.' },
  { item: 'retention', present: false, text: 'Session cookies do not store any personal information about you.' },
  { item: 'retention', present: false, text: 'A persistent cookie stays after you close your browser.' },
  {
    item: 'retention',
    present: false,
    text: 'If we learn that a child has sent us information, we will delete it from our files within a reasonable time.',
  },
  // sharing: passive and negative forms, disclosure on demand, hosting and advertisers' servers
  {
    item: 'sharing',
    present: true,
    text: 'None of the details parents give us is sold or rented to any third parties.',
  },
  { item: 'sharing', present: true, text: 'A pen-pal profile is shared only with other members of the club.' },
  {
    item: 'sharing',
    present: true,
    text: 'We will not use or share your details with anyone except as this policy says.',
  },
  { item: 'sharing', present: true, text: 'We may disclose your personal information if a court orders us to.' },
  { item: 'sharing', present: true, text: 'Your domain records may be disclosed in public registry lookups.' },
  { item: 'sharing', present: true, text: 'The ad networks on our pages automatically receive your IP address.' },
  { item: 'sharing', present: true, text: 'The tool does not collect, store, or transmit anything you type.' },
  { item: 'sharing', present: true, text: 'This site is hosted by a static hosting service in Frankfurt.' },
  { item: 'sharing', present: false, text: 'You can share a drawing with your classmates from the gallery page.' },
  // use: purposes stated without "we use"
  { item: 'use', present: true, text: 'Brightfern shall use your information for billing and support.' },
  { item: 'use', present: true, text: 'This page lists what information is gathered and how it is used.' },
  {
    item: 'use',
    present: true,
    text: 'We share account details among our affiliates for our everyday business purposes.',
  },
  {
    item: 'use',
    present: true,
    text: 'By ordering you agree to our collecting your address and using it for delivery only.',
  },
  { item: 'use', present: true, text: 'Because the game runs offline, no personal data is stored or processed by us.' },
  { item: 'use', present: false, text: 'The garden tools ship in recycled boxes.' },
  // collection: passive forms and server logs
  { item: 'collection', present: true, text: 'Some technical information is automatically collected when pages load.' },
  {
    item: 'collection',
    present: true,
    text: 'Our log files record browser type and internet protocol addresses of visitors.',
  },
  // access rights: what the reader may see or change, and denials
  {
    item: 'access-rights',
    present: true,
    text: 'We allow parents to review what their child has posted and to have it removed.',
  },
  {
    item: 'access-rights',
    present: true,
    text: 'You can make changes to the information in your account at any time.',
  },
  {
    item: 'access-rights',
    present: true,
    text: 'Upon request, we will send a guardian a summary of the details held about the pupil.',
  },
  { item: 'access-rights', present: true, text: 'Entries in the public key log cannot be deleted, only superseded.' },
  { item: 'access-rights', present: false, text: 'Our payment processor may have access to your card number.' },
  // security: access kept to few people inside
  { item: 'security', present: true, text: 'We restrict access to customer data to the support team.' },
  { item: 'security', present: true, text: 'Only a small number of staff have access to the order database.' },
  // third-party links
  { item: 'third-party-links', present: true, text: 'This policy does not cover the web sites to which we link.' },
  {
    item: 'third-party-links',
    present: true,
    text: 'We are not responsible for what happens on external websites reached from our pages.',
  },
  {
    item: 'third-party-links',
    present: true,
    text: 'The ticket shop has published a separate privacy policy covering that platform.',
  },
  {
    item: 'third-party-links',
    present: false,
    text: 'Videos embedded in our articles are governed by the privacy policies of those services.',
  },
  // international transfer: "U.S." at a sentence's end, the reader abroad, regions
  {
    item: 'international-transfer',
    present: true,
    text: 'Support tickets are stored with a help-desk vendor in the U.S. and read by our team there.',
  },
  {
    item: 'international-transfer',
    present: true,
    text: 'If you live outside the EU, your account is served from our Dublin office.',
  },
  {
    item: 'international-transfer',
    present: true,
    text: 'All of this processing will take place in the United States.',
  },
  {
    item: 'international-transfer',
    present: true,
    text: 'Uploads are hosted in two regions, one in Oregon and one in Frankfurt.',
  },
  { item: 'international-transfer', present: false, text: 'Our international laws page lists the treaties we follow.' },
  // opt-out: a say over further use or sharing
  {
    item: 'opt-out',
    present: true,
    text: 'A parent may refuse to permit further collection of their child\u2019s details.',
  },
  {
    item: 'opt-out',
    present: true,
    text: 'Through the school, parents can prohibit us from sharing a pupil\u2019s records.',
  },
  { item: 'opt-out', present: true, text: 'Redirects are on by default, but we leave the choice up to you.' },
  { item: 'opt-out', present: false, text: 'You can choose a colour theme for your dashboard.' },
  // cookies: a statement, not a bare label or a link title
  { item: 'cookies', present: true, text: 'We use cookies.' },
  { item: 'cookies', present: false, text: '- Device Identifiers and Cookies' },
  { item: 'cookies', present: false, text: 'Further reading: the All About Cookies page.' },
  // do not track: the signal by its name, not the verb
  { item: 'do-not-track', present: true, text: 'We do not respond to Do Not Track signals from browsers.' },
  { item: 'do-not-track', present: true, text: 'Our site ignores the "do not track" setting of your browser.' },
  { item: 'do-not-track', present: false, text: 'These cookies do not track what you do on other websites.' },
];

describe('topic detection by sentence', () => {
  for (const c of CASES) {
    it(`${c.item} ${c.present ? 'is' : 'is not'} addressed by "${c.text}"`, () => {
      const s = status(c.text, c.item);
      assert.equal(s !== 'missing', c.present, `status: ${s}`);
    });
  }
});
