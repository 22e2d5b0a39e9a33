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
const policy = (sentence: string) => `# Privacy Policy\n\nThis policy explains how Brightfern handles information.\n\n${sentence}\n`;

const status = (text: string, item: ChecklistId) => lint(policy(text), { now: new Date('2026-11-22') }).checklist.find((c) => c.id === item)!.status;

const CASES: Case[] = [
  // retention: a period, an event that ends keeping, or a denial of keeping anything
  { item: 'retention', present: true, text: 'Once your order has shipped, we delete your card details from our system.' },
  { item: 'retention', present: true, text: 'Support messages are purged shortly after we have responded to them.' },
  { item: 'retention', present: true, text: 'The gift recipient\u2019s address is erased once the voucher has been redeemed.' },
  { item: 'retention', present: true, text: 'Diagnostic logs may persist for an indefinite period on backup tapes.' },
  { item: 'retention', present: true, text: 'Your newsletter address is saved for as long as your subscription is active.' },
  { item: 'retention', present: true, text: 'Upload records are removed once they are no longer needed for billing.' },
  { item: 'retention', present: true, text: 'We do not log your search terms or your IP address.' },
  { item: 'retention', present: true, text: 'Because nothing leaves your device, no personal data is retained by us.' },
  { item: 'retention', present: false, text: 'Session cookies do not store any personal information about you.' },
  { item: 'retention', present: false, text: 'A persistent cookie stays after you close your browser.' },
  { item: 'retention', present: false, text: 'If we learn that a child has sent us information, we will delete it from our files within a reasonable time.' },
];

describe('topic detection by sentence', () => {
  for (const c of CASES) {
    it(`${c.item} ${c.present ? 'is' : 'is not'} addressed by "${c.text}"`, () => {
      const s = status(c.text, c.item);
      assert.equal(s !== 'missing', c.present, `status: ${s}`);
    });
  }
});
